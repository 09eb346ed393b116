package dev.optlab.diff;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.ast.Stmt;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only parser of optlab expressions into the AST, with spans: numbers, names, strings,
 * booleans, calls with positional or named arguments, parentheses, tuples, lists, unary {@code +
 * -} and binary {@code + - * / ^} ({@code ^} right-associative and tighter than unary minus).
 * Also {@code def NAME(a, b) = EXPR}.
 */
final class MiniParser {
  private final String text;
  private int pos;

  private MiniParser(String text) {
    this.text = text;
  }

  static Expr parse(String text) {
    MiniParser p = new MiniParser(text);
    Expr e = p.expr();
    p.skip();
    if (p.pos != text.length()) {
      throw new IllegalArgumentException("trailing input at " + p.pos + ": " + text);
    }
    return e;
  }

  static Source source(String text) {
    return new Source("<test>", text);
  }

  /** Parses {@code def NAME(a, b) = EXPR}. */
  static Stmt.Def def(String text) {
    MiniParser p = new MiniParser(text);
    p.skip();
    int start = p.pos;
    p.expectWord("def");
    Stmt.Ident name = p.ident();
    p.expect('(');
    List<Stmt.Ident> params = new ArrayList<>();
    p.skip();
    if (p.peek() != ')') {
      do {
        params.add(p.ident());
        p.skip();
      } while (p.eat(','));
    }
    p.expect(')');
    p.expect('=');
    Expr body = p.expr();
    return new Stmt.Def(name, params, body, new Span(start, p.pos));
  }

  private Expr expr() {
    return additive();
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (true) {
      skip();
      char c = peek();
      if (c == '+' || c == '-') {
        pos++;
        Expr right = multiplicative();
        left = new Expr.Binary(c == '+' ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUB, left, right,
            left.span().to(right.span()));
      } else {
        return left;
      }
    }
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (true) {
      skip();
      char c = peek();
      if (c == '*' || c == '/') {
        pos++;
        Expr right = unary();
        left = new Expr.Binary(c == '*' ? Expr.BinaryOp.MUL : Expr.BinaryOp.DIV, left, right,
            left.span().to(right.span()));
      } else {
        return left;
      }
    }
  }

  private Expr unary() {
    skip();
    char c = peek();
    if (c == '-' || c == '+') {
      int start = pos++;
      Expr operand = unary();
      return new Expr.Unary(c == '-' ? Expr.UnaryOp.NEG : Expr.UnaryOp.PLUS, operand,
          new Span(start, operand.span().end()));
    }
    return power();
  }

  private Expr power() {
    Expr base = primary();
    skip();
    if (peek() == '^') {
      pos++;
      Expr exponent = unary();
      return new Expr.Binary(Expr.BinaryOp.POW, base, exponent, base.span().to(exponent.span()));
    }
    return base;
  }

  private Expr primary() {
    skip();
    int start = pos;
    char c = peek();
    if (Character.isDigit(c) || c == '.') {
      while (pos < text.length() && (Character.isDigit(peek()) || peek() == '.')) {
        pos++;
      }
      if (pos < text.length() && (peek() == 'e' || peek() == 'E')) {
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        while (pos < text.length() && Character.isDigit(peek())) {
          pos++;
        }
      }
      return new Expr.Num(Double.parseDouble(text.substring(start, pos)), new Span(start, pos));
    }
    if (c == '"') {
      pos++;
      while (peek() != '"') {
        pos++;
      }
      pos++;
      return new Expr.Str(text.substring(start + 1, pos - 1), new Span(start, pos));
    }
    if (c == '(') {
      pos++;
      List<Arg> items = args(')');
      if (items.size() == 1 && !items.get(0).named()) {
        return items.get(0).value();
      }
      return new Expr.Tuple(items, new Span(start, pos));
    }
    if (c == '[') {
      pos++;
      List<Expr> items = new ArrayList<>();
      for (Arg a : args(']')) {
        items.add(a.value());
      }
      return new Expr.ListLit(items, new Span(start, pos));
    }
    if (Character.isLetter(c) || c == '_') {
      Stmt.Ident id = ident();
      if (id.name().equals("true") || id.name().equals("false")) {
        return new Expr.Bool(id.name().equals("true"), id.span());
      }
      skip();
      if (peek() == '(') {
        pos++;
        List<Arg> args = args(')');
        return new Expr.Call(id.name(), id.span(), args, new Span(start, pos));
      }
      return new Expr.Name(id.name(), id.span());
    }
    throw new IllegalArgumentException("unexpected '" + c + "' at " + pos + ": " + text);
  }

  /** Arguments up to {@code close}, which is consumed. */
  private List<Arg> args(char close) {
    List<Arg> out = new ArrayList<>();
    skip();
    if (eat(close)) {
      return out;
    }
    do {
      skip();
      int start = pos;
      String name = null;
      Span nameSpan = null;
      int save = pos;
      if (Character.isLetter(peek())) {
        Stmt.Ident id = ident();
        skip();
        if (peek() == '=' ) {
          pos++;
          name = id.name();
          nameSpan = id.span();
        } else {
          pos = save;
        }
      }
      Expr value = expr();
      out.add(new Arg(name, nameSpan, value, new Span(start, value.span().end())));
      skip();
    } while (eat(','));
    expect(close);
    return out;
  }

  private Stmt.Ident ident() {
    skip();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("expected a name at " + pos + ": " + text);
    }
    return new Stmt.Ident(text.substring(start, pos), new Span(start, pos));
  }

  private void expectWord(String w) {
    skip();
    if (!text.startsWith(w, pos)) {
      throw new IllegalArgumentException("expected " + w);
    }
    pos += w.length();
  }

  private void expect(char c) {
    skip();
    if (!eat(c)) {
      throw new IllegalArgumentException("expected '" + c + "' at " + pos + ": " + text);
    }
  }

  private boolean eat(char c) {
    skip();
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skip() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}

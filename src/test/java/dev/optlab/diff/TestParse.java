package dev.optlab.diff;

import dev.optlab.ast.Expr;
import dev.optlab.ast.Stmt;
import dev.optlab.source.Source;
import dev.optlab.syntax.SyntaxParser;

/** The real parser, for tests that start from an expression's or a {@code def}'s text. */
final class TestParse {
  private TestParse() {}

  static Source source(String text) {
    return new Source("<test>", text);
  }

  static Expr expr(String text) {
    return SyntaxParser.parseExpression(source(text));
  }

  /** Parses {@code def NAME(a, b) = EXPR}. */
  static Stmt.Def def(String text) {
    return (Stmt.Def) SyntaxParser.parse(source(text)).get(0);
  }
}

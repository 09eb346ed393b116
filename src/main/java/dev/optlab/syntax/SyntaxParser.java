package dev.optlab.syntax;

import dev.optlab.ast.Expr;
import dev.optlab.ast.Stmt;
import dev.optlab.source.Diagnostic;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
import dev.optlab.syntax.gen.OptlabLexer;
import dev.optlab.syntax.gen.OptlabParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The one place that sets up ANTLR. A script is split into statements at their leading keywords
 * and each is parsed on its own (SLL first, full LL only when SLL fails), so a bad statement
 * reports exactly one error and every other statement is still parsed: panic-mode recovery at
 * statement boundaries, which the language's keyword-first statements make exact.
 */
public final class SyntaxParser {
  private SyntaxParser() {}

  /** Parses a whole script; throws with every statement's syntax error. */
  public static List<Stmt> parse(Source source) {
    return parse(source, false);
  }

  /**
   * Parses REPL input: statements, or a bare expression, which means {@code print EXPR}.
   */
  public static List<Stmt> parseRepl(Source source) {
    return parse(source, true);
  }

  /**
   * Whether REPL input stops in the middle of a statement (an open parenthesis, a trailing
   * operator, a {@code then} waiting for its schedule): its first syntax error is at the very end
   * of the input, where more typing could fix it.
   */
  public static boolean isIncomplete(Source source) {
    Lexed lexed = lex(source);
    List<List<Token>> chunks = split(lexed.tokens);
    if (chunks.isEmpty()) {
      return false;
    }
    List<Token> last = chunks.get(chunks.size() - 1);
    if (tooDeep(last) != null) {
      return false; // an error to show at once, not a reason to wait for more input
    }
    Token end = eof(lexed, last, null);
    try {
      parseChunk(lexed, last, end, true);
      return false;
    } catch (ChunkError e) {
      return e.offending.getType() == Token.EOF && end.getText().equals("<EOF>");
    } catch (StackOverflowError e) {
      // Too deep to parse is an error to show, not a reason to wait for more input.
      return false;
    }
  }

  private static List<Stmt> parse(Source source, boolean repl) {
    Lexed lexed = lex(source);
    List<List<Token>> chunks = split(lexed.tokens);
    List<Stmt> statements = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      List<Token> chunk = chunks.get(i);
      Token next = i + 1 < chunks.size() ? chunks.get(i + 1).get(0) : null;
      Token deep = tooDeep(chunk);
      if (deep != null) {
        errors.add(tooDeepError(source, lexed, deep));
        continue;
      }
      try {
        ParserRuleContext tree = parseChunk(lexed, chunk, eof(lexed, chunk, next), repl);
        statements.add(new AstBuilder(lexed).statement(tree));
      } catch (ChunkError e) {
        errors.add(assignmentWithoutLet(source, lexed, chunk, e.offending)
            .orElse(new Diagnostic(source, lexed.span(e.offending), e.getMessage())));
      } catch (OptlabError e) {
        errors.addAll(e.diagnostics());
      } catch (StackOverflowError e) {
        errors.add(new Diagnostic(source, lexed.span(chunk.get(0)),
            "expression nested too deeply"));
      }
    }
    if (!errors.isEmpty()) {
      throw new OptlabError(errors);
    }
    return statements;
  }

  /**
   * {@code k = 3}, the way most languages declare a variable, fails at {@code k} in a script and
   * at {@code =} in the REPL; either way the fix is {@code let}, so the error says so.
   */
  private static java.util.Optional<Diagnostic> assignmentWithoutLet(Source source, Lexed lexed,
      List<Token> chunk, Token offending) {
    if (chunk.size() < 2 || chunk.get(0).getType() != OptlabLexer.ID
        || chunk.get(1).getType() != OptlabLexer.ASSIGN
        || (offending != chunk.get(0) && offending != chunk.get(1))) {
      return java.util.Optional.empty();
    }
    String name = chunk.get(0).getText();
    return java.util.Optional.of(new Diagnostic(source, lexed.span(chunk.get(0)),
        "'" + name + " = ...' is not a statement: write 'let " + name + " = ...' to declare a"
        + " constant"));
  }

  /**
   * Brackets open at once beyond which a statement is refused before ANTLR sees it. ANTLR's
   * prediction is superlinear in nesting (30,000 levels took 142 s); at this depth a 1 MB script
   * of nested statements still parses in well under a second, and no formula needs more.
   */
  static final int MAX_BRACKETS = 64;

  /**
   * The first token that nests more than {@link #MAX_BRACKETS} levels, in one linear scan: an
   * opening bracket, or a {@code ^} in a chain such as {@code 2^2^2^...}, which is right
   * associative and so nests as brackets do.
   */
  static Token tooDeep(List<Token> chunk) {
    int depth = 0;
    int powers = 0; // the length of the current ^ chain
    int previous = -1;
    for (Token t : chunk) {
      int type = t.getType();
      if (type == OptlabLexer.LPAREN || type == OptlabLexer.LBRACK) {
        if (++depth + powers > MAX_BRACKETS) {
          return t;
        }
      } else if ((type == OptlabLexer.RPAREN || type == OptlabLexer.RBRACK) && depth > 0) {
        depth--;
      } else if (type == OptlabLexer.POW) {
        if (depth + ++powers > MAX_BRACKETS) {
          return t;
        }
      } else if (endsChain(type, previous)) {
        powers = 0;
      }
      previous = type;
    }
    return null;
  }

  /** Whether an operator binding looser than {@code ^} ends a chain of powers. */
  private static boolean endsChain(int type, int previous) {
    boolean afterOperand = previous == OptlabLexer.ID || previous == OptlabLexer.NUMBER
        || previous == OptlabLexer.RPAREN || previous == OptlabLexer.RBRACK;
    return switch (type) {
      case OptlabLexer.STAR, OptlabLexer.SLASH, OptlabLexer.AT, OptlabLexer.COMMA,
          OptlabLexer.ASSIGN, OptlabLexer.LE, OptlabLexer.GE, OptlabLexer.EQ, OptlabLexer.NE,
          OptlabLexer.LT, OptlabLexer.GT -> true;
      case OptlabLexer.PLUS, OptlabLexer.MINUS -> afterOperand;
      default -> false;
    };
  }

  private static Diagnostic tooDeepError(Source source, Lexed lexed, Token bracket) {
    return new Diagnostic(source, lexed.span(bracket), "expression nested too deeply: more than "
        + MAX_BRACKETS + " levels of brackets or powers at once");
  }

  /** Splits the tokens into statements at {@link Tokens.Boundaries}, dropping leading ';'. */
  static List<List<Token>> split(List<Token> tokens) {
    List<List<Token>> chunks = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    Tokens.Boundaries boundaries = new Tokens.Boundaries();
    for (Token t : tokens) {
      if (boundaries.next(t.getType()) && !current.isEmpty()) {
        chunks.add(current);
        current = new ArrayList<>();
      }
      if (!(current.isEmpty() && t.getType() == OptlabLexer.SEMI)) {
        current.add(t);
      }
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  /**
   * The end of a statement: the real end of input, or an end token standing where the next
   * statement begins and carrying its keyword, so a cut-off statement says "found 'run'".
   */
  private static Token eof(Lexed lexed, List<Token> chunk, Token next) {
    CommonToken end = new CommonToken(Token.EOF);
    if (next == null) {
      end.setText("<EOF>");
      end.setStartIndex(lexed.length);
      end.setStopIndex(lexed.length - 1);
    } else {
      end.setText(next.getText());
      end.setStartIndex(next.getStartIndex());
      end.setStopIndex(next.getStopIndex());
      end.setLine(next.getLine());
    }
    return end;
  }

  private static ParserRuleContext parseChunk(Lexed lexed, List<Token> chunk, Token end,
      boolean repl) {
    List<Token> tokens = new ArrayList<>(chunk);
    tokens.add(end);
    boolean expression = repl && !Tokens.startsStatement(chunk.get(0).getType());
    return parseTwoStage(tokens, expression);
  }

  /**
   * SLL first (fast, and enough for nearly every input), full LL only when SLL fails; one parser
   * and one token stream serve both passes, rewound with {@code seek(0)} and {@code reset()}.
   */
  private static ParserRuleContext parseTwoStage(List<Token> tokens, boolean expression) {
    CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(tokens));
    OptlabParser parser = new OptlabParser(stream);
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    try {
      return expression ? parser.replExpression() : parser.singleStatement();
    } catch (ParseCancellationException slowPath) {
      stream.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      try {
        return expression ? parser.replExpression() : parser.singleStatement();
      } catch (ParseCancellationException e) {
        RecognitionException cause = e.getCause() instanceof RecognitionException r ? r : null;
        Token offending = cause != null && cause.getOffendingToken() != null
            ? cause.getOffendingToken() : parser.getCurrentToken();
        throw new ChunkError(offending, SyntaxErrors.message(offending,
            cause != null ? cause.getExpectedTokens() : parser.getExpectedTokens()));
      }
    }
  }

  /**
   * Parses one expression (the whole of {@code source}); throws a located error otherwise. The
   * AST is the one statements hold, with the same spans.
   */
  public static Expr parseExpression(Source source) {
    Lexed lexed = lex(source);
    List<Token> tokens = new ArrayList<>(lexed.tokens);
    Token end = eof(lexed, tokens, null);
    tokens.add(end);
    try {
      ParserRuleContext tree = parseTwoStage(tokens, true);
      return new AstBuilder(lexed).expression(tree);
    } catch (ChunkError e) {
      throw new OptlabError(List.of(new Diagnostic(source, lexed.span(e.offending),
          e.getMessage())));
    }
  }

  /**
   * The token kinds that may come next after {@code statement} (the statement being typed, not
   * yet finished), as the grammar says: kind K is listed when the parser, given the statement
   * followed by K, fails only after K. {@link Token#EOF} is listed when the statement may end.
   * REPL completion asks this, so a statement the grammar gains completes without a case of its
   * own.
   */
  public static java.util.Set<Integer> viableNext(String statement) {
    Lexed lexed = lex(new Source("<completion>", statement));
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    if (lexed.tokens.isEmpty()) {
      return out;
    }
    boolean expression = !Tokens.startsStatement(lexed.tokens.get(0).getType());
    for (int type = 1; type <= Tokens.maxType() + 1; type++) {
      int kind = type > Tokens.maxType() ? Token.EOF : type;
      if (kind == OptlabLexer.ERROR_CHAR) {
        continue;
      }
      List<Token> tokens = new ArrayList<>(lexed.tokens);
      CommonToken candidate = new CommonToken(kind, kind == Token.EOF ? "<EOF>" : "x");
      tokens.add(candidate);
      if (kind != Token.EOF) {
        CommonToken stop = new CommonToken(Token.EOF, "<EOF>");
        tokens.add(stop);
      }
      if (passes(tokens, expression, lexed.tokens.size())) {
        out.add(kind);
      }
    }
    return out;
  }

  /** Whether the parser gets past token {@code index} of {@code tokens}. */
  private static boolean passes(List<Token> tokens, boolean expression, int index) {
    OptlabParser parser = new OptlabParser(new CommonTokenStream(new ListTokenSource(tokens)));
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    try {
      if (expression) {
        parser.replExpression();
      } else {
        parser.singleStatement();
      }
      return true;
    } catch (ParseCancellationException e) {
      Token offending = e.getCause() instanceof RecognitionException r
          && r.getOffendingToken() != null ? r.getOffendingToken() : parser.getCurrentToken();
      return offending.getTokenIndex() > index;
    } catch (StackOverflowError e) {
      return false;
    }
  }

  private static final class ChunkError extends RuntimeException {
    final Token offending;

    ChunkError(Token offending, String message) {
      super(message, null, false, false);
      this.offending = offending;
    }
  }

  private static Lexed lex(Source source) {
    OptlabLexer lexer = new OptlabLexer(CharStreams.fromString(source.text(), source.name()));
    lexer.removeErrorListeners();
    List<Token> tokens = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      tokens.add(t);
    }
    return new Lexed(source, tokens);
  }

  /**
   * Tokens with the source they came from. ANTLR counts code points; spans count chars, so the
   * offsets are mapped when the text holds characters outside the BMP.
   */
  static final class Lexed {
    final Source source;
    final List<Token> tokens;
    final int length;
    private final int[] charOffset;

    Lexed(Source source, List<Token> tokens) {
      this.source = source;
      this.tokens = tokens;
      String text = source.text();
      int codePoints = text.codePointCount(0, text.length());
      this.length = codePoints;
      if (codePoints == text.length()) {
        charOffset = null;
      } else {
        charOffset = new int[codePoints + 1];
        for (int cp = 0, ch = 0; cp <= codePoints; cp++) {
          charOffset[cp] = ch;
          if (ch < text.length()) {
            ch += Character.charCount(text.codePointAt(ch));
          }
        }
      }
    }

    int offset(int codePointIndex) {
      int i = Math.max(0, Math.min(codePointIndex, length));
      return charOffset == null ? i : charOffset[i];
    }

    Span span(Token t) {
      int start = offset(t.getStartIndex());
      return new Span(start, Math.max(start, offset(t.getStopIndex() + 1)));
    }

    Span span(Token first, Token last) {
      int start = offset(first.getStartIndex());
      return new Span(start, Math.max(start, offset(last.getStopIndex() + 1)));
    }
  }
}

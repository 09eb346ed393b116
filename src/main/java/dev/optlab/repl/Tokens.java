package dev.optlab.repl;

import dev.optlab.syntax.gen.OptlabLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The language's own lexer, seen from the REPL while the user types: completion and highlighting
 * read exactly the tokens the parser will, so a keyword, number or string is coloured and
 * completed the way the language understands it. Comments are skipped by the lexer; callers find
 * them in the gaps between tokens.
 */
final class Tokens {
  private Tokens() {}

  /** One token with char offsets into the text ({@code end} exclusive). */
  record Tok(int type, String text, int start, int end) {
    boolean is(int t) {
      return type == t;
    }
  }

  /** Words that start a statement. */
  static final List<String> STATEMENT_KEYWORDS = List.of(
      "let", "def", "objective", "optimizer", "schedule", "run", "compare", "print", "explain");

  /** The built-in functions of expressions (LANGUAGE.md section 4) and {@code grad}. */
  static final List<String> FUNCTIONS = List.of("sqrt", "exp", "log", "abs", "sin", "cos", "tan",
      "tanh", "sigmoid", "relu", "softplus", "min", "max", "floor", "ceil", "sign", "grad");

  static final List<String> CONSTANTS = List.of("pi", "e");

  /** The variables an {@code until} condition may read. */
  static final List<String> CONDITION_VARIABLES = List.of("loss", "grad_norm");

  /** Lexes {@code text}; never throws (anything odd is an {@code ERROR_CHAR} token). */
  static List<Tok> lex(String text) {
    OptlabLexer lexer = new OptlabLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    boolean bmp = text.codePointCount(0, text.length()) == text.length();
    List<Tok> tokens = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      int start = t.getStartIndex();
      int end = t.getStopIndex() + 1;
      if (!bmp) { // ANTLR counts code points, Strings count chars
        start = text.offsetByCodePoints(0, start);
        end = text.offsetByCodePoints(0, end);
      }
      tokens.add(new Tok(t.getType(), t.getText(), start, end));
    }
    return tokens;
  }

  static boolean isKeyword(int type) {
    return switch (type) {
      case OptlabLexer.LET, OptlabLexer.DEF, OptlabLexer.OBJECTIVE, OptlabLexer.OPTIMIZER,
          OptlabLexer.SCHEDULE, OptlabLexer.RUN, OptlabLexer.COMPARE, OptlabLexer.PRINT,
          OptlabLexer.EXPLAIN, OptlabLexer.WITH, OptlabLexer.THEN, OptlabLexer.ON,
          OptlabLexer.FROM, OptlabLexer.FOR, OptlabLexer.STEPS, OptlabLexer.EVERY,
          OptlabLexer.UNTIL, OptlabLexer.TRACE, OptlabLexer.TRUE, OptlabLexer.FALSE -> true;
      default -> false;
    };
  }

  static boolean startsStatement(int type) {
    return switch (type) {
      case OptlabLexer.LET, OptlabLexer.DEF, OptlabLexer.OBJECTIVE, OptlabLexer.OPTIMIZER,
          OptlabLexer.SCHEDULE, OptlabLexer.RUN, OptlabLexer.COMPARE, OptlabLexer.PRINT,
          OptlabLexer.EXPLAIN -> true;
      default -> false;
    };
  }

  static boolean isIdentifierChar(char c) {
    return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
  }

  /**
   * The tokens of the statement the end of {@code tokens} is in: those after the last statement
   * keyword or {@code ;} that stands outside brackets, as the parser splits a script.
   */
  static List<Tok> currentStatement(List<Tok> tokens) {
    int start = 0;
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      int type = tokens.get(i).type();
      boolean afterExplain = i > 0 && tokens.get(i - 1).is(OptlabLexer.EXPLAIN);
      if (type == OptlabLexer.LPAREN || type == OptlabLexer.LBRACK) {
        depth++;
      } else if ((type == OptlabLexer.RPAREN || type == OptlabLexer.RBRACK) && depth > 0) {
        depth--;
      } else if (depth == 0 && type == OptlabLexer.SEMI) {
        start = i + 1;
      } else if (depth == 0 && startsStatement(type) && !afterExplain) {
        start = i;
      }
    }
    return tokens.subList(start, tokens.size());
  }
}

package dev.optlab.repl;

import dev.optlab.syntax.gen.OptlabLexer;
import dev.optlab.syntax.gen.OptlabParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

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

  /**
   * The tokens that can start a statement, read from the grammar itself (the first set of its
   * {@code statement} rule), so that a statement the language gains is known here at once.
   */
  private static final IntervalSet STATEMENT_START = OptlabParser._ATN.nextTokens(
      OptlabParser._ATN.ruleToStartState[OptlabParser.RULE_statement]);

  /** Words that start a statement, in the grammar's order. */
  static final List<String> STATEMENT_KEYWORDS = STATEMENT_START.toList().stream()
      .map(type -> OptlabLexer.VOCABULARY.getLiteralName(type))
      .filter(literal -> literal != null)
      .map(literal -> literal.substring(1, literal.length() - 1))
      .toList();

  /** The built-in functions of expressions (LANGUAGE.md section 4) and {@code grad}. */
  static final List<String> FUNCTIONS = java.util.stream.Stream.of(
      dev.optlab.diff.ExprCompiler.builtins().stream(),
      dev.optlab.tensor.TensorCompiler.TENSOR_FUNCTIONS.stream().sorted(),
      java.util.stream.Stream.of("grad")).flatMap(s -> s).toList();

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

  /** Every word the lexer makes a token of its own, from the generated vocabulary. */
  private static final boolean[] KEYWORD = new boolean[OptlabLexer.VOCABULARY.getMaxTokenType() + 1];

  static {
    for (int type = 0; type < KEYWORD.length; type++) {
      String literal = OptlabLexer.VOCABULARY.getLiteralName(type);
      KEYWORD[type] = literal != null && literal.matches("'[a-z_]+'");
    }
  }

  static boolean isKeyword(int type) {
    return type >= 0 && type < KEYWORD.length && KEYWORD[type];
  }

  static boolean startsStatement(int type) {
    return STATEMENT_START.contains(type);
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
      // `explain run`, `plot schedule`: a statement keyword after these continues the statement
      boolean afterExplain = i > 0 && (tokens.get(i - 1).is(OptlabLexer.EXPLAIN)
          || tokens.get(i - 1).is(OptlabLexer.PLOT));
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

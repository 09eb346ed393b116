package dev.optlab.syntax;

import dev.optlab.syntax.gen.OptlabLexer;
import dev.optlab.syntax.gen.OptlabParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The language's lexing and statement boundaries, the one source for both the parser and the
 * REPL (completion, highlighting, continuation lines). The statement keywords are read from the
 * grammar itself (the first set of its {@code statement} rule), so a statement the language gains
 * is known everywhere at once. Token kinds are the constants of {@link TokenKind}.
 */
public final class Tokens {
  private Tokens() {}

  /** One token with char offsets into the text ({@code end} exclusive). */
  public record Tok(int type, String text, int start, int end) {
    public boolean is(int t) {
      return type == t;
    }
  }

  private static final IntervalSet STATEMENT_START = OptlabParser._ATN.nextTokens(
      OptlabParser._ATN.ruleToStartState[OptlabParser.RULE_statement]);

  /** Words that start a statement, in the grammar's order. */
  public static final List<String> STATEMENT_KEYWORDS = STATEMENT_START.toList().stream()
      .map(Tokens::literal)
      .filter(literal -> literal != null)
      .toList();

  /** Every word the lexer makes a token of its own, from the generated vocabulary. */
  private static final boolean[] KEYWORD = new boolean[OptlabLexer.VOCABULARY.getMaxTokenType() + 1];

  static {
    for (int type = 0; type < KEYWORD.length; type++) {
      String literal = literal(type);
      KEYWORD[type] = literal != null && literal.matches("[a-z_]+");
    }
  }

  /** The text of a token kind that has one fixed spelling ({@code run}, {@code (}), else null. */
  public static String literal(int type) {
    String quoted = OptlabLexer.VOCABULARY.getLiteralName(type);
    return quoted == null ? null : quoted.substring(1, quoted.length() - 1);
  }

  /** The highest token kind. */
  public static int maxType() {
    return OptlabLexer.VOCABULARY.getMaxTokenType();
  }

  public static boolean isKeyword(int type) {
    return type >= 0 && type < KEYWORD.length && KEYWORD[type];
  }

  public static boolean startsStatement(int type) {
    return STATEMENT_START.contains(type);
  }

  public static boolean isIdentifierChar(char c) {
    return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
  }

  /** Lexes {@code text}; never throws (anything odd is an {@code ERROR_CHAR} token). */
  public static List<Tok> lex(String text) {
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

  /**
   * Where statements begin, the rule the parser splits a script by: at a statement keyword
   * standing outside brackets, unless it continues {@code explain} or {@code plot} ({@code explain
   * run}, {@code plot schedule}). Fed one token kind at a time.
   */
  static final class Boundaries {
    private int depth;
    private int previous = Token.INVALID_TYPE;

    /** Whether a token of {@code type} here begins a new statement; then records it. */
    boolean next(int type) {
      boolean starts = depth == 0 && startsStatement(type)
          && previous != OptlabLexer.EXPLAIN && previous != OptlabLexer.PLOT;
      if (type == OptlabLexer.LPAREN || type == OptlabLexer.LBRACK
          || type == OptlabLexer.LBRACE) {
        depth++;
      } else if ((type == OptlabLexer.RPAREN || type == OptlabLexer.RBRACK
          || type == OptlabLexer.RBRACE) && depth > 0) {
        depth--;
      }
      previous = type;
      return starts;
    }

    boolean atTop() {
      return depth == 0;
    }
  }

  /**
   * The tokens of the statement the end of {@code tokens} is in: those after the last statement
   * boundary or top-level {@code ;}, as the parser splits a script.
   */
  public static List<Tok> currentStatement(List<Tok> tokens) {
    int start = 0;
    Boundaries boundaries = new Boundaries();
    for (int i = 0; i < tokens.size(); i++) {
      int type = tokens.get(i).type();
      boolean top = boundaries.atTop();
      if (boundaries.next(type)) {
        start = i;
      } else if (top && type == OptlabLexer.SEMI) {
        start = i + 1;
      }
    }
    return tokens.subList(start, tokens.size());
  }
}

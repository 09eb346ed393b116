package dev.optlab.repl;

import static dev.optlab.syntax.TokenKind.FALSE;
import static dev.optlab.syntax.TokenKind.ID;
import static dev.optlab.syntax.TokenKind.LBRACK;
import static dev.optlab.syntax.TokenKind.LPAREN;
import static dev.optlab.syntax.TokenKind.NUMBER;
import static dev.optlab.syntax.TokenKind.RBRACK;
import static dev.optlab.syntax.TokenKind.RPAREN;
import static dev.optlab.syntax.TokenKind.STRING;
import static dev.optlab.syntax.TokenKind.TRUE;

import dev.optlab.syntax.SyntaxParser;
import dev.optlab.syntax.Tokens;
import dev.optlab.syntax.Tokens.Tok;
import java.util.List;

/** The tokens of the statement being typed, with how deep in brackets each one stands. */
final class StatementTokens {
  private final List<Tok> tokens;
  /** depth[i]: brackets open before token i. */
  private final int[] depth;

  StatementTokens(List<Tok> tokens) {
    this.tokens = tokens;
    this.depth = new int[tokens.size() + 1];
    for (int i = 0; i < tokens.size(); i++) {
      int d = depth[i];
      if (isAny(tokens.get(i), LPAREN, LBRACK)) {
        d++;
      } else if (isAny(tokens.get(i), RPAREN, RBRACK) && d > 0) {
        d--;
      }
      depth[i + 1] = d;
    }
  }

  int size() {
    return tokens.size();
  }

  Tok get(int i) {
    return tokens.get(i);
  }

  int depth(int i) {
    return depth[i];
  }

  /**
   * The keywords the grammar allows after the first {@code end} tokens ({@link
   * SyntaxParser#viableNext}), in the lexer's order.
   */
  List<String> keywordsAfter(int end) {
    List<String> out = new java.util.ArrayList<>();
    for (int type : SyntaxParser.viableNext(textBefore(end))) {
      if (Tokens.isKeyword(type)) {
        out.add(Tokens.literal(type));
      }
    }
    return out;
  }

  /** Whether the grammar allows an expression after the first {@code end} tokens. */
  boolean expressionAfter(int end) {
    return SyntaxParser.viableNext(textBefore(end)).contains(NUMBER);
  }

  /** The first {@code end} tokens as text the parser reads back to the same tokens. */
  private String textBefore(int end) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < end; i++) {
      text.append(tokens.get(i).text()).append(' ');
    }
    return text.toString();
  }

  /** Whether the last token ends an operand, so that an operator or a keyword comes next. */
  boolean afterOperand() {
    return isAny(tokens.get(tokens.size() - 1), ID, NUMBER, STRING, RPAREN, RBRACK, TRUE, FALSE);
  }

  /** The innermost bracket still open before token {@code end}, or -1. */
  int innermostOpen(int end) {
    int target = depth[end];
    if (target == 0) {
      return -1;
    }
    for (int i = end - 1; i >= 0; i--) {
      if (isAny(tokens.get(i), LPAREN, LBRACK) && depth[i] == target - 1) {
        return i;
      }
    }
    return -1;
  }

  /** The first token of {@code type} outside brackets, from {@code from} on, or -1. */
  int indexAtTop(int type, int from) {
    for (int i = from; i < tokens.size(); i++) {
      if (tokens.get(i).is(type) && depth[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  static boolean isAny(Tok t, int... types) {
    for (int type : types) {
      if (t.is(type)) {
        return true;
      }
    }
    return false;
  }
}

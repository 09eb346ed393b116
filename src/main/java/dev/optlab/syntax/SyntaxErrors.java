package dev.optlab.syntax;

import dev.optlab.syntax.gen.OptlabLexer;
import dev.optlab.syntax.gen.OptlabParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Words for syntax errors: what was found and what was expected, the way a person says it. */
final class SyntaxErrors {
  private SyntaxErrors() {}

  private static final Set<Integer> EXPRESSION_STARTS =
      Set.of(OptlabLexer.NUMBER, OptlabLexer.ID, OptlabLexer.LPAREN, OptlabLexer.MINUS,
          OptlabLexer.STRING, OptlabLexer.TRUE, OptlabLexer.FALSE, OptlabLexer.LBRACK,
          OptlabLexer.PLUS);

  private static final Set<Integer> STATEMENT_STARTS = new TreeSet<>(
      Tokens.STATEMENT_KEYWORDS.stream().map(SyntaxErrors::typeOf).toList());

  private static int typeOf(String keyword) {
    for (int type = 1; type <= Tokens.maxType(); type++) {
      if (keyword.equals(Tokens.literal(type))) {
        return type;
      }
    }
    throw new IllegalStateException("no token for " + keyword);
  }

  /** The message for an error at {@code offending} when the parser wanted one of {@code expected}. */
  static String message(Token offending, IntervalSet expected) {
    if (offending.getType() == OptlabLexer.ERROR_CHAR) {
      return "unexpected character " + describeChar(offending.getText());
    }
    if (offending.getType() == OptlabLexer.UNTERMINATED_STRING) {
      return "unterminated string: a string needs its closing '\"' on the same line";
    }
    String found = found(offending);
    if (expected == null || expected.isNil()) {
      return "unexpected " + found;
    }
    if (expected.toList().equals(List.of(OptlabLexer.LBRACK, OptlabLexer.ID))
        || expected.toList().equals(List.of(OptlabLexer.ID, OptlabLexer.LBRACK))) {
      // only a parameter group's selector starts so: `OPT for [W1] + ...`
      return "after an optimizer, 'for' starts a parameter group: 'for [NAME, ...]', 'for "
          + "matrices' or 'for others', found " + found + "; the length comes after the "
          + "objective: 'run OPT on OBJ for N steps'";
    }
    List<String> words = expectedWords(expected);
    if (words.isEmpty()) {
      return "unexpected " + found;
    }
    return "expected " + join(words) + ", found " + found;
  }

  static String found(Token t) {
    if (t.getType() == Token.EOF) {
      // A statement cut off by the next one carries that keyword's text (see SyntaxParser).
      String text = t.getText();
      return text == null || text.equals("<EOF>") ? "end of input" : "'" + text + "'";
    }
    return "'" + t.getText() + "'";
  }

  private static List<String> expectedWords(IntervalSet expected) {
    Vocabulary vocab = OptlabParser.VOCABULARY;
    Set<Integer> types = new TreeSet<>(expected.toList());
    List<String> words = new ArrayList<>();
    if (types.containsAll(STATEMENT_STARTS)) {
      types.removeAll(STATEMENT_STARTS);
      words.add("a statement (" + String.join(", ", Tokens.STATEMENT_KEYWORDS) + ")");
    }
    if (types.contains(OptlabLexer.NUMBER) && types.contains(OptlabLexer.ID)) {
      types.removeAll(EXPRESSION_STARTS);
      words.add("an expression");
    }
    for (int type : types) {
      if (type == Token.EOF) {
        words.add("end of input");
      } else if (type == OptlabLexer.ID) {
        words.add("a name");
      } else if (type == OptlabLexer.NUMBER) {
        words.add("a number");
      } else if (type == OptlabLexer.STRING) {
        words.add("a string");
      } else if (type == OptlabLexer.SEMI) {
        continue; // ';' is always allowed between statements; saying so only adds noise
      } else {
        String literal = vocab.getLiteralName(type);
        words.add(literal != null ? literal : vocab.getDisplayName(type));
      }
    }
    return words;
  }

  private static String join(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    int shown = Math.min(words.size(), 6);
    return String.join(", ", words.subList(0, shown - 1)) + " or " + words.get(shown - 1);
  }

  private static String describeChar(String text) {
    int cp = text.codePointAt(0);
    if (cp < 0x20 || cp == 0x7f || Character.isISOControl(cp) || !Character.isDefined(cp)) {
      return String.format("U+%04X", cp);
    }
    return "'" + text + "'";
  }
}

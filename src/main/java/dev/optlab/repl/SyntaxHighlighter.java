package dev.optlab.repl;

import static dev.optlab.syntax.TokenKind.ASSIGN;
import static dev.optlab.syntax.TokenKind.COMMA;
import static dev.optlab.syntax.TokenKind.ERROR_CHAR;
import static dev.optlab.syntax.TokenKind.ID;
import static dev.optlab.syntax.TokenKind.LPAREN;
import static dev.optlab.syntax.TokenKind.NUMBER;
import static dev.optlab.syntax.TokenKind.RPAREN;
import static dev.optlab.syntax.TokenKind.STRING;
import static dev.optlab.syntax.TokenKind.UNTERMINATED_STRING;

import dev.optlab.data.Dataset;
import dev.optlab.optim.Optimizers;
import dev.optlab.rules.RuleFunctions;
import dev.optlab.schedule.Schedules;
import dev.optlab.syntax.Tokens.Tok;
import dev.optlab.syntax.Tokens;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the input as it is typed, from the language's own tokens: keywords, numbers, strings,
 * comments; declared names, built-in optimizers, schedules and functions; and names that are
 * none of these (nor bound by the statement itself, nor being typed at the cursor) in red, so a
 * typo shows before Enter. Commands are coloured by whether the table knows them.
 */
final class SyntaxHighlighter implements Highlighter {
  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle NUMBER_STYLE = AttributedStyle.DEFAULT.foreground(
      AttributedStyle.CYAN);
  static final AttributedStyle STRING_STYLE = AttributedStyle.DEFAULT.foreground(
      AttributedStyle.GREEN);
  static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(
      AttributedStyle.BRIGHT | AttributedStyle.BLACK);
  static final AttributedStyle DECLARED = AttributedStyle.DEFAULT.foreground(
      AttributedStyle.YELLOW);
  static final AttributedStyle BUILTIN = AttributedStyle.DEFAULT.foreground(
      AttributedStyle.MAGENTA);
  static final AttributedStyle UNKNOWN = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
  static final AttributedStyle COMMAND = AttributedStyle.BOLD;

  private final Predicate<String> declared;
  private final Predicate<String> rule;

  /** @param declared whether a name is declared in the session */
  SyntaxHighlighter(Predicate<String> declared) {
    this(declared, name -> false);
  }

  /**
   * @param rule whether a declared name is a rule: it is coloured as a built-in optimizer, since
   *     it is called like one
   */
  SyntaxHighlighter(Predicate<String> declared, Predicate<String> rule) {
    this.declared = declared;
    this.rule = rule;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    int cursor = reader == null ? -1 : reader.getBuffer().cursor();
    try {
      return highlight(buffer, cursor);
    } catch (RuntimeException | StackOverflowError e) {
      return new AttributedString(buffer); // colouring must never break the prompt
    }
  }

  AttributedString highlight(String buffer, int cursor) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    String trimmed = buffer.stripLeading();
    if (!trimmed.startsWith(":")) {
      language(sb, buffer, cursor);
      return sb.toAttributedString();
    }
    int start = buffer.length() - trimmed.length();
    int end = start;
    while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) {
      end++;
    }
    String word = buffer.substring(start, end);
    List<Commands.Command> found = Commands.matching(word);
    sb.append(buffer.substring(0, start));
    sb.styled(found.size() == 1 ? COMMAND : end == cursor ? AttributedStyle.DEFAULT : UNKNOWN,
        word);
    if (found.size() == 1 && found.get(0).name().equals(":time")) {
      language(sb, buffer.substring(end), cursor - end);
    } else {
      sb.append(buffer.substring(end));
    }
    return sb.toAttributedString();
  }

  private void language(AttributedStringBuilder sb, String text, int cursor) {
    List<Tok> tokens = Tokens.lex(text);
    Set<String> bound = bound(tokens);
    int at = 0;
    for (Tok t : tokens) {
      gap(sb, text.substring(at, t.start()));
      sb.styled(style(t, bound, cursor), t.text());
      at = t.end();
    }
    gap(sb, text.substring(at));
  }

  /** Between tokens there is only whitespace and comments. */
  private static void gap(AttributedStringBuilder sb, String gap) {
    int i = 0;
    while (i < gap.length()) {
      int hash = gap.indexOf('#', i);
      if (hash < 0) {
        sb.append(gap.substring(i));
        return;
      }
      sb.append(gap.substring(i, hash));
      int eol = gap.indexOf('\n', hash);
      int end = eol < 0 ? gap.length() : eol;
      sb.styled(COMMENT, gap.substring(hash, end));
      i = end;
    }
  }

  private AttributedStyle style(Tok t, Set<String> bound, int cursor) {
    if (Tokens.isKeyword(t.type())) {
      return KEYWORD;
    }
    return switch (t.type()) {
      case NUMBER -> NUMBER_STYLE;
      case STRING -> STRING_STYLE;
      case UNTERMINATED_STRING -> t.end() == cursor ? STRING_STYLE : UNKNOWN;
      case ERROR_CHAR -> UNKNOWN;
      case ID -> name(t, bound, cursor);
      default -> AttributedStyle.DEFAULT;
    };
  }

  private AttributedStyle name(Tok t, Set<String> bound, int cursor) {
    String n = t.text();
    if (rule.test(n)) {
      return BUILTIN;
    }
    if (declared.test(n)) {
      return DECLARED;
    }
    if (Optimizers.byName(n).isPresent() || Schedules.byName(n).isPresent()) {
      return BUILTIN;
    }
    if (bound.contains(n) || Names.FUNCTIONS.contains(n) || Names.CONSTANTS.contains(n)
        || Dataset.SOURCES.contains(n)
        || Names.CONDITION_VARIABLES.contains(n) || n.equals("lr0")) {
      return AttributedStyle.DEFAULT;
    }
    return t.end() == cursor ? AttributedStyle.DEFAULT : UNKNOWN;
  }

  /**
   * Names the input binds itself: what a statement declares, the parameters in the parentheses
   * right after it, and argument names before {@code =} (hyperparameters, point coordinates).
   */
  static Set<String> bound(List<Tok> tokens) {
    Set<String> out = new HashSet<>();
    if (tokens.stream().anyMatch(t -> t.text().equals("rule") && Tokens.isKeyword(t.type()))) {
      ruleNames(tokens, out);
    }
    for (int i = 0; i < tokens.size(); i++) {
      Tok t = tokens.get(i);
      if (!t.is(ID)) {
        continue;
      }
      Tok previous = i > 0 ? tokens.get(i - 1) : null;
      Tok next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      boolean declaring = previous != null && Tokens.startsStatement(previous.type())
          && List.of("let", "def", "objective", "optimizer", "schedule").contains(previous.text());
      boolean argumentName = next != null && next.is(ASSIGN) && previous != null
          && (previous.is(LPAREN) || previous.is(COMMA));
      if (declaring || argumentName) {
        out.add(t.text());
      }
      if (declaring && next != null && next.is(LPAREN)) { // def f(a, b), objective f(x = 1)
        int depth = 1;
        for (int j = i + 2; j < tokens.size() && depth > 0; j++) {
          Tok p = tokens.get(j);
          depth += p.is(LPAREN) ? 1 : p.is(RPAREN) ? -1 : 0;
          if (depth == 1 && p.is(ID) && (tokens.get(j - 1).is(LPAREN) || tokens.get(j - 1).is(COMMA))) {
            out.add(p.text());
          }
        }
      }
    }
    return out;
  }

  /**
   * A rule body's names: what every rule sees, its functions, and whatever it assigns (locals,
   * states, shared scalars), so only a name the rule never binds shows red.
   */
  private static void ruleNames(List<Tok> tokens, Set<String> out) {
    out.addAll(List.of("p", "g", "t", "lr"));
    out.addAll(RuleFunctions.ALL.keySet());
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).is(ID) && tokens.get(i + 1).is(ASSIGN)) {
        out.add(tokens.get(i).text());
      }
    }
  }
}

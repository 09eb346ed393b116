package dev.optlab.repl;

import dev.optlab.syntax.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of what is typed. On Enter it asks the engine whether the input stops mid-statement
 * (an open parenthesis, a trailing operator, a {@code then} waiting for its schedule) and, if so,
 * throws {@link EOFError} so JLine shows a continuation prompt; a blank line submits whatever is
 * there, so its error shows. For completion it finds the word under the cursor: an identifier in
 * the language, a command after {@code :}, a path after {@code :load} and {@code :save}.
 */
final class InputParser implements Parser {
  private final Predicate<String> incomplete;

  /** @param incomplete the engine's "is this input unfinished?" */
  InputParser(Predicate<String> incomplete) {
    this.incomplete = incomplete;
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && needsMore(line)) {
      throw new EOFError(-1, cursor, "incomplete statement", "statement");
    }
    return new Line(line, cursor);
  }

  /** Whether Enter should continue the input on a new line instead of submitting it. */
  boolean needsMore(String line) {
    if (line.stripLeading().startsWith(":")) {
      return false; // commands are one line
    }
    int lastBreak = line.lastIndexOf('\n');
    if (lastBreak >= 0 && line.substring(lastBreak + 1).isBlank()) {
      return false; // a blank continuation line submits
    }
    try {
      return incomplete.test(line);
    } catch (RuntimeException | StackOverflowError e) {
      return false; // let the run report whatever is wrong
    }
  }

  /**
   * Where the word that completion replaces starts, for text ending at {@code cursor}: a command
   * name with its colon; a path after {@code :load}/{@code :save} (everything since the last
   * space); else an identifier.
   */
  static int wordStart(String line, int cursor) {
    String before = line.substring(0, cursor);
    int colon = firstNonBlank(before);
    if (colon < before.length() && before.charAt(colon) == ':') {
      int space = indexOfWhitespace(before, colon);
      if (space < 0) {
        return colon;
      }
      String command = before.substring(colon, space);
      if (Commands.takesPath(command)) {
        return Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
      }
      if (Commands.takesTopic(command)) {
        return identifierStart(before, cursor, true);
      }
    }
    return identifierStart(before, cursor, false);
  }

  static int identifierStart(String text, int cursor, boolean colon) {
    int i = cursor;
    while (i > 0 && (Tokens.isIdentifierChar(text.charAt(i - 1))
        || (colon && text.charAt(i - 1) == ':'))) {
      i--;
    }
    return i;
  }

  private static int firstNonBlank(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int indexOfWhitespace(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The input split into words at whitespace, with the completion word at the cursor. */
  static final class Line implements CompletingParsedLine {
    private final String line;
    private final int cursor;
    private final int wordStart;
    private final int wordEnd;
    private final List<String> words = new ArrayList<>();
    private int wordIndex;

    Line(String line, int cursor) {
      this.line = line;
      this.cursor = Math.max(0, Math.min(cursor, line.length()));
      this.wordStart = wordStart(line, this.cursor);
      int end = this.cursor;
      while (end < line.length() && Tokens.isIdentifierChar(line.charAt(end))) {
        end++;
      }
      this.wordEnd = end;
      String head = line.substring(0, wordStart).strip();
      for (String w : head.split("\\s+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
      wordIndex = words.size();
      words.add(line.substring(wordStart, wordEnd));
    }

    @Override
    public String word() {
      return line.substring(wordStart, wordEnd);
    }

    @Override
    public int wordCursor() {
      return cursor - wordStart;
    }

    @Override
    public int wordIndex() {
      return wordIndex;
    }

    @Override
    public List<String> words() {
      return words;
    }

    @Override
    public String line() {
      return line;
    }

    @Override
    public int cursor() {
      return cursor;
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate; // the language has no quoting to add
    }

    @Override
    public int rawWordCursor() {
      return wordCursor();
    }

    @Override
    public int rawWordLength() {
      return wordEnd - wordStart;
    }
  }
}

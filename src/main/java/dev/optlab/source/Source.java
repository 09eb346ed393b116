package dev.optlab.source;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A script's text, the name errors call it by (a file path, {@code <repl>}, {@code <-e>}), and
 * the directory its relative paths start from.
 *
 * <p><b>The one rule for relative paths</b> (docs/language.md): every file a statement names —
 * data it reads, traces, plots and reports it writes — is relative to the directory of the script
 * file it is written in; text that comes from no file (typed into the REPL, {@code -e}, standard
 * input) is relative to the working directory. So a script with its data beside it runs from
 * anywhere, and {@code :load} of it reads and writes what running it would.
 */
public final class Source {
  private final String name;
  private final String text;
  private final Path directory;
  private final int[] lineStarts;

  /** Text from no file: relative paths start at the working directory. */
  public Source(String name, String text) {
    this(name, text, null);
  }

  /**
   * @param directory where relative paths start; null for the working directory
   */
  public Source(String name, String text, Path directory) {
    this.name = name;
    this.text = text;
    this.directory = directory;
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  public String name() {
    return name;
  }

  /**
   * A path as written in this source, resolved by the one rule: relative to the script's
   * directory, or to the working directory for text from no file.
   *
   * @throws java.nio.file.InvalidPathException when {@code written} is no path
   */
  public Path resolve(String written) {
    Path p = Path.of(written);
    return directory == null || p.isAbsolute() ? p : directory.resolve(p);
  }

  /** Where relative paths start; null for the working directory. */
  public Path directory() {
    return directory;
  }

  public String text() {
    return text;
  }

  public String text(Span span) {
    return text.substring(Math.min(span.start(), text.length()), Math.min(span.end(), text.length()));
  }

  /** 1-based line of a char offset. */
  public int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.min(offset, text.length()));
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** 1-based column of a char offset. */
  public int column(int offset) {
    return Math.min(offset, text.length()) - lineStarts[line(offset) - 1] + 1;
  }

  /** The text of a 1-based line, without its line break. */
  public String lineText(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }
}

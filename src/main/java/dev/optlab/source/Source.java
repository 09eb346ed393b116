package dev.optlab.source;

import java.util.Arrays;

/** A script's text and the name errors call it by (a file path, {@code <repl>}, {@code <-e>}). */
public final class Source {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  public Source(String name, String text) {
    this.name = name;
    this.text = text;
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

package dev.optlab.source;

/** A range of characters in a {@link Source}: {@code [start, end)} as char offsets. */
public record Span(int start, int end) implements java.io.Serializable {
  public static final Span NONE = new Span(0, 0);

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  /** The smallest span covering both. */
  public Span to(Span other) {
    return new Span(Math.min(start, other.start), Math.max(end, other.end));
  }

  public int length() {
    return end - start;
  }
}

package dev.optlab.source;

import java.util.List;

/**
 * One error at a place in a source, with optional hints printed under the caret ("hint: try a
 * smaller lr").
 */
public record Diagnostic(Source source, Span span, String message, List<String> hints) {
  public Diagnostic {
    hints = List.copyOf(hints);
  }

  public Diagnostic(Source source, Span span, String message) {
    this(source, span, message, List.of());
  }
}

package dev.optlab.source;

import java.util.List;

/**
 * An error in what the user wrote, raised by any phase (syntax, check, plan, run) and rendered by
 * {@link DiagnosticRenderer}. It is part of the language, not a bug, so it carries no stack trace.
 */
public final class OptlabError extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  public OptlabError(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "error" : diagnostics.get(0).message(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public OptlabError(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public OptlabError(Source source, Span span, String message) {
    this(new Diagnostic(source, span, message));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}

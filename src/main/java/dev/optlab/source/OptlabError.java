package dev.optlab.source;

import java.util.List;

/**
 * An error in what the user wrote, raised by any phase (syntax, check, plan, run) and rendered by
 * {@link DiagnosticRenderer}. It is part of the language, not a bug, so it carries no stack trace
 * — except the one made by {@link #internal}, which locates a bug in optlab at the statement that
 * met it and keeps the bug for {@code OPTLAB_DEBUG=1} ({@link #bug()}).
 */
public final class OptlabError extends RuntimeException {
  private final List<Diagnostic> diagnostics;
  private final Throwable bug;

  public OptlabError(List<Diagnostic> diagnostics) {
    this(diagnostics, null);
  }

  private OptlabError(List<Diagnostic> diagnostics, Throwable bug) {
    super(diagnostics.isEmpty() ? "error" : diagnostics.get(0).message(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
    this.bug = bug;
  }

  /**
   * A bug in optlab (any exception but a language error) met while running the statement at
   * {@code span}: it says so, asks for a report, and keeps the exception for its stack trace.
   */
  public static OptlabError internal(Source source, Span span, Throwable bug) {
    return new OptlabError(List.of(new Diagnostic(source, span, Debug.internalError(bug))), bug);
  }

  /** The bug behind an {@link #internal} error; null for errors in what the user wrote. */
  public Throwable bug() {
    return bug;
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

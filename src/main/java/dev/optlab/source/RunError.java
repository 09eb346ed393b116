package dev.optlab.source;

/**
 * A failure a run can meet by the nature of what it was asked to do (as opposed to a bug): the
 * executor reports it at the statement as {@code run failed: MESSAGE}. Anything else thrown while
 * running is an internal error ({@link OptlabError#internal}).
 */
public final class RunError extends RuntimeException {
  public RunError(String message) {
    super(message, null, false, false);
  }
}

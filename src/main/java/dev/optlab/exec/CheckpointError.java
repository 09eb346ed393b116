package dev.optlab.exec;

/**
 * A checkpoint that cannot be used for this run; the message says why, naming what differs, and
 * the {@link Executor} reports it at the file's name in the statement.
 */
final class CheckpointError extends Exception {
  /** What to do instead, or null; {@code {file}} stands for the file's name as written. */
  final String hint;

  CheckpointError(String message) {
    this(message, null);
  }

  CheckpointError(String message, String hint) {
    super(message);
    this.hint = hint;
  }
}

package dev.optlab.data;

/**
 * A data set that cannot be loaded or made, with a message for the user; the checker reports it
 * at the statement that asked for the data.
 */
public final class DataError extends RuntimeException {
  private final boolean aboutTarget;

  public DataError(String message) {
    this(message, false);
  }

  /** @param aboutTarget whether the target column is at fault (the error points at it) */
  public DataError(String message, boolean aboutTarget) {
    super(message, null, false, false);
    this.aboutTarget = aboutTarget;
  }

  public boolean aboutTarget() {
    return aboutTarget;
  }
}

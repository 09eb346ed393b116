package dev.optlab.spark;

/**
 * A trial that threw in its task: Spark retries it ({@code spark.task.maxFailures}), and the
 * driver, when it still fails, reports it by this trial's number and configuration.
 */
final class TrialFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int index;
  final String config;

  TrialFailure(int index, String config, Throwable cause) {
    super("trial " + index + " (" + config + "): " + describe(cause), cause);
    this.index = index;
    this.config = config;
  }

  static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}

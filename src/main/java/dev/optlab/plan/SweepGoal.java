package dev.optlab.plan;

/**
 * What a sweep ranks its trials by: the loss or a metric, its final value or its best over the
 * traced rows, smaller or larger being better.
 *
 * @param metric the metric, or null for the training loss
 */
public record SweepGoal(boolean maximize, boolean best, Metric metric) {
  /** {@code minimize final loss}: the default. */
  public static final SweepGoal DEFAULT = new SweepGoal(false, false, null);

  /** {@code final loss}, {@code best accuracy}. */
  public String measure() {
    return (best ? "best " : "final ") + (metric == null ? "loss" : metric.text());
  }

  /**
   * Whether {@code a} is better than {@code b}; NaN (a diverged trial, or no best yet) is never
   * better, and any other value is better than it.
   */
  public boolean better(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    return Double.isNaN(b) || (maximize ? a > b : a < b);
  }

  @Override
  public String toString() {
    return (maximize ? "maximize " : "minimize ") + measure();
  }
}

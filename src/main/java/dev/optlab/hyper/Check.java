package dev.optlab.hyper;

/**
 * A range check on a hyperparameter's value. Returns {@code null} when the value is fine, else
 * the end of a message that follows the name: "lr must be >= 0, got -0.1".
 */
@FunctionalInterface
public interface Check {
  /** Checks a number, or each element of a pair or list. */
  String check(double value);

  Check ANY = v -> null;
  Check NON_NEGATIVE = v -> v >= 0 ? null : "must be >= 0";
  Check POSITIVE = v -> v > 0 ? null : "must be > 0";
  /** Betas, alpha, rho: PyTorch requires {@code 0 <= v < 1}. */
  Check UNIT_INTERVAL = v -> v >= 0 && v < 1 ? null : "must be in [0, 1)";
  /** Factors such as {@code start_factor}: {@code 0 < v <= 1}. */
  Check FACTOR = v -> v > 0 && v <= 1 ? null : "must be in (0, 1]";
  Check CLOSED_UNIT = v -> v >= 0 && v <= 1 ? null : "must be in [0, 1]";
  Check OPEN_UNIT = v -> v > 0 && v < 1 ? null : "must be in (0, 1)";
}

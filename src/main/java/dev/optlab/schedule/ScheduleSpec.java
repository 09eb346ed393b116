package dev.optlab.schedule;

/**
 * An immutable description of a schedule; {@link #start} makes a fresh one for a run. Every
 * implementation's {@code toString()} reads like the language writes it, e.g. {@code
 * cosine(T_max=2000, eta_min=0.0001)}, for {@code explain}.
 */
public interface ScheduleSpec {
  /**
   * A schedule at step 0 for an optimizer whose base learning rate is {@code baseLr} and whose
   * configured momentum (or first beta) is {@code baseMomentum}.
   */
  Schedule start(double baseLr, double baseMomentum);

  /** Whether this schedule sets the momentum (cyclic and onecycle unless told not to). */
  default boolean cyclesMomentum() {
    return false;
  }

  /**
   * How many times {@link Schedule#step} may be called before the schedule fails, as PyTorch's
   * OneCycleLR raises past {@code total_steps}; {@link Long#MAX_VALUE} when unbounded. A run of N
   * updates steps its schedule N times, so a checker can reject a run longer than this before it
   * starts instead of failing half way.
   */
  default long maxSteps() {
    return Long.MAX_VALUE;
  }
}

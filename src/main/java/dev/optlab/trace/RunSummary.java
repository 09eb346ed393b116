package dev.optlab.trace;

/**
 * How one optimizer's run ended.
 *
 * @param last the state at the last step computed (traced or not)
 * @param stepsToTolerance in a compare, the first step whose loss came within the tolerance of
 *     the best loss any optimizer reached; -1 when it never did or outside a compare
 * @param nanos wall time of the loop
 * @param losses in a compare, every step's loss (what its loss plot draws); null otherwise
 */
public record RunSummary(String run, Status status, TraceRow last, long stepsToTolerance,
    long nanos, double[] losses) {
  public RunSummary(String run, Status status, TraceRow last, long stepsToTolerance, long nanos) {
    this(run, status, last, stepsToTolerance, nanos, null);
  }

  public enum Status {
    /** Ran all its steps. */
    COMPLETED,
    /** Stopped early because the {@code until} condition held. */
    UNTIL,
    /** Stopped at a NaN or infinite loss. */
    DIVERGED,
    /** Stopped by the user (Ctrl-C in the REPL). */
    INTERRUPTED
  }

  /**
   * Whether a compare's runs can be ranked side by side: not when an interruption stopped them at
   * different steps (a run still waiting for a core may have done a few thousand steps while the
   * others did millions), since their losses then measure different amounts of work.
   */
  public static boolean rankable(java.util.List<RunSummary> runs) {
    boolean interrupted = runs.stream().anyMatch(r -> r.status() == Status.INTERRUPTED);
    return !interrupted || runs.stream().mapToLong(r -> r.last().step()).distinct().count() == 1;
  }

  public RunSummary withStepsToTolerance(long steps) {
    return new RunSummary(run, status, last, steps, nanos, losses);
  }

  /** With the first {@code last().step() + 1} entries of {@code all}, every step's loss. */
  public RunSummary withLosses(double[] all) {
    return new RunSummary(run, status, last, stepsToTolerance, nanos,
        java.util.Arrays.copyOf(all, (int) Math.min(all.length, last.step() + 1)));
  }
}

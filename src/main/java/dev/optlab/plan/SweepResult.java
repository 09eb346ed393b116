package dev.optlab.plan;

import java.util.List;

/**
 * A sweep's finished trials, in trial order (an interrupted sweep has only those that finished).
 *
 * @param interrupted whether Ctrl-C stopped it before every trial ran
 * @param nanos its wall time
 */
public record SweepResult(SweepPlan plan, List<TrialResult> trials, boolean interrupted,
    long nanos) {
  public SweepResult {
    trials = List.copyOf(trials);
  }

  /** The best trial by the plan's goal (the first of equals), or null when none has a score. */
  public TrialResult best() {
    TrialResult best = null;
    for (TrialResult t : trials) {
      if (plan.goal().better(t.score(plan), best == null ? Double.NaN : best.score(plan))) {
        best = t;
      }
    }
    return best;
  }
}

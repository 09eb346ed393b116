package dev.optlab.exec;

import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.TrialResult;
import dev.optlab.trace.Numbers;

/**
 * What the live line of a sweep says as trials finish: how many are done, the best so far by
 * the sweep's goal, and the time left at the pace so far. Only the collecting thread calls it.
 */
final class SweepProgress {
  private final SweepPlan plan;
  private final RunControl control;
  private final int total;
  private final long start;
  private final int resumed;
  private int done;
  private TrialResult best;

  SweepProgress(SweepPlan plan, RunControl control, int resumed, int total, long start) {
    this.plan = plan;
    this.control = control;
    this.resumed = resumed;
    this.done = resumed;
    this.total = total;
    this.start = start;
  }

  void finished(TrialResult r) {
    done++;
    if (plan.goal().better(r.score(plan), best == null ? Double.NaN : best.score(plan))) {
      best = r;
    }
    long elapsed = System.nanoTime() - start;
    int ran = done - resumed;
    long eta = ran == 0 ? 0 : elapsed / ran * (total - done);
    String text = best == null ? "" : plan.goal().measure().replace("final ", "") + " "
        + Numbers.short6(best.score(plan)) + " (trial " + best.trial().index() + ")";
    control.sweepProgress(done, total, text, elapsed, eta);
  }
}

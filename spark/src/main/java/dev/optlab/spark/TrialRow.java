package dev.optlab.spark;

import dev.optlab.plan.SweepTrial;
import dev.optlab.plan.TrialResult;
import dev.optlab.trace.RunSummary;
import java.io.Serializable;

/** A trial's result as a task sends it back; the driver puts its own trial back in. */
record TrialRow(long steps, RunSummary.Status status, double loss, double bestLoss,
    double[] metrics, double bestGoal) implements Serializable {
  static TrialRow of(TrialResult r) {
    return new TrialRow(r.steps(), r.status(), r.loss(), r.bestLoss(), r.metrics(), r.bestGoal());
  }

  TrialResult result(SweepTrial trial) {
    return new TrialResult(trial, steps, status, loss, bestLoss, metrics, bestGoal, false);
  }
}

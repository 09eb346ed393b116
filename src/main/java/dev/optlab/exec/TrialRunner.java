package dev.optlab.exec;

import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.Metric;
import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepTrial;
import dev.optlab.plan.TrialResult;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.io.IOException;
import java.util.List;

/**
 * Runs one trial of a sweep as its plan's run, keeping only what the sweep reports: the last
 * step, the best loss, the metrics at the end and the goal's best. No row is printed or kept.
 */
final class TrialRunner {
  private TrialRunner() {}

  /**
   * Null when the trial was interrupted: it did not finish, so it is not a result. {@code quiet}
   * is a {@link Stop}: it polls, and shows no per-run progress.
   */
  static TrialResult run(SweepPlan sweep, SweepTrial trial, RunControl quiet) {
    ExecutionPlan plan = trial.plan();
    ExecutionPlan.OptimizerPlan o = plan.optimizers().get(0);
    Loop loop = Executor.loops(plan, quiet).apply(o); // a run's loop, float32 or not
    List<String> columns = plan.objective().params();
    int[] metricAt = sweep.metrics().stream().mapToInt(m -> columns.indexOf(m.text())).toArray();
    Metric goal = sweep.goal().best() ? sweep.goal().metric() : null;
    int goalAt = goal == null ? -1 : columns.indexOf(goal.text());
    double[] best = {Double.POSITIVE_INFINITY, Double.NaN};
    RunSummary summary;
    try {
      summary = loop.run(row -> {
        if (row.loss() < best[0]) { // a NaN row leaves it as it was (Math.min would not)
          best[0] = row.loss();
        }
        if (goalAt >= 0) {
          double v = row.params()[goalAt];
          if (sweep.goal().better(v, best[1])) {
            best[1] = v;
          }
        }
      }, null);
    } catch (IOException e) {
      throw new IllegalStateException(e); // no trace file: cannot happen
    }
    if (summary.status() == RunSummary.Status.INTERRUPTED) {
      return null;
    }
    TraceRow last = summary.last();
    double bestLoss = loop instanceof RunLoop r ? r.bestLoss()
        : last.loss() < best[0] ? last.loss() : best[0];
    double[] metrics = new double[metricAt.length];
    for (int i = 0; i < metrics.length; i++) {
      metrics[i] = last.params()[metricAt[i]];
    }
    return new TrialResult(trial, last.step(), summary.status(), last.loss(),
        bestLoss == Double.POSITIVE_INFINITY ? Double.NaN : bestLoss, metrics, best[1], false);
  }

  /**
   * What the trials' loops poll: the session's stop (Ctrl-C), or the sweep's own when a trial
   * failed; without the per-run progress line, since the sweep shows its own.
   */
  static final class Stop extends RunControl {
    private final RunControl control;
    private volatile boolean aborted;

    Stop(RunControl control) {
      this.control = control;
    }

    void abort() {
      aborted = true;
    }

    @Override
    public boolean stopRequested() {
      return aborted || control.stopRequested();
    }
  }
}

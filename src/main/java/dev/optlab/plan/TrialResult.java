package dev.optlab.plan;

import dev.optlab.trace.Numbers;
import dev.optlab.trace.RunSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * How one trial of a sweep ended.
 *
 * @param steps the updates it made
 * @param loss the loss at its last step
 * @param bestLoss the lowest loss it reached (every step of a scalar run; the traced rows of a
 *     run on data, where the whole training loss is taken)
 * @param metrics each of the plan's metrics at its last traced row
 * @param bestGoal for a goal of the best value of a metric, that best; NaN otherwise
 * @param resumed whether it was read from the sweep's file instead of run
 */
public record TrialResult(SweepTrial trial, long steps, RunSummary.Status status, double loss,
    double bestLoss, double[] metrics, double bestGoal, boolean resumed) {

  /** The value the sweep ranks by; NaN for a trial that diverged, which ranks last. */
  public double score(SweepPlan plan) {
    SweepGoal g = plan.goal();
    if (status == RunSummary.Status.DIVERGED) {
      return Double.NaN;
    }
    if (g.metric() == null) {
      return g.best() ? bestLoss : loss;
    }
    return g.best() ? bestGoal : metrics[plan.metrics().indexOf(g.metric())];
  }

  /** {@code completed}, {@code until}, {@code diverged}: the file's and the table's word. */
  public String statusText() {
    return status.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Its row of the sweep's file, in {@link SweepCsv#header}'s order. */
  public List<String> row(SweepPlan plan) {
    List<String> r = new ArrayList<>();
    r.add(Integer.toString(trial.index()));
    r.addAll(trial.values());
    r.add(Long.toString(steps));
    r.add(statusText());
    r.add(Numbers.repr(loss));
    r.add(Numbers.repr(bestLoss));
    for (double m : metrics) {
      r.add(Numbers.repr(m));
    }
    if (plan.goal().best() && plan.goal().metric() != null) {
      r.add(Numbers.repr(bestGoal));
    }
    r.add(trial.config());
    return r;
  }

  /**
   * A trial read back from its row of the sweep's file ({@code resume}); null when the row does
   * not read as one (a status or number that is not optlab's), so the trial runs again.
   */
  public static TrialResult read(SweepPlan plan, SweepTrial trial, List<String> row) {
    try {
      int at = 1 + plan.columns().size();
      long steps = Long.parseLong(row.get(at));
      RunSummary.Status status = RunSummary.Status.valueOf(
          row.get(at + 1).toUpperCase(java.util.Locale.ROOT));
      double loss = Numbers.parseRepr(row.get(at + 2));
      double best = Numbers.parseRepr(row.get(at + 3));
      double[] metrics = new double[plan.metrics().size()];
      for (int i = 0; i < metrics.length; i++) {
        metrics[i] = Numbers.parseRepr(row.get(at + 4 + i));
      }
      boolean bestColumn = plan.goal().best() && plan.goal().metric() != null;
      double bestGoal = bestColumn ? Numbers.parseRepr(row.get(at + 4 + metrics.length))
          : Double.NaN;
      return new TrialResult(trial, steps, status, loss, best, metrics, bestGoal, true);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

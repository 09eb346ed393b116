package dev.optlab.text;

import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepResult;
import dev.optlab.plan.TrialResult;
import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a sweep's table for {@code seeds A..B}: per point, over its finished seeds, the
 * mean of the measure, its spread (the sample standard deviation, as pandas' {@code std}), the
 * range, and how many diverged; then the best point by the mean.
 */
final class SweepSeedsText {
  private SweepSeedsText() {}

  static void append(StringBuilder sb, SweepResult r) {
    SweepPlan p = r.plan();
    Map<Integer, List<TrialResult>> byPoint = new LinkedHashMap<>();
    r.trials().forEach(t -> byPoint.computeIfAbsent(t.trial().point(), k -> new ArrayList<>())
        .add(t));
    int shown = p.columns().size() - 1; // the seed column is what varies within a point
    List<String> header = new ArrayList<>();
    p.columns().subList(0, shown).forEach(c -> header.add(c.name()));
    header.addAll(List.of("seeds", "mean", "std", "min", "max", "diverged"));
    List<List<String>> rows = new ArrayList<>();
    double bestMean = Double.NaN;
    TrialResult bestFirst = null;
    for (List<TrialResult> trials : byPoint.values()) {
      TrialResult first = trials.get(0);
      List<String> row = new ArrayList<>();
      for (int c = 0; c < shown; c++) {
        row.add(SweepText.shown(p.columns().get(c), first.trial().values().get(c),
            first.trial().numbers()[c]));
      }
      double[] s = stats(p, trials);
      row.add(Integer.toString(trials.size()));
      for (int i = 0; i < 4; i++) {
        row.add(Numbers.short6(s[i]));
      }
      row.add(Integer.toString((int) s[4]));
      rows.add(row);
      if (s[4] == 0 && p.goal().better(s[0], bestMean)) {
        bestMean = s[0];
        bestFirst = first;
      }
    }
    sb.append("over seeds, ").append(p.goal().measure()).append(":\n");
    Columns.append(sb, header, rows);
    if (bestFirst != null) {
      String point = SweepText.describe(p, bestFirst, shown);
      sb.append("best point: ").append(point.isEmpty() ? "the only one" : point)
          .append(": mean ").append(p.goal().measure()).append(' ')
          .append(Numbers.short6(bestMean)).append('\n');
    }
  }

  /** Mean, sample std (NaN for one seed), min, max of the finite scores, and the diverged count. */
  static double[] stats(SweepPlan p, List<TrialResult> trials) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    int diverged = 0;
    for (TrialResult t : trials) {
      double v = t.score(p);
      if (Double.isNaN(v)) {
        diverged++;
        continue;
      }
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      n++;
    }
    double mean = n == 0 ? Double.NaN : sum / n;
    double squares = 0;
    for (TrialResult t : trials) {
      double v = t.score(p);
      if (!Double.isNaN(v)) {
        squares += (v - mean) * (v - mean);
      }
    }
    double std = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
    return new double[] {mean, std, n == 0 ? Double.NaN : min, n == 0 ? Double.NaN : max,
        diverged};
  }
}

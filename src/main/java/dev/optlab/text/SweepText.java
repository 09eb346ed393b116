package dev.optlab.text;

import dev.optlab.plan.SweepAxis;
import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepResult;
import dev.optlab.plan.TrialResult;
import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * How a sweep reads: a heading, one row per trial in trial order (its values, steps, status and
 * the measure it is ranked by, with its rank), the best trial; with several seeds per point, the
 * mean and spread over the seeds of each point and the best point. Nothing in it depends on the
 * number of threads, so it reads the same whatever ran it.
 */
public final class SweepText {
  private SweepText() {}

  public static String table(SweepResult r) {
    SweepPlan p = r.plan();
    StringBuilder sb = new StringBuilder();
    int count = p.trials().size();
    sb.append(p.title()).append(": ").append(count).append(count == 1 ? " trial" : " trials")
        .append(", ").append(p.goal()).append(" (").append(Tables.duration(r.nanos()))
        .append(")\n");
    List<String> header = new ArrayList<>(List.of("trial"));
    p.columns().forEach(c -> header.add(c.name()));
    header.addAll(List.of("steps", "status", p.goal().measure(), "rank"));
    List<List<String>> rows = new ArrayList<>();
    int[] rank = ranks(r);
    for (int i = 0; i < r.trials().size(); i++) {
      TrialResult t = r.trials().get(i);
      List<String> row = new ArrayList<>(List.of(Integer.toString(t.trial().index())));
      for (int c = 0; c < p.columns().size(); c++) {
        row.add(shown(p.columns().get(c), t.trial().values().get(c), t.trial().numbers()[c]));
      }
      row.add(Long.toString(t.steps()));
      row.add(t.statusText() + (t.resumed() ? " (file)" : ""));
      row.add(Numbers.short6(t.score(p)));
      row.add(Integer.toString(rank[i]));
      rows.add(row);
    }
    Columns.append(sb, header, rows);
    if (r.interrupted()) {
      sb.append("interrupted: ").append(r.trials().size()).append(" of ").append(count)
          .append(" trials finished\n");
    }
    TrialResult best = r.best();
    if (best == null) {
      sb.append("no trial has a finite ").append(p.goal().measure()).append('\n');
    } else {
      sb.append("best: trial ").append(best.trial().index()).append(", ")
          .append(describe(p, best, p.columns().size())).append(": ")
          .append(p.goal().measure()).append(' ').append(Numbers.short6(best.score(p)))
          .append('\n');
    }
    if (p.seedsPerPoint() > 1) {
      SweepSeedsText.append(sb, r);
    }
    return sb.toString();
  }

  /** The trial's values in its first {@code columns} columns, {@code lr = 0.001, betas = ...}. */
  static String describe(SweepPlan p, TrialResult t, int columns) {
    List<String> parts = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      String v = t.trial().values().get(c);
      if (!v.isEmpty()) {
        parts.add(p.columns().get(c).name() + " = " + shown(p.columns().get(c), v,
            t.trial().numbers()[c]));
      }
    }
    return String.join(", ", parts);
  }

  /** A value as people read it: numbers in 6 digits, the rest as written; blank: "-". */
  static String shown(SweepAxis axis, String text, double number) {
    if (text.isEmpty()) {
      return "-";
    }
    return axis.numeric() && !Double.isNaN(number) ? Numbers.short6(number) : text;
  }

  /** Each trial's rank by the goal, 1 the best; ties in trial order; diverged trials last. */
  private static int[] ranks(SweepResult r) {
    SweepPlan p = r.plan();
    List<TrialResult> trials = r.trials();
    Integer[] order = new Integer[trials.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> {
      double x = trials.get(a).score(p);
      double y = trials.get(b).score(p);
      return p.goal().better(x, y) ? -1 : p.goal().better(y, x) ? 1 : Integer.compare(a, b);
    });
    int[] rank = new int[trials.size()];
    for (int k = 0; k < order.length; k++) {
      rank[order[k]] = k + 1;
    }
    return rank;
  }
}

package dev.optlab.text;

import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.Points;
import dev.optlab.trace.Numbers;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.util.ArrayList;
import java.util.List;

/** The text people read: run tables, closing lines, compare summaries. Shared with the REPL. */
public final class Tables {
  private Tables() {}

  /** Numbers take up to 12 characters in 6 significant digits: {@code -1.23457e-09}. */
  private static final int NUMBER_WIDTH = 12;

  /** {@code adam on rosenbrock from (x = -1.5, y = 2): Adam(lr=0.05, ...)}. */
  public static String runTitle(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer) {
    if (plan.training() != null) {
      return TrainingText.runTitle(plan, optimizer);
    }
    return optimizer.runName() + " on " + plan.objective().name() + TrainingText.from(plan)
        + ": " + optimizer.describe();
  }

  /** The columns of a run's table, sized once for the run. */
  public static final class RowFormat {
    private final int stepWidth;
    private final int[] paramWidths;
    private final List<String> params;

    public RowFormat(List<String> params, long steps) {
      this.params = params;
      this.stepWidth = Math.max(4, Long.toString(steps).length());
      this.paramWidths = params.stream().mapToInt(p -> Math.max(NUMBER_WIDTH, p.length())).toArray();
    }

    public String header() {
      StringBuilder sb = new StringBuilder();
      pad(sb, "step", stepWidth);
      for (String c : List.of("lr", "loss", "grad_norm")) {
        sb.append("  ");
        pad(sb, c, NUMBER_WIDTH);
      }
      for (int i = 0; i < params.size(); i++) {
        sb.append("  ");
        pad(sb, params.get(i), paramWidths[i]);
      }
      return sb.toString();
    }

    public String row(TraceRow r) {
      StringBuilder sb = new StringBuilder();
      pad(sb, Long.toString(r.step()), stepWidth);
      for (double v : new double[] {r.lr(), r.loss(), r.gradNorm()}) {
        sb.append("  ");
        pad(sb, Numbers.short6(v), NUMBER_WIDTH);
      }
      for (int i = 0; i < params.size(); i++) {
        sb.append("  ");
        pad(sb, Numbers.short6(r.params()[i]), paramWidths[i]);
      }
      return sb.toString();
    }
  }

  /**
   * {@code adam: final loss 3.1e-09 at (x = 1, y = 1) after 2000 steps (4.2 ms)}, or how the run
   * stopped early.
   */
  public static String closingLine(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer,
      RunSummary s) {
    if (plan.training() != null) {
      return TrainingText.closingLine(plan, optimizer, s);
    }
    TraceRow last = s.last();
    String point = Points.format(plan.objective().params(), last.params());
    String time = " (" + duration(s.nanos()) + ")";
    return switch (s.status()) {
      case COMPLETED -> s.run() + ": final loss " + Numbers.short6(last.loss()) + " at " + point
          + " after " + last.step() + (last.step() == 1 ? " step" : " steps") + time;
      case UNTIL -> s.run() + ": " + plan.loop().until() + " at step " + last.step()
          + ": loss " + Numbers.short6(last.loss()) + " at " + point + time;
      case DIVERGED -> s.run() + ": diverged at step " + last.step() + " (loss = "
          + Numbers.short6(last.loss()) + ")" + time + "\nhint: try a smaller lr (this run's lr was "
          + Numbers.short6(optimizer.config().lr()) + ")";
      case INTERRUPTED -> s.run() + ": interrupted at step " + last.step() + ": loss "
          + Numbers.short6(last.loss()) + " at " + point + time;
    };
  }

  /** {@code compare on rosenbrock from (x = -1.5, y = 2), 2000 steps}: a compare's first line. */
  public static String compareHeading(ExecutionPlan plan) {
    return "compare on " + plan.objective().name() + TrainingText.from(plan) + ", "
        + plan.loop().steps() + " steps"
        + (plan.loop().until() == null ? "" : ", until " + plan.loop().until());
  }

  /** The columns of a compare's table after the rank and the optimizer. */
  public static List<String> compareColumns(ExecutionPlan plan) {
    List<String> header = new ArrayList<>(List.of("final loss", "grad_norm", "steps", "reached"));
    header.addAll(plan.objective().params());
    return header;
  }

  /** One optimizer's cells of a compare's table, in {@link #compareColumns}' order. */
  public static List<String> compareCells(RunSummary s) {
    TraceRow last = s.last();
    List<String> cells = new ArrayList<>();
    cells.add(s.status() == RunSummary.Status.DIVERGED ? "diverged" : Numbers.short6(last.loss()));
    cells.add(Numbers.short6(last.gradNorm()));
    cells.add(Long.toString(last.step()));
    cells.add(s.stepsToTolerance() < 0 ? "-" : Long.toString(s.stepsToTolerance()));
    for (double p : last.params()) {
      cells.add(Numbers.short6(p));
    }
    return cells;
  }

  /**
   * What the {@code reached} column means, and why the runs are not ranked when they are not;
   * null when there is nothing to say.
   */
  public static String compareNote(ExecutionPlan plan, List<RunSummary> runs, double tolerance) {
    String reached = null;
    if (plan.loop().until() != null) {
      reached = "reached: the step where " + plan.loop().until() + " held";
    } else if (Double.isFinite(tolerance)) {
      reached = "reached: the first step whose loss is within " + Numbers.short6(tolerance)
          + " of the best loss any of them reached";
    }
    if (RunSummary.rankable(runs)) {
      return reached;
    }
    String unranked = "not ranked: interrupted after different numbers of steps (see steps),"
        + " so their losses are not comparable";
    return reached == null ? unranked : reached + "\n" + unranked;
  }

  /** One row per optimizer, best final loss first. */
  public static String compareTable(ExecutionPlan plan, List<RunSummary> ranked, double tolerance) {
    StringBuilder sb = new StringBuilder();
    sb.append(compareHeading(plan)).append('\n');
    int nameWidth = "optimizer".length();
    for (RunSummary s : ranked) {
      nameWidth = Math.max(nameWidth, s.run().length());
    }
    List<String> header = compareColumns(plan);
    StringBuilder h = new StringBuilder("   ");
    padRight(h, "optimizer", nameWidth);
    for (String c : header) {
      h.append("  ");
      pad(h, c, Math.max(NUMBER_WIDTH, c.length()));
    }
    sb.append(h).append('\n');
    int rank = 1;
    boolean rankable = RunSummary.rankable(ranked);
    for (RunSummary s : ranked) {
      StringBuilder r = new StringBuilder();
      pad(r, rankable ? Integer.toString(rank++) : "-", 2);
      r.append(' ');
      padRight(r, s.run(), nameWidth);
      List<String> cells = compareCells(s);
      for (int i = 0; i < cells.size(); i++) {
        r.append("  ");
        pad(r, cells.get(i), Math.max(NUMBER_WIDTH, header.get(i).length()));
      }
      sb.append(r).append('\n');
    }
    String note = compareNote(plan, ranked, tolerance);
    if (note != null) {
      sb.append(note).append('\n');
    }
    return sb.toString();
  }

  static String duration(long nanos) {
    double ms = nanos / 1e6;
    return ms < 1000 ? String.format(java.util.Locale.ROOT, "%.1f ms", ms)
        : String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000);
  }

  private static void pad(StringBuilder sb, String s, int width) {
    sb.append(" ".repeat(Math.max(0, width - s.length()))).append(s);
  }

  private static void padRight(StringBuilder sb, String s, int width) {
    sb.append(s).append(" ".repeat(Math.max(0, width - s.length())));
  }
}

package dev.optlab.plot;

import dev.optlab.plan.PlotPlan;
import dev.optlab.plan.SweepAxis;
import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepResult;
import dev.optlab.plan.TrialResult;
import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figure of {@code plot sweep} (docs/plots.md, "plot sweep"): the sweep's measure against
 * its first numeric column, one line per combination of the other columns, or a heat map of two.
 * A point trained with several seeds is drawn at the mean of those that did not diverge, as the
 * table's mean is; a point whose every seed diverged is left out and named in the legend.
 */
public final class SweepFigures {
  private SweepFigures() {}

  /** A point of the sweep: its trials (one per seed) and what is drawn for them. */
  record Point(TrialResult first, double mean, int seeds) {}

  public static Figure figure(PlotPlan.Sweep plot, SweepResult result) {
    SweepPlan sweep = result.plan();
    List<Point> points = points(result);
    String title = sweep.title() + (result.interrupted() ? " (stopped after " + result.trials()
        .size() + " of " + sweep.trials().size() + " trials)" : "");
    int seeds = sweep.seedsPerPoint();
    String measure = sweep.goal().measure() + (seeds > 1 ? ", mean of " + seeds + " seeds" : "");
    if (plot.heatY() >= 0) {
      return new Figure(title, List.of(heat(plot, sweep, points, measure)));
    }
    List<Integer> groups = plot.groups();
    Map<String, List<Point>> lines = new LinkedHashMap<>();
    for (Point p : points) {
      if (!Double.isNaN(p.first().trial().numbers()[plot.x()])) {
        lines.computeIfAbsent(name(sweep, groups, p), k -> new ArrayList<>()).add(p);
      }
    }
    String xName = sweep.columns().get(plot.x()).name();
    List<Series> series = new ArrayList<>();
    for (Map.Entry<String, List<Point>> line : lines.entrySet()) {
      series.add(line(line.getKey().isEmpty() ? sweep.goal().measure() : line.getKey(),
          line.getValue(), plot.x(), xName));
    }
    boolean logY = sweep.goal().metric() == null && Figure.wantsLog(series);
    return new Figure(title, List.of(new Figure.Lines("", xName, measure, series, logY, false,
        plot.logX())));
  }

  /**
   * Two numeric columns of a grid: a cell per pair of values, coloured by the mean measure, on a
   * log scale for losses spanning two decades (the loss axis' rule).
   */
  private static Figure.Heat heat(PlotPlan.Sweep plot, SweepPlan sweep, List<Point> points,
      String measure) {
    double[] xs = distinct(points, plot.x());
    double[] ys = distinct(points, plot.heatY());
    double[][] z = new double[ys.length][xs.length];
    boolean[][] ran = new boolean[ys.length][xs.length];
    List<Series> values = new ArrayList<>();
    for (Point p : points) {
      double[] n = p.first().trial().numbers();
      int i = java.util.Arrays.binarySearch(xs, n[plot.x()]);
      int j = java.util.Arrays.binarySearch(ys, n[plot.heatY()]);
      if (i >= 0 && j >= 0) {
        z[j][i] = p.mean();
        ran[j][i] = true;
        values.add(new Series("", new double[] {0}, new double[] {p.mean()}));
      }
    }
    boolean logZ = sweep.goal().metric() == null && Figure.wantsLog(values);
    return new Figure.Heat("", sweep.columns().get(plot.x()).name(),
        sweep.columns().get(plot.heatY()).name(), new HeatMap(measure, xs, ys, z, ran, logZ));
  }

  /** A column's values, each once, in increasing order. */
  private static double[] distinct(List<Point> points, int column) {
    return points.stream().mapToDouble(p -> p.first().trial().numbers()[column])
        .filter(v -> !Double.isNaN(v)).distinct().sorted().toArray();
  }

  /** The trials grouped by point, in trial order, each with its mean over seeds. */
  static List<Point> points(SweepResult result) {
    Map<Integer, List<TrialResult>> byPoint = new LinkedHashMap<>();
    result.trials().forEach(t -> byPoint.computeIfAbsent(t.trial().point(),
        k -> new ArrayList<>()).add(t));
    List<Point> points = new ArrayList<>();
    for (List<TrialResult> trials : byPoint.values()) {
      double sum = 0;
      int n = 0;
      for (TrialResult t : trials) {
        double v = t.score(result.plan());
        if (!Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      points.add(new Point(trials.get(0), n == 0 ? Double.NaN : sum / n, trials.size()));
    }
    return points;
  }

  /**
   * A line's points in order along x (a random search's draws come in any order); a point that
   * diverged is NaN, which breaks the line there, and the note says where.
   */
  private static Series line(String name, List<Point> points, int x, String xName) {
    List<Point> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(p -> p.first().trial().numbers()[x]));
    double[] xs = new double[sorted.size()];
    double[] ys = new double[sorted.size()];
    double lastKept = Double.NEGATIVE_INFINITY;
    double firstDiverged = Double.NaN;
    int diverged = 0;
    for (int i = 0; i < xs.length; i++) {
      xs[i] = sorted.get(i).first().trial().numbers()[x];
      ys[i] = sorted.get(i).mean();
      if (Double.isNaN(ys[i])) {
        diverged++;
        firstDiverged = Double.isNaN(firstDiverged) ? xs[i] : firstDiverged;
      } else {
        lastKept = xs[i];
      }
    }
    String note = diverged == 0 ? null : diverged == xs.length ? "all diverged"
        : firstDiverged > lastKept ? "diverged at " + xName + " >= " + Numbers.short6(firstDiverged)
        : diverged + " of " + xs.length + " diverged";
    return new Series(name, xs, ys, note);
  }

  /**
   * A line's name: the optimizer column's value as it is ({@code SGD(momentum = 0.9)}), the
   * others as {@code name = value}; a column an optimizer does not sweep is left out.
   */
  private static String name(SweepPlan sweep, List<Integer> groups, Point p) {
    List<String> parts = new ArrayList<>();
    for (int c : groups) {
      SweepAxis column = sweep.columns().get(c);
      String value = p.first().trial().values().get(c);
      double number = p.first().trial().numbers()[c];
      if (!value.isEmpty()) {
        parts.add(column.name().equals("optimizer") && c == 0 ? value : column.name() + " = "
            + (column.numeric() && !Double.isNaN(number) ? Numbers.short6(number) : value));
      }
    }
    return String.join(", ", parts);
  }
}

package dev.optlab.plot;

import dev.optlab.diff.CompiledFunction;
import dev.optlab.diff.Evaluator;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.LrFinder;
import dev.optlab.plan.PlotPlan;
import dev.optlab.plan.Points;
import dev.optlab.schedule.Schedule;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/** Builds the figure of each kind of plot from what its run produced. */
public final class Figures {
  private Figures() {}

  /** A log lr axis only past three decades: most schedules read better on a linear one. */
  private static final double LR_LOG_RATIO = 1e3;

  static Figure.Lines lossPanel(List<Series> series) {
    return new Figure.Lines("loss", "step", "loss", series, Figure.wantsLog(series, 1e2, true), false);
  }

  static Figure.Lines lrPanel(List<Series> series) {
    return new Figure.Lines("learning rate", "step", "lr", series,
        Figure.wantsLog(series, LR_LOG_RATIO, false), true);
  }

  public static Figure curves(PlotPlan.Curves plan, RowCollector rows) {
    List<Figure.Panel> panels = new ArrayList<>();
    panels.add(lossPanel(rows.lossSeries()));
    if (plan.withLr()) {
      panels.add(lrPanel(rows.lrSeries()));
    }
    if (plan.logSteps()) {
      panels.replaceAll(p -> ((Figure.Lines) p).withLogX());
    }
    String what = plan.run().compare() ? "loss" : rows.runs().get(0).name();
    return new Figure(what + " " + title(plan.run()), panels);
  }

  /**
   * @param going asked every 2^20 steps with the step reached whether to go on (the caller shows
   *     progress and stops on Ctrl-C); a curve stopped early ends where it stopped
   */
  public static Figure schedules(PlotPlan.ScheduleCurves plan, LongPredicate going) {
    List<Series> series = new ArrayList<>();
    for (PlotPlan.NamedSchedule s : plan.schedules()) {
      series.add(preview(s, plan.steps(), plan.every(), going));
    }
    List<PlotPlan.NamedSchedule> all = plan.schedules();
    String title = (all.size() == 1 ? "schedule " + all.get(0).name() : "schedules") + ", "
        + plan.steps() + " steps";
    return new Figure(title, List.of(lrPanel(series)));
  }

  /**
   * The learning rate of each update: a schedule stepped {@code steps} times as a run would step
   * it, with a loss that never improves (what {@code plateau} then does is cut the lr).
   */
  static Series preview(PlotPlan.NamedSchedule s, long steps, long every, LongPredicate going) {
    Schedule schedule = s.spec().start(s.lr(), s.momentum());
    int n = (int) (steps / every + (steps % every == 0 ? 1 : 2));
    double[] x = new double[n];
    double[] y = new double[n];
    int k = 0;
    for (long t = 0; ; t++) {
      if (t % every == 0 || t == steps) {
        x[k] = t;
        y[k++] = schedule.lr();
      }
      if (t == steps || (t & POLL) == POLL && !going.test(t)) {
        break;
      }
      schedule.step(1.0);
    }
    return new Series(s.name(), Arrays.copyOf(x, k), Arrays.copyOf(y, k));
  }

  private static final long POLL = (1 << 20) - 1;

  /**
   * A range test: the smoothed loss against lr on a log axis (fast.ai's {@code plot_lr_find},
   * without the last 5 points it also leaves out), each suggestion a marked point named by its
   * rule.
   */
  public static Figure lrFind(String title, LrFinder finder,
      List<LrFinder.Suggestion> suggestions) {
    List<Double> lrs = finder.lrs();
    int n = Math.max(1, lrs.size() - 5);
    double[] x = new double[Math.min(n, lrs.size())];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = lrs.get(i);
      y[i] = finder.smoothedLosses().get(i);
    }
    List<Series> series = new ArrayList<>();
    series.add(new Series("smoothed loss", x, y));
    for (LrFinder.Suggestion s : suggestions) {
      series.add(new Series(s.rule().text() + " " + dev.optlab.trace.Numbers.short6(s.lr()),
          new double[] {s.markLr()}, new double[] {s.markLoss()}));
    }
    Figure.Lines panel = new Figure.Lines("loss", "lr", "loss", series,
        Figure.wantsLog(series, 1e2, true), false, true);
    return new Figure(title, List.of(panel));
  }

  public static Figure paths(PlotPlan.Paths plan, RowCollector rows) {
    ExecutionPlan run = plan.run();
    return paths("paths " + title(run), run.objective().name(), run.objective().params(),
        run.objective().function(), run.objective().start(), plan.x(), plan.y(), rows);
  }

  /**
   * The contour map of {@code function} (of exactly two parameters) with each run's path; a range
   * that is null is fitted around the paths.
   */
  static Figure paths(String title, String objective, List<String> params,
      CompiledFunction function, double[] start, PlotPlan.Range xRange, PlotPlan.Range yRange,
      RowCollector rows) {
    List<Series> series = rows.pathSeries();
    PlotPlan.Range x = xRange != null ? xRange : fit(rows.runs(), 0, start[0]);
    PlotPlan.Range y = yRange != null ? yRange : fit(rows.runs(), 1, start[1]);
    Evaluator f = function.evaluator();
    double[] point = new double[2];
    ContourMap map = Contours.map(objective, (a, b) -> {
      point[0] = a;
      point[1] = b;
      return f.value(point);
    }, x.lo(), x.hi(), y.lo(), y.hi());
    Figure.Contour panel = new Figure.Contour("", params.get(0), params.get(1), series, map);
    return new Figure(title, List.of(panel));
  }

  /**
   * The range around every path along one parameter, with a margin. A diverged run's points count
   * only while its loss stays within ten times the starting loss, so one run flying off to 1e30
   * does not shrink the others to a dot.
   */
  static PlotPlan.Range fit(List<RowCollector.Run> runs, int axis, double start) {
    double lo = start;
    double hi = start;
    for (RowCollector.Run r : runs) {
      boolean diverged = r.summary() != null
          && r.summary().status() == RunSummary.Status.DIVERGED;
      double limit = r.rows().isEmpty() ? 0 : 10 * Math.abs(r.rows().get(0).loss());
      for (TraceRow row : r.rows()) {
        double v = row.params()[axis];
        if (!Double.isFinite(v) || (diverged && !(Math.abs(row.loss()) <= limit))) {
          continue;
        }
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double span = hi - lo;
    double pad = span > 1e-12 * Math.max(1, Math.abs(hi)) ? span * 0.12
        : Math.max(0.5, Math.abs(hi) * 0.1);
    return new PlotPlan.Range(lo - pad, hi + pad);
  }

  /** {@code on rosenbrock from (x = -1.5, y = 2), 2000 steps}; the legend names the runs. */
  static String title(ExecutionPlan run) {
    ExecutionPlan.ObjectivePlan o = run.objective();
    // An objective on data has no start point to show (its rows carry norms and metrics).
    String from = o.function() == null || o.start().length != o.params().size() ? ""
        : " from " + Points.format(o.params(), o.start());
    return "on " + o.name() + from + ", " + run.loop().steps() + " steps";
  }
}

package dev.optlab.plot;

import dev.optlab.diff.CompiledFunction;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * The pictures of a {@code report} page (docs/plots.md, "Reports"), built from what a session
 * kept of its runs: the same figures {@code plot} draws, from the same layout.
 */
public final class ReportFigures {
  private ReportFigures() {}

  /**
   * What a plot of {@code plan} is titled after its first word: {@code on rosenbrock from (x =
   * -1.5, y = 2), 2000 steps}.
   */
  public static String caption(ExecutionPlan plan) {
    return Figures.title(plan);
  }

  /**
   * Loss against step, one line per run, and the learning rate beside it when it changes in any
   * run: what {@code plot compare ... with lr} draws, the lr panel left out when it would be a
   * flat line.
   *
   * @param loss each run's loss (its traced rows, or a finer curve where one was kept)
   * @param lr each run's learning rate, in the same order
   */
  public static Figure curves(String title, List<Series> loss, List<Series> lr) {
    List<Figure.Panel> panels = new ArrayList<>();
    panels.add(Figures.lossPanel(loss));
    if (varies(lr)) {
      panels.add(Figures.lrPanel(lr));
    }
    return new Figure(title, panels);
  }

  /**
   * Whether some series changes along its length: runs that each keep one lr, even different
   * ones, are flat lines not worth a panel (their lrs are in their titles).
   */
  static boolean varies(List<Series> series) {
    for (Series s : series) {
      double first = Double.NaN;
      for (int i = 0; i < s.size(); i++) {
        double v = s.y()[i];
        if (!s.finite(i)) {
          continue;
        }
        if (first != first) {
          first = v;
        } else if (v != first) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * One metric of training runs (docs/tensors.md) against step, one line per run: a log axis for
   * a loss or a norm whose values span two decades, a linear one for an accuracy.
   *
   * @param series each run's values, in the order the runs were listed
   */
  public static Figure metric(String title, String metric, List<Series> series) {
    boolean fraction = Metric.byText(metric).map(Metric::classifier).orElse(false);
    boolean log = !fraction && Figure.wantsLog(series); // accuracies read on a linear axis
    return new Figure(title, List.of(new Figure.Lines(metric, "step", metric, series, log,
        false)));
  }

  /**
   * The contour map of a two-parameter objective with each run's path over it, its ranges fitted
   * around the paths: what {@code plot paths} draws.
   */
  public static Figure paths(String title, String objective, List<String> params,
      CompiledFunction function, double[] start, List<RowCollector.Run> runs) {
    return Figures.paths(title, objective, params, function, start, null, null,
        RowCollector.of(runs));
  }

  /** {@code series} with how {@code run} ended (diverged, stopped) in its legend entry. */
  public static Series noted(Series series, RowCollector.Run run) {
    return RowCollector.noted(series, run);
  }

  /** How wide the figure is drawn, in pixels (its SVG's width). */
  public static int width(Figure figure) {
    return new FigureRenderer(figure).width;
  }

  /** The figure as an {@code <svg>} element for an HTML page; see {@link PlotFiles#inlineSvg}. */
  public static String svg(Figure figure, String idPrefix) {
    return PlotFiles.inlineSvg(figure, idPrefix);
  }
}

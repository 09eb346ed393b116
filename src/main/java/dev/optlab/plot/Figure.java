package dev.optlab.plot;

import java.util.List;

/**
 * A picture, independent of where it is drawn: the terminal ({@link TerminalPlots}), SVG or PNG
 * ({@link FigureRenderer}). Panels stand side by side in files and one above the other in the
 * terminal; every panel of a figure lists the same series in the same order, so a series keeps
 * its colour across panels and one legend serves them all.
 */
public record Figure(String title, List<Panel> panels) {
  public Figure {
    panels = List.copyOf(panels);
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("a figure needs a panel");
    }
  }

  /** The series the legend lists: the first panel's. */
  public List<Series> legend() {
    return panels.get(0).series();
  }

  /** One set of axes. */
  public sealed interface Panel {
    String title();

    String xLabel();

    String yLabel();

    List<Series> series();
  }

  /**
   * Lines against a shared x axis.
   *
   * @param logY whether the y axis is logarithmic (see {@link #wantsLog})
   * @param fromZero whether the y axis starts at 0 (learning rates)
   * @param logX whether the x axis (the step) is logarithmic, step 0 drawn at its left edge
   */
  public record Lines(String title, String xLabel, String yLabel, List<Series> series,
      boolean logY, boolean fromZero, boolean logX) implements Panel {
    public Lines {
      series = List.copyOf(series);
    }

    public Lines(String title, String xLabel, String yLabel, List<Series> series, boolean logY,
        boolean fromZero) {
      this(title, xLabel, yLabel, series, logY, fromZero, false);
    }

    /** The same panel with the step on a log axis. */
    public Lines withLogX() {
      return new Lines(title, xLabel, yLabel, series, logY, fromZero, true);
    }
  }

  /**
   * A contour map of a two-parameter function with paths drawn over it; each path's first point
   * is its start and its last its end.
   */
  public record Contour(String title, String xLabel, String yLabel, List<Series> series,
      ContourMap map) implements Panel {
    public Contour {
      series = List.copyOf(series);
    }
  }

  /**
   * A heat map: one cell per pair of values, coloured by a measure (a sweep over two numbers).
   * It has no series; the legend is its colour scale.
   */
  public record Heat(String title, String xLabel, String yLabel, HeatMap map) implements Panel {
    @Override
    public List<Series> series() {
      return List.of();
    }
  }

  /**
   * A log axis when no finite value is negative and the positive ones span at least two decades:
   * a loss falling from 10 to 1e-8 is a straight line, not a cliff and a flat floor. A loss of
   * exactly 0 (common in float64) keeps the log scale and is drawn on the axis floor.
   */
  public static boolean wantsLog(List<Series> series) {
    return wantsLog(series, 100, true);
  }

  /**
   * As {@link #wantsLog(List)}, with the ratio of largest to smallest that calls for log.
   *
   * @param zeroAtFloor whether a 0 may sit on the floor of a log axis (a loss that reached 0);
   *     false for learning rates, whose schedules decay to exactly 0 and read better on a linear
   *     axis from 0
   */
  public static boolean wantsLog(List<Series> series, double ratio, boolean zeroAtFloor) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Series s : series) {
      for (int i = 0; i < s.size(); i++) {
        double v = s.y()[i];
        if (!Double.isFinite(v) || !Double.isFinite(s.x()[i])) {
          continue;
        }
        if (v < 0 || (v == 0 && !zeroAtFloor)) {
          return false;
        }
        if (v == 0) {
          continue; // drawn at the floor of the log axis
        }
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return max > 0 && max / min >= ratio;
  }
}

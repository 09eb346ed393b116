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
   */
  public record Lines(String title, String xLabel, String yLabel, List<Series> series,
      boolean logY, boolean fromZero) implements Panel {
    public Lines {
      series = List.copyOf(series);
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
   * A log axis when every finite value is positive and they span at least two decades: a loss
   * falling from 10 to 1e-8 is a straight line, not a cliff and a flat floor.
   */
  public static boolean wantsLog(List<Series> series) {
    return wantsLog(series, 100);
  }

  /** As {@link #wantsLog(List)}, with the ratio of largest to smallest that calls for log. */
  public static boolean wantsLog(List<Series> series, double ratio) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Series s : series) {
      for (int i = 0; i < s.size(); i++) {
        double v = s.y()[i];
        if (!Double.isFinite(v) || !Double.isFinite(s.x()[i])) {
          continue;
        }
        if (v <= 0) {
          return false;
        }
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return max > 0 && max / min >= ratio;
  }
}

package dev.optlab.plot;

/**
 * The axes of a panel, decided the same way for the terminal and for files: a line chart's x axis
 * spans its data exactly, its y axis widens to whole ticks (from 0 for learning rates, by
 * decades on a log axis); a contour map's axes are its ranges.
 */
final class Frame {
  private Frame() {}

  static Axis x(Figure.Panel panel) {
    if (panel instanceof Figure.Contour c) {
      return Axis.exact(c.map().xLo(), c.map().xHi());
    }
    double[] r = range(panel, true);
    if (panel instanceof Figure.Lines l && l.logX()) {
      return Axis.loose(r[0], r[1], true, 5); // by decades; step 0 sits on the left edge
    }
    return r[1] > r[0] ? Axis.exact(r[0], r[1]) : Axis.loose(r[0], r[1], false, 5);
  }

  /** The x label, saying so when the axis is logarithmic. */
  static String xLabel(Figure.Panel panel) {
    return panel instanceof Figure.Lines l && l.logX() ? panel.xLabel() + " (log scale)"
        : panel.xLabel();
  }

  static Axis y(Figure.Panel panel, int maxTicks) {
    return y(panel, maxTicks, false);
  }

  /**
   * @param headroom whether to leave a little room over data that reaches the top tick, where a
   *     file's frame would hide it (the terminal has no top frame)
   */
  static Axis y(Figure.Panel panel, int maxTicks, boolean headroom) {
    if (panel instanceof Figure.Contour c) {
      return Axis.exact(c.map().yLo(), c.map().yHi());
    }
    Figure.Lines lines = (Figure.Lines) panel;
    double[] r = range(panel, false);
    if (lines.logY()) {
      return Axis.loose(r[0], r[1], true, maxTicks);
    }
    if (lines.fromZero() && r[0] >= 0) {
      r[0] = 0;
    }
    Axis axis = Axis.loose(r[0], r[1], false, maxTicks);
    if (headroom && axis.hi - r[1] < 0.02 * (axis.hi - axis.lo)) {
      axis = Axis.exact(axis.lo, axis.hi + 0.04 * (axis.hi - axis.lo));
    }
    return axis;
  }

  /** The y label, saying so when the axis is logarithmic. */
  static String yLabel(Figure.Panel panel) {
    return panel instanceof Figure.Lines l && l.logY() ? panel.yLabel() + " (log scale)"
        : panel.yLabel();
  }

  /** {min, max} of the finite x (or y) values of the panel's series; NaNs when there are none. */
  private static double[] range(Figure.Panel panel, boolean x) {
    boolean log = panel instanceof Figure.Lines l && (x ? l.logX() : l.logY());
    double min = Double.NaN;
    double max = Double.NaN;
    for (Series s : panel.series()) {
      for (int i = 0; i < s.size(); i++) {
        double v = x ? s.x()[i] : s.y()[i];
        if (!s.finite(i) || (log && v <= 0)) {
          continue;
        }
        min = Double.isNaN(min) ? v : Math.min(min, v);
        max = Double.isNaN(max) ? v : Math.max(max, v);
      }
    }
    return new double[] {min, max};
  }
}

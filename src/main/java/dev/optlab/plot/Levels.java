package dev.optlab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Which contour levels to draw. Evenly spaced round values when the function fills its range
 * evenly (a quadratic bowl); values spaced by ratio (1, 2, 5, 10, 20, ...) above the minimum when
 * most of the map lies in the lowest tenth of the range, as it does for Rosenbrock's valley, where
 * even levels would put every line on the steep walls and none near the floor.
 */
record Levels(double[] values, boolean log) {
  static final int MAX_LEVELS = 16;

  static Levels choose(double[][] z) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int count = 0;
    for (double[] row : z) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
          count++;
        }
      }
    }
    double range = max - min;
    if (count == 0 || !(range > 0) || Double.isInfinite(range)) {
      return new Levels(new double[0], false);
    }
    int low = 0;
    for (double[] row : z) {
      for (double v : row) {
        if (v < min + 0.1 * range) {
          low++;
        }
      }
    }
    if (low * 2 <= count) {
      return new Levels(linear(min, max), false);
    }
    // Four decades below the range: finer lines crowd into one blur, and the grid cannot follow
    // them along a valley a few cells wide.
    double base = Math.abs(min) < 1e-3 * range ? 0 : min;
    return new Levels(ratios(range * 1e-4, range, base), true);
  }

  /** Round values strictly between {@code min} and {@code max}, about ten of them. */
  static double[] linear(double min, double max) {
    Axis axis = Axis.loose(min, max, false, 12);
    List<Double> out = new ArrayList<>();
    for (double t : axis.ticks(12)) {
      if (t > min && t < max) {
        out.add(t);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * {@code base + d} for round {@code d} in {@code [lo, hi)}: 1-2-5 steps, or 1-3, or whole
   * decades, or every k-th decade, whichever first gives at most {@link #MAX_LEVELS}.
   */
  static double[] ratios(double lo, double hi, double base) {
    double[][] mantissas = {{1, 2, 5}, {1, 3}, {1}};
    for (int decadeStep = 1; ; decadeStep++) {
      for (double[] ms : mantissas) {
        if (decadeStep > 1 && ms.length > 1) {
          continue;
        }
        List<Double> out = new ArrayList<>();
        int d0 = (int) Math.floor(Math.log10(lo));
        for (int d = d0; Math.pow(10, d) < hi; d++) {
          if (Math.floorMod(d, decadeStep) != 0) {
            continue;
          }
          for (double m : ms) {
            double v = Double.parseDouble(m + "e" + d); // exact decimal, not m * 10^d's rounding
            if (v >= lo && v < hi) {
              out.add(base + v);
            }
          }
        }
        if (out.size() <= MAX_LEVELS) {
          return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
      }
    }
  }
}

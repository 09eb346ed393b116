package dev.optlab.plot;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The cells of a heat map: {@code z[j][i]} is the value at {@code xs[i]} across and {@code
 * ys[j]} up, both in increasing order. Cells are equal in size, one per value, labelled with the
 * values themselves (seaborn's {@code heatmap}), so values spaced evenly on a log scale
 * ({@code logspace}) stand evenly apart as they would on a log axis.
 *
 * @param name what the colour shows, the colour scale's title
 * @param z NaN where the trial diverged
 * @param ran false where no trial finished (an interrupted sweep): the cell is left empty
 * @param logZ whether colours follow the log of the value (losses spanning decades)
 */
public record HeatMap(String name, double[] xs, double[] ys, double[][] z, boolean[][] ran,
    boolean logZ) {
  /** Diverged cells: a grey that no colour of the scale comes near. */
  static final String DIVERGED = "#d0d0d0";

  /** The colour scale: the finite values' range, widened to round ticks (by decades if log). */
  Axis colours() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : z) {
      for (double v : row) {
        if (Double.isFinite(v) && (!logZ || v > 0)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    return Axis.loose(min, max, logZ, 6);
  }

  /** Where a value falls on the scale, from 0 to 1. */
  double shade(Axis colours, double v) {
    return Math.max(0, Math.min(1, colours.fraction(v)));
  }

  /** A cell's text: three significant digits, {@code 0.0123}; two beyond, {@code 3.2e-5}. */
  static String compact(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e5) {
      return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
    int e = (int) Math.floor(Math.log10(a));
    BigDecimal m = new BigDecimal(v / Math.pow(10, e)).round(new MathContext(2));
    if (m.abs().compareTo(BigDecimal.TEN) >= 0) { // 9.96e-5 rounds up to 1e-4
      m = m.movePointLeft(1);
      e++;
    }
    return m.stripTrailingZeros().toPlainString() + "e" + e;
  }
}

package dev.optlab.tensor;

/**
 * Reductions along one axis ({@code sum}, {@code mean}) and the softmax family, over a tensor
 * seen as {@code [outer, len, inner]} around the axis. Softmax subtracts the maximum first, as
 * PyTorch does; {@code log_softmax} is {@code (x - max) - log(sum(exp(x - max)))} in that order.
 * Backward: {@code log_softmax}'s {@code g - exp(y) * sum(g)}, softmax's {@code y * (g -
 * sum(g * y))}.
 */
final class Reduce {
  private Reduce() {}

  /**
   * Sums (or means) along the axis; split among threads by {@code outer} when large (each
   * result element's sum within one part, in order).
   */
  static void sum(boolean mean, double[] x, int xo, double[] y, int yo, int outer, int len,
      int inner) {
    if (!Threads.parallelRows(outer, (long) outer * len * inner)) {
      sumRows(mean, x, xo, y, yo, outer, len, inner);
      return;
    }
    Threads.split(outer, 1, (f, t) ->
        sumRows(mean, x, xo + f * len * inner, y, yo + f * inner, t - f, len, inner));
  }

  private static void sumRows(boolean mean, double[] x, int xo, double[] y, int yo, int outer,
      int len, int inner) {
    if (outer == 1 && inner == 1) {
      double total = sumAll(x, xo, len);
      y[yo] = mean ? total / len : total;
      return;
    }
    java.util.Arrays.fill(y, yo, yo + outer * inner, 0);
    for (int o = 0; o < outer; o++) {
      int yi = yo + o * inner;
      for (int l = 0; l < len; l++) {
        int xi = xo + (o * len + l) * inner;
        for (int i = 0; i < inner; i++) {
          y[yi + i] += x[xi + i];
        }
      }
    }
    if (mean) {
      for (int i = 0; i < outer * inner; i++) {
        y[yo + i] /= len;
      }
    }
  }

  /**
   * A whole tensor's sum in four interleaved partial sums, added pairwise at the end: like
   * PyTorch's vectorised sum (and unlike one running total) it does not wait on each addition
   * before the next, and it rounds no worse.
   */
  static double sumAll(double[] x, int xo, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      s0 += x[xo + i];
      s1 += x[xo + i + 1];
      s2 += x[xo + i + 2];
      s3 += x[xo + i + 3];
    }
    for (; i < n; i++) {
      s0 += x[xo + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Spreads the gradient of a sum (or mean) back; split by its elements when large. */
  static void sumBackward(boolean mean, double[] gy, int gyo, double[] gx, int gxo, int outer,
      int len, int inner) {
    long size = (long) outer * len * inner;
    if (outer == 1 && inner == 1 && Threads.parallelElements(size)) {
      Threads.split(len, Threads.ALIGN, (f, t) ->
          sumBackwardRows(mean, gy, gyo, gx, gxo + f, 1, t - f, 1, len));
    } else if (Threads.parallelRows(outer, size)) {
      Threads.split(outer, 1, (f, t) -> sumBackwardRows(mean, gy, gyo + f * inner, gx,
          gxo + f * len * inner, t - f, len, inner, len));
    } else {
      sumBackwardRows(mean, gy, gyo, gx, gxo, outer, len, inner, len);
    }
  }

  /** {@code divisor}: the length of the whole axis, which a mean divides by. */
  private static void sumBackwardRows(boolean mean, double[] gy, int gyo, double[] gx, int gxo,
      int outer, int len, int inner, int divisor) {
    if (outer == 1 && inner == 1) {
      double g = mean ? gy[gyo] / divisor : gy[gyo];
      for (int l = 0; l < len; l++) {
        gx[gxo + l] += g;
      }
      return;
    }
    for (int o = 0; o < outer; o++) {
      for (int l = 0; l < len; l++) {
        int xi = gxo + (o * len + l) * inner;
        for (int i = 0; i < inner; i++) {
          double g = gy[gyo + o * inner + i];
          gx[xi + i] += mean ? g / divisor : g;
        }
      }
    }
  }

  /** Softmax (or log-softmax) along the axis, split among threads by {@code outer} when large. */
  static void softmax(boolean log, double[] x, int xo, double[] y, int yo, int outer, int len,
      int inner) {
    int block = len * inner;
    if (!Threads.parallelRows(outer, (long) outer * block * Threads.COSTLY)) {
      softmaxRows(log, x, xo, y, yo, outer, len, inner);
      return;
    }
    Threads.split(outer, 1, (f, t) ->
        softmaxRows(log, x, xo + f * block, y, yo + f * block, t - f, len, inner));
  }

  private static void softmaxRows(boolean log, double[] x, int xo, double[] y, int yo, int outer,
      int len, int inner) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        double max = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < len; l++) {
          double v = x[xo + base + l * inner];
          max = v > max || v != v ? v : max;
        }
        double sum = 0;
        for (int l = 0; l < len; l++) {
          sum += Math.exp(x[xo + base + l * inner] - max);
        }
        if (log) {
          double logSum = Math.log(sum);
          for (int l = 0; l < len; l++) {
            y[yo + base + l * inner] = x[xo + base + l * inner] - max - logSum;
          }
        } else {
          for (int l = 0; l < len; l++) {
            y[yo + base + l * inner] = Math.exp(x[xo + base + l * inner] - max) / sum;
          }
        }
      }
    }
  }

  /** The softmax's backward, split by {@code outer} when large (each sum within one row). */
  static void softmaxBackward(boolean log, double[] y, int yo, double[] gy, int gyo, double[] gx,
      int gxo, int outer, int len, int inner) {
    int block = len * inner;
    if (!Threads.parallelRows(outer, (long) outer * block * Threads.COSTLY)) {
      softmaxBackwardRows(log, y, yo, gy, gyo, gx, gxo, outer, len, inner);
      return;
    }
    Threads.split(outer, 1, (f, t) ->
        softmaxBackwardRows(log, y, yo + f * block, gy, gyo + f * block, gx, gxo + f * block,
            t - f, len, inner));
  }

  private static void softmaxBackwardRows(boolean log, double[] y, int yo, double[] gy, int gyo,
      double[] gx, int gxo, int outer, int len, int inner) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        double s = 0;
        for (int l = 0; l < len; l++) {
          int at = base + l * inner;
          s += log ? gy[gyo + at] : gy[gyo + at] * y[yo + at];
        }
        for (int l = 0; l < len; l++) {
          int at = base + l * inner;
          gx[gxo + at] += log ? gy[gyo + at] - Math.exp(y[yo + at]) * s
              : y[yo + at] * (gy[gyo + at] - s);
        }
      }
    }
  }
}

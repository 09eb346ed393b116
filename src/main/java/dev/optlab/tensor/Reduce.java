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

  static void sum(boolean mean, double[] x, int xo, double[] y, int yo, int outer, int len,
      int inner) {
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

  static void sumBackward(boolean mean, double[] gy, int gyo, double[] gx, int gxo, int outer,
      int len, int inner) {
    if (outer == 1 && inner == 1) {
      double g = mean ? gy[gyo] / len : gy[gyo];
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
          gx[xi + i] += mean ? g / len : g;
        }
      }
    }
  }

  static void softmax(boolean log, double[] x, int xo, double[] y, int yo, int outer, int len,
      int inner) {
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

  static void softmaxBackward(boolean log, double[] y, int yo, double[] gy, int gyo, double[] gx,
      int gxo, int outer, int len, int inner) {
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

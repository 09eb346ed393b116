package dev.optlab.tensor;

/**
 * {@link Reduce}'s sums and softmaxes in float32: float operands and results, each sum carried
 * in a double and rounded once at the end. A running float sum over n terms errs by up to n
 * ulps; PyTorch's float32 sums are cascaded (pairwise in blocks) and err by about log n, which a
 * double accumulator matches or betters, so the two agree to an ulp or so of the result.
 */
final class Reduce32 {
  private Reduce32() {}

  /**
   * Sums (or means) along the axis; split among threads by {@code outer} when large (each
   * result element's sum within one part, in order).
   */
  static void sum(boolean mean, float[] x, int xo, float[] y, int yo, int outer, int len,
      int inner) {
    if (!Threads.parallelRows(outer, (long) outer * len * inner)) {
      sumRows(mean, x, xo, y, yo, outer, len, inner);
      return;
    }
    Threads.split(outer, 1, (f, t) ->
        sumRows(mean, x, xo + f * len * inner, y, yo + f * inner, t - f, len, inner));
  }

  private static void sumRows(boolean mean, float[] x, int xo, float[] y, int yo, int outer,
      int len, int inner) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        double s = 0;
        int base = xo + o * len * inner + i;
        for (int l = 0; l < len; l++) {
          s += x[base + l * inner];
        }
        y[yo + o * inner + i] = mean ? (float) s / len : (float) s;
      }
    }
  }

  /** Spreads the gradient of a sum (or mean) back; split by its elements when large. */
  static void sumBackward(boolean mean, float[] gy, int gyo, float[] gx, int gxo, int outer,
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
  private static void sumBackwardRows(boolean mean, float[] gy, int gyo, float[] gx, int gxo,
      int outer, int len, int inner, int divisor) {
    for (int o = 0; o < outer; o++) {
      for (int l = 0; l < len; l++) {
        int xi = gxo + (o * len + l) * inner;
        for (int i = 0; i < inner; i++) {
          float g = gy[gyo + o * inner + i];
          gx[xi + i] += mean ? g / divisor : g;
        }
      }
    }
  }

  /** Softmax (or log-softmax) along the axis, split among threads by {@code outer} when large. */
  static void softmax(boolean log, float[] x, int xo, float[] y, int yo, int outer, int len,
      int inner) {
    int block = len * inner;
    if (!Threads.parallelRows(outer, (long) outer * block * Threads.COSTLY)) {
      softmaxRows(log, x, xo, y, yo, outer, len, inner);
      return;
    }
    Threads.split(outer, 1, (f, t) ->
        softmaxRows(log, x, xo + f * block, y, yo + f * block, t - f, len, inner));
  }

  private static void softmaxRows(boolean log, float[] x, int xo, float[] y, int yo, int outer,
      int len, int inner) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        float max = Float.NEGATIVE_INFINITY;
        for (int l = 0; l < len; l++) {
          float v = x[xo + base + l * inner];
          max = v > max || v != v ? v : max;
        }
        double sum = 0;
        for (int l = 0; l < len; l++) {
          sum += (float) Math.exp(x[xo + base + l * inner] - max);
        }
        if (log) {
          float logSum = (float) Math.log((float) sum);
          for (int l = 0; l < len; l++) {
            y[yo + base + l * inner] = x[xo + base + l * inner] - max - logSum;
          }
        } else {
          float total = (float) sum;
          for (int l = 0; l < len; l++) {
            y[yo + base + l * inner] = (float) Math.exp(x[xo + base + l * inner] - max) / total;
          }
        }
      }
    }
  }

  /** The softmax's backward, split by {@code outer} when large (each sum within one row). */
  static void softmaxBackward(boolean log, float[] y, int yo, float[] gy, int gyo, float[] gx,
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

  private static void softmaxBackwardRows(boolean log, float[] y, int yo, float[] gy, int gyo,
      float[] gx, int gxo, int outer, int len, int inner) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        double sum = 0;
        for (int l = 0; l < len; l++) {
          int at = base + l * inner;
          sum += log ? gy[gyo + at] : gy[gyo + at] * y[yo + at];
        }
        float s = (float) sum;
        for (int l = 0; l < len; l++) {
          int at = base + l * inner;
          gx[gxo + at] += log ? gy[gyo + at] - (float) Math.exp(y[yo + at]) * s
              : y[yo + at] * (gy[gyo + at] - s);
        }
      }
    }
  }
}

package dev.optlab.tensor;

/**
 * {@link Reduce}'s sums and softmaxes in float32: float operands and results, each sum carried
 * in a double and rounded once at the end. A running float sum over n terms errs by up to n
 * ulps; PyTorch's float32 sums are cascaded (pairwise in blocks) and err by about log n, which a
 * double accumulator matches or betters, so the two agree to an ulp or so of the result.
 */
final class Reduce32 {
  private Reduce32() {}

  static void sum(boolean mean, float[] x, int xo, float[] y, int yo, int outer, int len,
      int inner) {
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

  static void sumBackward(boolean mean, float[] gy, int gyo, float[] gx, int gxo, int outer,
      int len, int inner) {
    for (int o = 0; o < outer; o++) {
      for (int l = 0; l < len; l++) {
        int xi = gxo + (o * len + l) * inner;
        for (int i = 0; i < inner; i++) {
          float g = gy[gyo + o * inner + i];
          gx[xi + i] += mean ? g / len : g;
        }
      }
    }
  }

  static void softmax(boolean log, float[] x, int xo, float[] y, int yo, int outer, int len,
      int inner) {
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

  static void softmaxBackward(boolean log, float[] y, int yo, float[] gy, int gyo, float[] gx,
      int gxo, int outer, int len, int inner) {
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

package dev.optlab.tensor;

/**
 * {@link Losses} in float32: float operands, gradients and per-element terms, each mean over
 * the elements carried in a double and rounded once (as {@link Reduce32} sums: PyTorch's float32
 * {@code nll_loss} and {@code mse_loss} sum in cascades, about as accurate).
 */
final class Losses32 {
  private Losses32() {}

  /** Fills {@code lsm} with the log-softmax of each row and returns the mean loss. */
  static float crossEntropy(float[] x, int xo, float[] labels, int lo, float[] lsm, int n,
      int classes) {
    Reduce32.softmax(true, x, xo, lsm, 0, n, classes, 1);
    double s = 0;
    for (int i = 0; i < n; i++) {
      s -= lsm[i * classes + (int) labels[lo + i]];
    }
    return (float) s / n;
  }

  /** Through the log-softmax: {@code gx = gl - exp(lsm) * gl} at the label, {@code -exp(lsm) * gl} elsewhere. */
  static void crossEntropyBackward(float g, float[] labels, int lo, float[] lsm, float[] gx,
      int gxo, int n, int classes) {
    if (!Threads.parallelRows(n, (long) n * classes * Threads.COSTLY)) {
      crossEntropyBackwardRows(g, labels, lo, lsm, 0, gx, gxo, n, n, classes);
      return;
    }
    Threads.split(n, 1, (f, t) -> crossEntropyBackwardRows(g, labels, lo + f, lsm, f * classes,
        gx, gxo + f * classes, t - f, n, classes));
  }

  /** Rows {@code [0, rows)} of the gradient, {@code n} the rows of the whole mean. */
  private static void crossEntropyBackwardRows(float g, float[] labels, int lo, float[] lsm,
      int lso, float[] gx, int gxo, int rows, int n, int classes) {
    float gl = -g / n;
    for (int i = 0; i < rows; i++) {
      int label = (int) labels[lo + i];
      int row = i * classes;
      for (int c = 0; c < classes; c++) {
        gx[gxo + row + c] += (c == label ? gl : 0f) - (float) Math.exp(lsm[lso + row + c]) * gl;
      }
    }
  }

  static float mse(float[] a, int ao, float[] b, int bo, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      float d = a[ao + i] - b[bo + i];
      s += d * d;
    }
    return (float) s / n;
  }

  static void mseBackward(float g, float[] a, int ao, float[] b, int bo, float[] ga, int gao,
      float[] gb, int gbo, int n) {
    if (!Threads.parallelElements(n)) {
      mseBackwardRange(g, a, ao, b, bo, ga, gao, gb, gbo, n, n);
      return;
    }
    Threads.split(n, Threads.ALIGN, (f, t) -> mseBackwardRange(g, a, ao + f, b, bo + f, ga,
        gao + f, gb, gbo + f, t - f, n));
  }

  /** The first {@code len} elements of the gradient of a mean over {@code n}. */
  private static void mseBackwardRange(float g, float[] a, int ao, float[] b, int bo, float[] ga,
      int gao, float[] gb, int gbo, int len, int n) {
    float norm = 2f / n;
    for (int i = 0; i < len; i++) {
      float d = norm * (a[ao + i] - b[bo + i]) * g;
      if (ga != null) {
        ga[gao + i] += d;
      }
      if (gb != null) {
        gb[gbo + i] -= d;
      }
    }
  }

  static float bceWithLogits(float[] x, int xo, float[] t, int to, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      float v = x[xo + i];
      float m = Math.max(-v, 0f);
      s += (1 - t[to + i]) * v + m + (float) Math.log((float) Math.exp(-m)
          + (float) Math.exp(-v - m));
    }
    return (float) s / n;
  }

  static void bceWithLogitsBackward(float g, float[] x, int xo, float[] t, int to, float[] gx,
      int gxo, float[] gt, int gto, int n) {
    if (!Threads.parallelElements((long) n * Threads.COSTLY)) {
      bceWithLogitsBackwardRange(g, x, xo, t, to, gx, gxo, gt, gto, n, n);
      return;
    }
    Threads.split(n, Threads.ALIGN, (f, e) -> bceWithLogitsBackwardRange(g, x, xo + f, t, to + f,
        gx, gxo + f, gt, gto + f, e - f, n));
  }

  /** The first {@code len} elements of the gradient of a mean over {@code n}. */
  private static void bceWithLogitsBackwardRange(float g, float[] x, int xo, float[] t, int to,
      float[] gx, int gxo, float[] gt, int gto, int len, int n) {
    for (int i = 0; i < len; i++) {
      float v = x[xo + i];
      if (gx != null) {
        gx[gxo + i] += (1f / (1f + (float) Math.exp(-v)) - t[to + i]) * g / n;
      }
      if (gt != null) {
        gt[gto + i] += -v * g / n;
      }
    }
  }
}

package dev.optlab.tensor;

/**
 * The losses, each a mean over its elements (PyTorch's default {@code reduction='mean'}):
 * {@code cross_entropy} as {@code nll_loss(log_softmax(logits), labels)}, {@code mse} as {@code
 * mse_loss}, {@code bce_with_logits} as {@code binary_cross_entropy_with_logits} in its stable
 * form {@code (1 - t) * x + m + log(exp(-m) + exp(-x - m))}, {@code m = max(-x, 0)}. Backward
 * formulas follow PyTorch's kernels term by term.
 */
final class Losses {
  private Losses() {}

  /** Fills {@code lsm} with the log-softmax of each row and returns the mean loss. */
  static double crossEntropy(double[] x, int xo, double[] labels, int lo, double[] lsm, int n,
      int classes) {
    Reduce.softmax(true, x, xo, lsm, 0, n, classes, 1);
    double s = 0;
    for (int i = 0; i < n; i++) {
      s -= lsm[i * classes + (int) labels[lo + i]];
    }
    return s / n;
  }

  /** Through the log-softmax: {@code gx = gl - exp(lsm) * sum(gl)}, {@code gl} one-hot. */
  static void crossEntropyBackward(double g, double[] labels, int lo, double[] lsm, double[] gx,
      int gxo, int n, int classes) {
    if (!Threads.parallelRows(n, (long) n * classes * Threads.COSTLY)) {
      crossEntropyBackwardRows(g, labels, lo, lsm, 0, gx, gxo, n, n, classes);
      return;
    }
    Threads.split(n, 1, (f, t) -> crossEntropyBackwardRows(g, labels, lo + f, lsm, f * classes,
        gx, gxo + f * classes, t - f, n, classes));
  }

  /** Rows {@code [0, rows)} of the gradient, {@code n} the rows of the whole mean. */
  private static void crossEntropyBackwardRows(double g, double[] labels, int lo, double[] lsm,
      int lso, double[] gx, int gxo, int rows, int n, int classes) {
    double gl = -g / n;
    for (int i = 0; i < rows; i++) {
      int label = (int) labels[lo + i];
      int row = i * classes;
      for (int c = 0; c < classes; c++) {
        gx[gxo + row + c] += (c == label ? gl : 0) - Math.exp(lsm[lso + row + c]) * gl;
      }
    }
  }

  static double mse(double[] a, int ao, double[] b, int bo, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double d = a[ao + i] - b[bo + i];
      s += d * d;
    }
    return s / n;
  }

  static void mseBackward(double g, double[] a, int ao, double[] b, int bo, double[] ga, int gao,
      double[] gb, int gbo, int n) {
    if (!Threads.parallelElements(n)) {
      mseBackwardRange(g, a, ao, b, bo, ga, gao, gb, gbo, n, n);
      return;
    }
    Threads.split(n, Threads.ALIGN, (f, t) -> mseBackwardRange(g, a, ao + f, b, bo + f, ga,
        gao + f, gb, gbo + f, t - f, n));
  }

  /** The first {@code len} elements of the gradient of a mean over {@code n}. */
  private static void mseBackwardRange(double g, double[] a, int ao, double[] b, int bo,
      double[] ga, int gao, double[] gb, int gbo, int len, int n) {
    double norm = 2.0 / n;
    for (int i = 0; i < len; i++) {
      double d = norm * (a[ao + i] - b[bo + i]) * g;
      if (ga != null) {
        ga[gao + i] += d;
      }
      if (gb != null) {
        gb[gbo + i] -= d;
      }
    }
  }

  static double bceWithLogits(double[] x, int xo, double[] t, int to, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double v = x[xo + i];
      double m = Math.max(-v, 0);
      s += (1 - t[to + i]) * v + m + Math.log(Math.exp(-m) + Math.exp(-v - m));
    }
    return s / n;
  }

  static void bceWithLogitsBackward(double g, double[] x, int xo, double[] t, int to,
      double[] gx, int gxo, double[] gt, int gto, int n) {
    if (!Threads.parallelElements((long) n * Threads.COSTLY)) {
      bceWithLogitsBackwardRange(g, x, xo, t, to, gx, gxo, gt, gto, n, n);
      return;
    }
    Threads.split(n, Threads.ALIGN, (f, e) -> bceWithLogitsBackwardRange(g, x, xo + f, t, to + f,
        gx, gxo + f, gt, gto + f, e - f, n));
  }

  /** The first {@code len} elements of the gradient of a mean over {@code n}. */
  private static void bceWithLogitsBackwardRange(double g, double[] x, int xo, double[] t, int to,
      double[] gx, int gxo, double[] gt, int gto, int len, int n) {
    for (int i = 0; i < len; i++) {
      double v = x[xo + i];
      if (gx != null) {
        gx[gxo + i] += (1 / (1 + Math.exp(-v)) - t[to + i]) * g / n;
      }
      if (gt != null) {
        gt[gto + i] += -v * g / n;
      }
    }
  }
}

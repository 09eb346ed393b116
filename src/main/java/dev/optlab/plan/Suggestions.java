package dev.optlab.plan;

import dev.optlab.plan.LrFinder.Rule;
import dev.optlab.plan.LrFinder.Suggestion;

/**
 * fast.ai's four suggestion rules ({@code valley}, {@code slide}, {@code minimum}, {@code steep}
 * in {@code fastai/callback/schedule.py}), over the points of a range test's window: lrs {@code
 * x} and smoothed losses {@code y}. Python's quirks are kept where they decide the answer: a
 * negative index counts from the end, {@code argmin} takes the first of equal values.
 */
final class Suggestions {
  private Suggestions() {}

  /** The suggestion of {@code rule}, or null when there are too few points for it. */
  static Suggestion of(Rule rule, double[] x, double[] y) {
    int n = y.length;
    if (n == 0 || (rule == Rule.STEEP && n < 2) || (rule == Rule.SLIDE && n < 16)) {
      return null;
    }
    return switch (rule) {
      case VALLEY -> valley(x, y);
      case SLIDE -> slide(x, y);
      case MINIMUM -> minimum(x, y);
      case STEEP -> steep(x, y);
    };
  }

  /** The longest decreasing subsequence's span; the point two thirds... as fast.ai indexes it. */
  static Suggestion valley(double[] x, double[] y) {
    int n = y.length;
    int maxStart = 0;
    int maxEnd = 0;
    int[] lds = new int[n];
    java.util.Arrays.fill(lds, 1);
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (y[i] < y[j] && lds[i] < lds[j] + 1) {
          lds[i] = lds[j] + 1;
        }
        if (lds[maxEnd] < lds[i]) {
          maxEnd = i;
          maxStart = maxEnd - lds[maxEnd];
        }
      }
    }
    double sections = (maxEnd - maxStart) / 3.0;
    int idx = python(maxStart + (int) sections + (int) (sections / 2), n);
    return new Suggestion(Rule.VALLEY, x[idx], x[idx], y[idx]);
  }

  /** The interval slide rule: from the end, leftwards until the gradient levels out. */
  static Suggestion slide(double[] x, double[] y) {
    int n = y.length;
    double[] grad = gradient(y);
    int lrDiff = 15;
    double thresh = 0.005;
    int r = -1;
    int l = r - lrDiff;
    double localMin = x[python(l, n)];
    while (l >= -n && Math.abs(grad[python(r, n)] - grad[python(l, n)]) > thresh) {
      localMin = x[python(l, n)];
      r--;
      l--;
    }
    double suggestion = localMin * 1.0;
    return new Suggestion(Rule.SLIDE, suggestion, suggestion, interp(Math.log10(suggestion), x,
        y));
  }

  /** A tenth of the lr of the lowest loss. */
  static Suggestion minimum(double[] x, double[] y) {
    int at = argmin(y);
    double lrMin = x[at];
    return new Suggestion(Rule.MINIMUM, lrMin / 10, lrMin, y[closest(x, lrMin)]);
  }

  /** Where the loss falls fastest against log lr. */
  static Suggestion steep(double[] x, double[] y) {
    double[] grads = new double[y.length - 1];
    for (int i = 0; i < grads.length; i++) {
      grads[i] = (y[i + 1] - y[i]) / (Math.log(x[i + 1]) - Math.log(x[i]));
    }
    double lr = x[argmin(grads)];
    return new Suggestion(Rule.STEEP, lr, lr, y[closest(x, lr)]);
  }

  /** Python's index: negative counts from the end. */
  private static int python(int i, int n) {
    return i < 0 ? i + n : i;
  }

  /** The first index of the smallest value (torch's argmin; NaN never smallest here). */
  private static int argmin(double[] v) {
    int at = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] < v[at]) {
        at = i;
      }
    }
    return at;
  }

  /** The index of the lr nearest {@code lr}, the first of ties (Python's {@code min} by key). */
  private static int closest(double[] x, double lr) {
    int at = 0;
    for (int i = 1; i < x.length; i++) {
      if (Math.abs(x[i] - lr) < Math.abs(x[at] - lr)) {
        at = i;
      }
    }
    return at;
  }

  /** {@code numpy.gradient}: central differences inside, one-sided at the two ends. */
  static double[] gradient(double[] y) {
    int n = y.length;
    double[] g = new double[n];
    g[0] = y[1] - y[0];
    g[n - 1] = y[n - 1] - y[n - 2];
    for (int i = 1; i < n - 1; i++) {
      g[i] = (y[i + 1] - y[i - 1]) / 2;
    }
    return g;
  }

  /** {@code numpy.interp(v, log10(x), y)}: linear between the two points around, clamped. */
  static double interp(double v, double[] x, double[] y) {
    int n = x.length;
    double[] lx = new double[n];
    for (int i = 0; i < n; i++) {
      lx[i] = Math.log10(x[i]);
    }
    if (v <= lx[0]) {
      return y[0];
    }
    if (v >= lx[n - 1]) {
      return y[n - 1];
    }
    int j = 0;
    while (lx[j + 1] < v) {
      j++;
    }
    if (v == lx[j + 1]) {
      return y[j + 1];
    }
    double slope = (y[j + 1] - y[j]) / (lx[j + 1] - lx[j]);
    return slope * (v - lx[j]) + y[j];
  }
}

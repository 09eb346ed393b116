package dev.optlab.check;

/**
 * The numbers of a sweep's axes: {@code linspace} and {@code logspace} as NumPy's {@code linspace}
 * and {@code geomspace} compute them, and the draws of random search.
 */
final class SweepValues {
  private SweepValues() {}

  /**
   * The {@code i}-th of {@code n} values from {@code from} to {@code to}, both included, evenly
   * spaced (on a log scale when {@code log}). The ends are exactly the bounds as written, so
   * {@code logspace(1e-4, 1e-1, 4)} gives 0.0001, 0.001, 0.01 and 0.1 as a user types them.
   */
  static double spaced(boolean log, double from, double to, int n, int i) {
    if (i == 0 || n == 1) {
      return from;
    }
    if (i == n - 1) {
      return to;
    }
    if (!log) {
      double step = (to - from) / (n - 1);
      return from + i * step;
    }
    double a = Math.log10(from);
    double b = Math.log10(to);
    double exponent = a + i * ((b - a) / (n - 1));
    double v = Math.pow(10, exponent);
    // a whole exponent names a power of ten: give its literal, not pow's last-bit rounding
    double rounded = Math.rint(exponent);
    return Math.abs(exponent - rounded) < 1e-12 ? Double.parseDouble("1e" + (long) rounded) : v;
  }

  /** A draw from uniform or loguniform on [low, high) given {@code u} uniform on [0, 1). */
  static double draw(boolean log, double low, double high, double u) {
    if (!log) {
      return low + u * (high - low);
    }
    return Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
  }
}

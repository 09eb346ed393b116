package dev.optlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis: its range in data units, linear or log, its ticks and their labels. Loose axes widen
 * to whole ticks (a loss axis from 1e-8 to 100, not 3.2e-9 to 41), tight ones keep the range as
 * given (a contour map's ranges).
 */
final class Axis {
  final double lo;
  final double hi;
  final boolean log;

  private Axis(double lo, double hi, boolean log) {
    this.lo = lo;
    this.hi = hi;
    this.log = log;
  }

  /** A tight linear axis over exactly {@code [lo, hi]}. */
  static Axis exact(double lo, double hi) {
    return new Axis(lo, hi, false);
  }

  /** An axis around data in {@code [min, max]}, widened to whole ticks. */
  static Axis loose(double min, double max, boolean log, int maxTicks) {
    if (!(min <= max)) { // also catches NaN: no finite data at all
      return log ? new Axis(1, 10, true) : new Axis(0, 1, false);
    }
    if (log && !(min > 0)) {
      throw new IllegalArgumentException("a log axis needs positive values, got " + min);
    }
    if (log) {
      double d0 = Math.floor(Math.log10(min));
      double d1 = Math.ceil(Math.log10(max));
      // Clamped to what a double holds: losses near overflow would make the axis end at infinity.
      return new Axis(Math.max(Double.MIN_VALUE, Math.pow(10, d0)),
          Math.min(Double.MAX_VALUE, Math.pow(10, d1 == d0 ? d0 + 1 : d1)), true);
    }
    if (max - min <= 1e-12 * Math.max(1, Math.abs(max))) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.5;
      min -= pad;
      max += pad;
    }
    double step = niceStep((max - min) / Math.max(1, maxTicks - 1));
    return new Axis(Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step,
        false);
  }

  /**
   * Where {@code v} falls: 0 at {@code lo}, 1 at {@code hi}; on a log axis a zero (a loss that
   * reached exactly 0) sits on the floor rather than at minus infinity.
   */
  double fraction(double v) {
    if (log && v <= 0) {
      return 0;
    }
    if (log) {
      return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    }
    return (v - lo) / (hi - lo);
  }

  /** At most {@code maxTicks} round values inside the range, lowest first. */
  double[] ticks(int maxTicks) {
    maxTicks = Math.max(2, maxTicks);
    List<Double> ticks = new ArrayList<>();
    if (log) {
      long d0 = Math.round(Math.ceil(Math.log10(lo) - 1e-9));
      long d1 = Math.round(Math.floor(Math.log10(hi) + 1e-9));
      // Every k-th decade; any k up to 10 (1e-9, 1e-6, 1e-3, 1 reads well), round ones beyond.
      long every = Math.max(1, (d1 - d0) / maxTicks);
      if (every > 10) {
        every = (long) niceStep(every);
      }
      while ((Math.floorDiv(d1, every) - Math.floorDiv(d0 + every - 1, every)) + 1 > maxTicks) {
        every = every < 10 ? every + 1 : (long) niceStep(every * 1.5);
      }
      for (long d = Math.floorDiv(d0 + every - 1, every) * every; d <= d1; d += every) {
        ticks.add(Math.pow(10, d));
      }
    } else {
      double step = step(maxTicks);
      long k0 = (long) Math.ceil(lo / step - 1e-9);
      long k1 = (long) Math.floor(hi / step + 1e-9);
      for (long k = k0; k <= k1; k++) {
        ticks.add(k * step);
      }
    }
    return ticks.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The round step giving at most {@code maxTicks} ticks, or one step finer when that leaves
   * fewer than two: an axis with one label says nothing about its scale.
   */
  private double step(int maxTicks) {
    double step = niceStep((hi - lo) / (maxTicks - 1));
    while (count(step) > maxTicks) {
      step = niceStep(step * 1.5);
    }
    if (count(step) < 2) {
      double finer = niceStep(step / 2.5);
      step = finer < step && count(finer) >= 2 ? finer : step;
    }
    return step;
  }

  private long count(double step) {
    return (long) (Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9) + 1);
  }

  /** The label of a tick from {@link #ticks(int)} called with the same count. */
  String label(double v, int maxTicks) {
    return log ? decade(v) : number(v, step(Math.max(2, maxTicks)));
  }

  /** 1, 2 or 5 times a power of ten, at least {@code x}. */
  static double niceStep(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      return 1;
    }
    double e = Math.pow(10, Math.floor(Math.log10(x)));
    double f = x / e;
    double nice = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
    return nice * e;
  }

  /** {@code 0.001}, {@code 1}, {@code 1000}, and {@code 1e-8}, {@code 1e12} beyond those. */
  static String decade(double v) {
    long d = Math.round(Math.log10(v));
    if (d >= 0 && d <= 4) {
      return Long.toString(Math.round(v));
    }
    if (d < 0 && d >= -3) {
      return "0." + "0".repeat((int) (-d - 1)) + "1";
    }
    return "1e" + d;
  }

  /** A tick value written with as many digits as the tick step needs. */
  static String number(double v, double step) {
    if (Math.abs(v) < step * 1e-6) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e6 || a < 1e-4) {
      int e = (int) Math.floor(Math.log10(a) + 1e-9);
      int digits = Math.max(0, Math.min(4, e - (int) Math.floor(Math.log10(step) + 1e-9)));
      String m = String.format(Locale.ROOT, "%." + digits + "f", v / Math.pow(10, e));
      if (m.contains(".")) {
        m = m.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      return m + "e" + e;
    }
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}

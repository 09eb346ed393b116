package dev.optlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Minimum, median and maximum of a sample, and of the ratios between two samples. */
record Stats(double min, double median, double max, int n) {
  static Stats of(List<Double> xs) {
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = a.length;
    double median = n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    return new Stats(a[0], median, a[n - 1], n);
  }

  /**
   * The ratio {@code a / b} over every pair of one sample of {@code a} and one of {@code b}: the
   * minimum and maximum bound what any two runs could show, the median is the typical ratio.
   */
  static Stats ratio(List<Double> a, List<Double> b) {
    List<Double> r = new ArrayList<>(a.size() * b.size());
    for (double x : a) {
      for (double y : b) {
        r.add(x / y);
      }
    }
    return of(r);
  }

  /** Each sample mapped by {@code f}. */
  static List<Double> map(List<Double> xs, java.util.function.DoubleUnaryOperator f) {
    return xs.stream().map(x -> f.applyAsDouble(x)).toList();
  }

  Stats times(double k) {
    return k >= 0 ? new Stats(min * k, median * k, max * k, n) : new Stats(max * k, median * k,
        min * k, n);
  }

  /** {@code 0.81 / 0.85 / 0.90} with {@code digits} significant digits. */
  String format(int digits) {
    return String.join(" / ", Arrays.asList(num(min, digits), num(median, digits),
        num(max, digits)));
  }

  /** A number with {@code digits} significant digits and an SI suffix past a thousand. */
  static String num(double v, int digits) {
    double a = Math.abs(v);
    String suffix = "";
    if (a >= 1e9) {
      v /= 1e9;
      suffix = " G";
    } else if (a >= 1e6) {
      v /= 1e6;
      suffix = " M";
    } else if (a >= 1e4) {
      v /= 1e3;
      suffix = " k";
    }
    a = Math.abs(v);
    int decimals = a == 0 ? digits - 1
        : Math.max(0, digits - 1 - (int) Math.floor(Math.log10(a)));
    return String.format(Locale.ROOT, "%." + decimals + "f", v) + suffix;
  }
}

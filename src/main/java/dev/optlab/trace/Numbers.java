package dev.optlab.trace;

/**
 * How optlab writes numbers: Python's {@code repr} for machines, 6 digits for people.
 *
 * <p>Both are on the path of every traced row (a trace file writes a million of them), so they
 * work on primitives and append to a caller's {@link StringBuilder}: no {@code BigDecimal}, no
 * {@code String.format}. {@code NumbersTest} checks them against those slow, obvious definitions.
 */
public final class Numbers {
  private Numbers() {}

  /**
   * The shortest text that parses back to the same double, in Python's {@code repr} style
   * ({@code 0.001}, {@code 1e-05}, {@code 13.0}, {@code 1.5e+16}, {@code nan}, {@code inf}), so a
   * trace reads the same as the PyTorch trace it is compared with.
   */
  public static String repr(double d) {
    double a = Math.abs(d);
    // Java's shortest form is already Python's in this range ("0.002", "13.0", "-1.5").
    if (a >= 1e-3 && a < 1e7) {
      return Double.toString(d);
    }
    return appendRepr(new StringBuilder(24), d).toString();
  }

  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?");

  /**
   * The double {@link #repr(double)} wrote: {@code nan}, {@code inf}, {@code -inf} or a decimal
   * number, read strictly (no {@code Infinity}, hex or type suffix) by the readers of the files
   * optlab writes (a sweep's rows, a checkpoint's metadata).
   *
   * @throws NumberFormatException for any other text
   */
  public static double parseRepr(String text) {
    return switch (text) {
      case "nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        if (!DECIMAL.matcher(text).matches()) {
          throw new NumberFormatException("not a number as repr writes one: " + text);
        }
        yield Double.parseDouble(text);
      }
    };
  }

  /** Appends {@link #repr(double)} of {@code d} to {@code sb}. */
  public static StringBuilder appendRepr(StringBuilder sb, double d) {
    double a = Math.abs(d);
    if (a >= 1e-3 && a < 1e7) {
      return sb.append(d);
    }
    if (Double.isNaN(d)) {
      return sb.append("nan");
    }
    if (Double.isInfinite(d)) {
      return sb.append(d > 0 ? "inf" : "-inf");
    }
    if (d == 0) {
      return sb.append(1 / d < 0 ? "-0.0" : "0.0");
    }
    // Java writes the same shortest digits here in its own notation, "1.2345E-5": rewrite it.
    int start = sb.length();
    sb.append(a);
    long digits = 0;
    int count = 0;
    int i = start;
    for (char c; (c = sb.charAt(i)) != 'E'; i++) {
      if (c != '.') {
        digits = digits * 10 + (c - '0');
        count++;
      }
    }
    int exponent = Integer.parseInt(sb, i + 1, sb.length(), 10);
    sb.setLength(start);
    if (d < 0) {
      sb.append('-');
    }
    // Java keeps one fractional digit ("1.0E-5"); Python's digits have no trailing zeros.
    while (count > 1 && digits % 10 == 0) {
      digits /= 10;
      count--;
    }
    if (exponent >= -4 && exponent < 16) {
      return appendPlain(sb, digits, count, exponent, true);
    }
    appendDigits(sb, digits, count, 1);
    sb.append('e').append(exponent < 0 ? '-' : '+');
    int e = Math.abs(exponent);
    return (e < 10 ? sb.append('0') : sb).append(e);
  }

  /**
   * Six significant digits for tables and summaries: {@code 0.05}, {@code 21.25}, {@code
   * 1.23457e-09}, {@code 1e+06}.
   */
  public static String short6(double d) {
    return appendShort6(new StringBuilder(16), d).toString();
  }

  /**
   * Appends {@link #short6(double)} of {@code d}. Between 1e-4 and 1e6 it is the exact binary value
   * rounded half up to six digits ({@code new BigDecimal(d).round(new MathContext(6))}), trailing
   * zeros dropped; outside, {@code String.format("%.5e", d)} with the mantissa's trailing zeros
   * dropped and an exponent of at least two digits, which rounds Java's shortest digits half up.
   */
  public static StringBuilder appendShort6(StringBuilder sb, double d) {
    if (Double.isNaN(d)) {
      return sb.append("nan");
    }
    if (Double.isInfinite(d)) {
      return sb.append(d > 0 ? "inf" : "-inf");
    }
    if (d == 0) {
      return sb.append('0');
    }
    double a = Math.abs(d);
    if (d < 0) {
      sb.append('-');
    }
    if (a >= 1e-4 && a < 1e6) {
      return appendPlain6(sb, a);
    }
    int start = sb.length();
    sb.append(a);
    long digits = 0;
    int count = 0;
    int i = start;
    int dot = -1;
    char c;
    for (; i < sb.length() && (c = sb.charAt(i)) != 'E'; i++) {
      if (c == '.') {
        dot = count;
      } else {
        digits = digits * 10 + (c - '0');
        count++;
      }
    }
    // "1.0E-5" or, for a number Java writes plainly (1e-3 <= a < 1e7), "1234567.0".
    int exponent = i < sb.length() ? Integer.parseInt(sb, i + 1, sb.length(), 10) : dot - 1;
    sb.setLength(start);
    while (count > 1 && digits % 10 == 0) {
      digits /= 10;
      count--;
    }
    if (count > 6) {
      long scale = POW10[count - 6];
      long q = digits / scale;
      if ((digits % scale) * 2 >= scale) {
        q++;
      }
      digits = q;
      count = 6;
      if (q == 1_000_000) {
        digits = 100_000;
        exponent++;
      }
      while (count > 1 && digits % 10 == 0) {
        digits /= 10;
        count--;
      }
    }
    appendDigits(sb, digits, count, 1);
    sb.append('e').append(exponent < 0 ? '-' : '+');
    int e = Math.abs(exponent);
    return (e < 10 ? sb.append('0') : sb).append(e);
  }

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  /**
   * {@code a} (1e-4 <= a < 1e6) rounded half up to six significant digits from its exact binary
   * value. With {@code s} decimal places more than the leading digit's, {@code a * 10^s} is a
   * double near [1e5, 1e6) whose rounding error {@code fma} recovers exactly, so both the decade
   * and the rounding direction are decided on the exact product.
   */
  private static StringBuilder appendPlain6(StringBuilder sb, double a) {
    // log10 may round across a power of ten; the loop corrects n on the exact product.
    int n = Math.max(-4, Math.min(5, (int) Math.floor(Math.log10(a))));
    for (;;) {
      int s = 5 - n;
      double p = POW10[s];
      double y = a * p;
      double err = Math.fma(a, p, -y); // a * p == y + err exactly
      if (y < 1e5 || (y == 1e5 && err < 0)) {
        n--;
        continue;
      }
      if (y > 1e6 || (y == 1e6 && err >= 0)) {
        n++;
        continue;
      }
      double floor = Math.floor(y);
      double frac = y - floor; // exact: y and floor share a binade's ulp grid
      long q = (long) floor;
      if (frac > 0.5 || (frac == 0.5 && err >= 0)) {
        q++;
      }
      int count = 6;
      if (q == 1_000_000) {
        q = 100_000;
        n++;
      }
      while (count > 1 && q % 10 == 0) {
        q /= 10;
        count--;
      }
      return appendPlain(sb, q, count, n, false);
    }
  }

  /**
   * The {@code count} digits of {@code digits}, the first one worth {@code 10^exponent}, in plain
   * notation: {@code 0.00012}, {@code 120}, {@code 1.5}; {@code pointZero} adds ".0" to a whole
   * number ({@code 120.0}, as Python's repr has it).
   */
  private static StringBuilder appendPlain(StringBuilder sb, long digits, int count, int exponent,
      boolean pointZero) {
    if (exponent < 0) {
      sb.append("0.");
      for (int i = -1; i > exponent; i--) {
        sb.append('0');
      }
      return appendDigits(sb, digits, count, 0);
    }
    if (count <= exponent + 1) {
      sb.append(digits);
      for (int i = count; i <= exponent; i++) {
        sb.append('0');
      }
      return pointZero ? sb.append(".0") : sb;
    }
    return appendDigits(sb, digits, count, exponent + 1);
  }

  /** The {@code count} digits of {@code digits}, with a point after the first {@code intDigits}. */
  private static StringBuilder appendDigits(StringBuilder sb, long digits, int count,
      int intDigits) {
    for (int i = count - 1; i >= 0; i--) {
      if (i == count - 1 - intDigits && intDigits > 0 && intDigits < count) {
        sb.append('.');
      }
      sb.append((char) ('0' + digits / POW10[i] % 10));
    }
    return sb;
  }
}

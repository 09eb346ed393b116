package dev.optlab.trace;

import java.math.BigDecimal;

/** How optlab writes numbers: Python's {@code repr} for machines, 6 digits for people. */
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
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = bd.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - bd.scale();
    String sign = d < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = bd.abs().toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    int e = Math.abs(exponent);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
  }

  /**
   * Six significant digits for tables and summaries: {@code 0.05}, {@code 21.25}, {@code
   * 1.23457e-09}, {@code 1e+06}.
   */
  public static String short6(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return "0";
    }
    double a = Math.abs(d);
    String s;
    if (a >= 1e-4 && a < 1e6) {
      s = new BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    } else {
      s = String.format("%.5e", d);
      int e = s.indexOf('e');
      String mantissa = s.substring(0, e);
      if (mantissa.contains(".")) {
        mantissa = mantissa.replaceAll("0+$", "");
        if (mantissa.endsWith(".")) {
          mantissa = mantissa.substring(0, mantissa.length() - 1);
        }
      }
      String exp = s.substring(e + 1);
      int n = Integer.parseInt(exp);
      s = mantissa + "e" + (n < 0 ? "-" : "+") + (Math.abs(n) < 10 ? "0" : "") + Math.abs(n);
    }
    return s;
  }
}

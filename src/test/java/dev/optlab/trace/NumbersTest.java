package dev.optlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast {@link Numbers} against the slow, obvious definitions it replaced (kept below): the
 * same text for every double tried, so traces and tables read byte for byte as before.
 */
class NumbersTest {
  @Test
  void reprExamples() {
    assertEquals("0.001", Numbers.repr(1e-3));
    assertEquals("1e-05", Numbers.repr(1e-5));
    assertEquals("0.0001", Numbers.repr(1e-4));
    assertEquals("0.000123", Numbers.repr(1.23e-4));
    assertEquals("13.0", Numbers.repr(13));
    assertEquals("-1.5", Numbers.repr(-1.5));
    assertEquals("10000000.0", Numbers.repr(1e7));
    assertEquals("1234567890123456.0", Numbers.repr(1234567890123456.0));
    assertEquals("1e+16", Numbers.repr(1e16));
    assertEquals("1.5e+16", Numbers.repr(1.5e16));
    assertEquals("-2.5e-300", Numbers.repr(-2.5e-300));
    // Java's digits, as before: Python writes 5e-324 (only the smallest subnormals differ).
    assertEquals("4.9e-324", Numbers.repr(Double.MIN_VALUE));
    assertEquals("1.7976931348623157e+308", Numbers.repr(Double.MAX_VALUE));
    assertEquals("nan", Numbers.repr(Double.NaN));
    assertEquals("-inf", Numbers.repr(Double.NEGATIVE_INFINITY));
    assertEquals("-0.0", Numbers.repr(-0.0));
  }

  @Test
  void parseReprReadsBackEveryReprAndNothingElse() {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      double d = Double.longBitsToDouble(r.nextLong());
      assertEquals(Double.doubleToLongBits(d),
          Double.doubleToLongBits(Numbers.parseRepr(Numbers.repr(d))), Numbers.repr(d));
    }
    assertEquals(Double.POSITIVE_INFINITY, Numbers.parseRepr("inf"));
    for (String other : List.of("Infinity", "NaN", "1d", "0x1p3", " 1.0", "", "1e", "+1.0")) {
      org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class,
          () -> Numbers.parseRepr(other), other);
    }
  }

  @Test
  void short6Examples() {
    assertEquals("0.05", Numbers.short6(0.05));
    assertEquals("21.25", Numbers.short6(21.25));
    assertEquals("1.23457e-09", Numbers.short6(1.23456789e-9));
    assertEquals("1e+06", Numbers.short6(1e6));
    assertEquals("1000000", Numbers.short6(999999.7));
    assertEquals("100001", Numbers.short6(100000.5));
    assertEquals("1e-04", Numbers.short6(9.9999995e-5));
    assertEquals("-0.333333", Numbers.short6(-1.0 / 3));
    assertEquals("0", Numbers.short6(-0.0));
    assertEquals("inf", Numbers.short6(Double.POSITIVE_INFINITY));
  }

  @Test
  void sameTextAsTheDefinitions() {
    for (double d : samples()) {
      assertEquals(reprByBigDecimal(d), Numbers.repr(d), () -> "repr of " + d);
      assertEquals(short6ByFormat(d), Numbers.short6(d), () -> "short6 of " + d);
      if (!Double.isNaN(d)) {
        assertEquals(d, Double.parseDouble(Numbers.repr(d).replace("inf", "Infinity")));
      }
    }
  }

  @Test
  void appendsAfterWhatIsThere() {
    StringBuilder sb = new StringBuilder("x=");
    Numbers.appendRepr(sb, 1e-5).append(',');
    Numbers.appendShort6(sb, -1.23456789e-9);
    assertEquals("x=1e-05,-1.23457e-09", sb.toString());
  }

  private static List<Double> samples() {
    List<Double> xs = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(20261129);
    for (int i = 0; i < 100_000; i++) {
      xs.add(Double.longBitsToDouble(r.nextLong())); // every exponent
      xs.add((r.nextBoolean() ? 1 : -1) * Math.pow(10, r.nextDouble(-12, 20))); // all decades
      xs.add(Math.round(r.nextDouble(0, 2e6)) + 0.5); // exact ties at the sixth digit
      xs.add((double) r.nextLong(1, 100_000_000)); // whole numbers, ties at 1e6 and up
      xs.add(r.nextInt(1, 1_000_000) / Math.pow(10, r.nextInt(0, 12))); // short decimals
    }
    for (int e = -330; e <= 310; e++) {
      double p = Double.parseDouble("1e" + e);
      for (double d : new double[] {p, Math.nextUp(p), Math.nextDown(p), 9.999995 * p,
          9.9999949 * p, 9.99999 * p, 5 * p, 1.0000005 * p}) {
        xs.add(d);
        xs.add(-d);
      }
    }
    xs.add(Double.MIN_VALUE);
    xs.add(Double.MIN_NORMAL);
    xs.add(Double.MAX_VALUE);
    xs.add(0.0);
    xs.add(-0.0);
    xs.add(Double.NaN);
    xs.add(Double.POSITIVE_INFINITY);
    xs.add(Double.NEGATIVE_INFINITY);
    return xs;
  }

  /** The definition {@link Numbers#repr} had before it was made fast. */
  static String reprByBigDecimal(double d) {
    double a = Math.abs(d);
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

  /** The definition {@link Numbers#short6} had before it was made fast. */
  static String short6ByFormat(double d) {
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
      s = new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    } else {
      s = String.format(Locale.ROOT, "%.5e", d);
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

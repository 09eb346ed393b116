package dev.optlab.hyper;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated hyperparameters of one optimizer or schedule, every parameter present (defaults
 * filled in), read through typed getters. Values: {@link Double} for numbers and whole numbers,
 * {@link Boolean}, {@code double[]} for pairs and lists, {@link String} for choices, and for a
 * schedule whatever object the language layer stores there.
 */
public final class HyperValues {
  private final Map<String, Object> values;

  public HyperValues(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Every parameter's default; fails if one is required. Handy in tests. */
  public static HyperValues defaults(List<HyperParam> params) {
    return withDefaults(params, Map.of());
  }

  /** {@code given} plus the defaults of every parameter not given. */
  public static HyperValues withDefaults(List<HyperParam> params, Map<String, Object> given) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (HyperParam p : params) {
      Object v = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
      if (v == null && p.kind() != Kind.SCHEDULE) {
        throw new IllegalArgumentException("missing required hyperparameter " + p.name());
      }
      all.put(p.name(), v);
    }
    return new HyperValues(all);
  }

  public boolean has(String name) {
    return values.get(name) != null;
  }

  public double number(String name) {
    return (Double) get(name);
  }

  public int integer(String name) {
    return (int) (double) (Double) get(name);
  }

  public boolean bool(String name) {
    return (Boolean) get(name);
  }

  public double[] pair(String name) {
    return ((double[]) get(name)).clone();
  }

  public double[] list(String name) {
    return ((double[]) get(name)).clone();
  }

  public String choice(String name) {
    return (String) get(name);
  }

  /** The raw value (a schedule object for {@code schedule}), or {@code null} when absent. */
  public Object raw(String name) {
    return values.get(name);
  }

  // The same getters by descriptor, so that a kind's code reads a value through the constant
  // that declares it and never spells the name again.

  public double number(HyperParam p) {
    return number(p.name());
  }

  public int integer(HyperParam p) {
    return integer(p.name());
  }

  public boolean bool(HyperParam p) {
    return bool(p.name());
  }

  public double[] pair(HyperParam p) {
    return pair(p.name());
  }

  public double[] list(HyperParam p) {
    return list(p.name());
  }

  public String choice(HyperParam p) {
    return choice(p.name());
  }

  public Object raw(HyperParam p) {
    return raw(p.name());
  }

  public Map<String, Object> asMap() {
    return values;
  }

  private Object get(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no hyperparameter " + name);
    }
    return v;
  }

  /** Writes a value the way the language would: {@code 0.001}, {@code (0.9, 0.999)}, {@code "cos"}. */
  public static String format(Object v) {
    if (v instanceof Double d) {
      return formatNumber(d);
    }
    if (v instanceof double[] a) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < a.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(formatNumber(a[i]));
      }
      return a.length == 2 ? "(" + sb + ")" : "[" + sb + "]";
    }
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    return String.valueOf(v);
  }

  /**
   * A number as Python prints it ({@code 1e-08}, {@code 0.001}, {@code 100}), so that echoed
   * hyperparameters read like PyTorch's.
   */
  public static String formatNumber(double d) {
    if (Double.isInfinite(d) || Double.isNaN(d)) {
      return Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf"; // as tables print them, and Python
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return Long.toString((long) d);
    }
    String s = Double.toString(d);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    String mantissa = s.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    int exp = Integer.parseInt(s.substring(e + 1));
    if (exp >= -4 && exp < 16) {
      return new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
    }
    return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    values.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=')
        .append(v instanceof double[] a ? Arrays.toString(a) : format(v)));
    return sb.toString();
  }
}

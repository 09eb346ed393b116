package dev.optlab.schedule;

import dev.optlab.hyper.HyperValues;
import java.util.List;

/** Shared text for the specs' {@code toString()}. */
final class Specs {
  private Specs() {}

  /** {@code name(k1=v1, k2=v2)} from alternating keys and values. */
  static String call(String name, Object... keysAndValues) {
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < keysAndValues.length; i += 2) {
      sb.append(i == 0 ? "" : ", ").append(keysAndValues[i]).append('=');
      sb.append(text(keysAndValues[i + 1]));
    }
    return sb.append(')').toString();
  }

  private static String text(Object v) {
    if (v instanceof Double d) {
      return HyperValues.formatNumber(d);
    }
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (Object o : list) {
        sb.append(sb.length() == 1 ? "" : ", ").append(o);
      }
      return sb.append(']').toString();
    }
    return String.valueOf(v);
  }
}

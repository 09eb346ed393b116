package dev.optlab.schedule;

import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.List;

/** Shared text for the specs' {@code toString()} and cross-checks, names from the descriptors. */
final class Specs {
  private Specs() {}

  /**
   * {@code cosine(T_max=100, eta_min=0)} from the kind and alternating descriptors and values: the
   * names come from the descriptors, so the printed form reads back through the registry.
   */
  static String call(ScheduleKind kind, Object... paramsAndValues) {
    StringBuilder sb = new StringBuilder(kind.name()).append('(');
    for (int i = 0; i < paramsAndValues.length; i += 2) {
      sb.append(i == 0 ? "" : ", ").append(((HyperParam) paramsAndValues[i]).name()).append('=');
      sb.append(text(paramsAndValues[i + 1]));
    }
    return sb.append(')').toString();
  }

  /**
   * "max_lr must be >= base_lr, got max_lr = 0.001 and base_lr = 0.01" when {@code upper} is
   * below {@code lower}, else {@code null}.
   */
  static String atLeast(HyperValues v, HyperParam upper, HyperParam lower) {
    double hi = v.number(upper);
    double lo = v.number(lower);
    if (!(hi < lo)) {
      return null;
    }
    return upper.name() + " must be >= " + lower.name() + ", got " + upper.name() + " = "
        + HyperValues.formatNumber(hi) + " and " + lower.name() + " = "
        + HyperValues.formatNumber(lo);
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

package dev.optlab.plan;

import dev.optlab.trace.Numbers;
import java.util.List;

/** Points written the way the language reads them: {@code (x = 1, y = 2)}. */
public final class Points {
  private Points() {}

  public static String format(List<String> names, double[] values) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < names.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ")
          .append(Numbers.short6(values[i]));
    }
    return sb.append(')').toString();
  }

  /** Full precision, for {@code print grad(...)}: parsing it back gives the same doubles. */
  public static String formatExact(List<String> names, double[] values) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < names.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ")
          .append(Numbers.repr(values[i]));
    }
    return sb.append(')').toString();
  }
}

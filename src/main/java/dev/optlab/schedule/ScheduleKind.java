package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import dev.optlab.hyper.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One entry of the schedule table ({@link Schedules}): the language's name, PyTorch's
 * hyperparameters, help text, and how to build the spec.
 *
 * @param name the language's name, lower case: {@code cosine}
 * @param params the hyperparameters in PyTorch's order; required ones have a {@code null} default
 * @param doc one paragraph: what it does, the exact formula, the PyTorch class it mirrors
 * @param example a call as a user would write it: {@code cosine(T_max = 1000, eta_min = 1e-5)}
 * @param crossCheck errors that involve more than one parameter (each parameter's own range is in
 *     its {@link HyperParam#check()}), given values that passed those: a whole message such as
 *     "max_lr must be >= base_lr, got max_lr = 0.001 and base_lr = 0.01", or {@code null}
 * @param factory builds the spec from values that passed every check
 */
public record ScheduleKind(
    String name,
    List<HyperParam> params,
    String doc,
    String example,
    Function<HyperValues, String> crossCheck,
    Function<HyperValues, ScheduleSpec> factory) {

  public ScheduleKind {
    Objects.requireNonNull(name);
    params = List.copyOf(params);
    Objects.requireNonNull(doc);
    Objects.requireNonNull(example);
    Objects.requireNonNull(crossCheck);
    Objects.requireNonNull(factory);
  }

  /**
   * Validates {@code given} (names, required ones, each range, then {@link #crossCheck}) and builds
   * the spec: the whole pipeline for callers without source positions (Java code, tests). The
   * language's checker does the same steps itself so that it can point at the offending argument.
   *
   * @throws IllegalArgumentException with a message like "cosine: T_max must be > 0, got 0"
   */
  public ScheduleSpec create(Map<String, Object> given) {
    Set<String> known = new HashSet<>();
    for (HyperParam p : params) {
      known.add(p.name());
    }
    for (String k : given.keySet()) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException(name + ": unknown hyperparameter " + k);
      }
    }
    HyperValues values;
    try {
      values = HyperValues.withDefaults(params, given);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
    for (HyperParam p : params) {
      String problem = rangeProblem(p, values.raw(p.name()));
      if (problem != null) {
        throw new IllegalArgumentException(name + ": " + problem);
      }
    }
    String cross = crossCheck.apply(values);
    if (cross != null) {
      throw new IllegalArgumentException(name + ": " + cross);
    }
    return factory.apply(values);
  }

  /** The range error of one value ("T_max must be > 0, got 0"), or {@code null}. */
  static String rangeProblem(HyperParam p, Object value) {
    Class<?> type = switch (p.kind()) {
      case NUMBER, INTEGER -> Double.class;
      case BOOLEAN -> Boolean.class;
      case CHOICE -> String.class;
      case PAIR, INT_LIST -> double[].class;
      case SCHEDULE -> Object.class;
    };
    if (!type.isInstance(value)) {
      return p.name() + " must be " + p.kind().description() + ", got "
          + HyperValues.format(value);
    }
    if (value instanceof Double d) {
      if (d.isNaN() && p.kind() == Kind.INTEGER) {
        return null; // an optional whole number left out
      }
      if ((p.kind() == Kind.INTEGER) && d != Math.rint(d)) {
        return p.name() + " must be " + p.kind().description() + ", got " + HyperValues.format(d);
      }
      return problem(p, p.check(), d, HyperValues.format(d));
    }
    if (value instanceof double[] a) {
      for (double d : a) {
        String shown = p.kind() == Kind.INT_LIST ? listText(a) : HyperValues.format(a);
        if (p.kind() == Kind.INT_LIST && d != Math.rint(d)) {
          return p.name() + " must be " + p.kind().description() + ", got " + shown;
        }
        String s = problem(p, p.check(), d, shown);
        if (s != null) {
          return s;
        }
      }
    }
    if (value instanceof String s && p.kind() == Kind.CHOICE && !p.choices().contains(s)) {
      return p.name() + " must be one of " + p.choices() + ", got \"" + s + "\"";
    }
    return null;
  }

  private static String listText(double[] a) {
    StringBuilder sb = new StringBuilder("[");
    for (double d : a) {
      sb.append(sb.length() == 1 ? "" : ", ").append(HyperValues.formatNumber(d));
    }
    return sb.append(']').toString();
  }

  private static String problem(HyperParam p, Check check, double v, String shown) {
    String s = check.check(v);
    return s == null ? null : p.name() + " " + s + ", got " + shown;
  }
}

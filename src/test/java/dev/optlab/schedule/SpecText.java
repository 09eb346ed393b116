package dev.optlab.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schedule text of the golden cases, which is also what the specs' {@code toString()}
 * writes: {@code name(k=v, ...)} built through the registry, {@code A for N then B} chains, and
 * {@code lambda:NAME} for the expressions below (the same as gen_golden.py's LAMBDAS).
 */
final class SpecText {
  private SpecText() {}

  static final Map<String, DoubleBinaryOperator> LAMBDAS =
      Map.of(
          "halving", (t, lr0) -> lr0 * Math.pow(0.5, Math.floor(t / 100)),
          "warm", (t, lr0) -> lr0 * Math.min(1.0, (t + 1) / 10),
          "invsqrt", (t, lr0) -> lr0 / Math.sqrt(1 + t),
          "cos", (t, lr0) -> 0.5 * lr0 * (1 + Math.cos(Math.PI * t / 200)));

  private static final Pattern CALL = Pattern.compile("\\s*(\\w+)\\((.*)\\)\\s*");
  private static final Pattern FOR = Pattern.compile("(.*) for (\\d+)");

  static ScheduleSpec parse(String text) {
    if (text.contains(" then ")) {
      List<ScheduleSpec> segments = new ArrayList<>();
      List<Long> lengths = new ArrayList<>();
      for (String part : text.split(" then ")) {
        Matcher m = FOR.matcher(part);
        if (m.matches()) {
          segments.add(parse(m.group(1)));
          lengths.add(Long.parseLong(m.group(2)));
        } else {
          segments.add(parse(part));
        }
      }
      return new SequentialSchedule(segments, lengths);
    }
    if (text.startsWith("lambda:")) {
      return new LambdaSchedule(text, LAMBDAS.get(text.substring("lambda:".length())));
    }
    Matcher m = CALL.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a call: " + text);
    }
    ScheduleKind kind =
        Schedules.byName(m.group(1))
            .orElseThrow(() -> new IllegalArgumentException("no schedule " + m.group(1)));
    return kind.create(arguments(m.group(2)));
  }

  /** {@code k=v, ...} with numbers as Double, true/false, "words" and [lists] as double[]. */
  static Map<String, Object> arguments(String body) {
    Map<String, Object> given = new LinkedHashMap<>();
    if (body.isBlank()) {
      return given;
    }
    for (String part : body.split(",\\s*(?![^\\[]*\\])")) {
      int eq = part.indexOf('=');
      String key = part.substring(0, eq).trim();
      String v = part.substring(eq + 1).trim();
      Object value;
      if (v.equals("true") || v.equals("false")) {
        value = Boolean.parseBoolean(v);
      } else if (v.startsWith("\"")) {
        value = v.substring(1, v.length() - 1);
      } else if (v.startsWith("[")) {
        String inner = v.substring(1, v.length() - 1).trim();
        value =
            inner.isEmpty()
                ? new double[0]
                : java.util.Arrays.stream(inner.split(","))
                    .mapToDouble(s -> Double.parseDouble(s.trim()))
                    .toArray();
      } else {
        value = Double.parseDouble(v);
      }
      given.put(key, value);
    }
    return given;
  }
}

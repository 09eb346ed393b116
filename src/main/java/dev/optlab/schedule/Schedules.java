package dev.optlab.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table of named schedules (LANGUAGE.md section 6), in the order the language lists them. It
 * drives checking ({@link ScheduleKind#params}, {@link ScheduleKind#crossCheck}), construction,
 * help and completion. The two forms without a name, expressions and {@code then} chains, are
 * {@link LambdaSchedule} and {@link SequentialSchedule}.
 */
public final class Schedules {
  private static final List<ScheduleKind> ALL =
      List.of(
          ConstantLr.KIND,
          LinearLr.KIND,
          StepLr.KIND,
          MultiStepLr.KIND,
          ExponentialLr.KIND,
          PolynomialLr.KIND,
          CosineAnnealingLr.KIND,
          CosineWarmRestarts.KIND,
          CyclicLr.KIND,
          OneCycleLr.KIND,
          Plateau.KIND);

  private static final Map<String, ScheduleKind> BY_NAME = new LinkedHashMap<>();

  static {
    for (ScheduleKind k : ALL) {
      BY_NAME.put(k.name(), k);
    }
  }

  private Schedules() {}

  /** Every named schedule, in the language's order. */
  public static List<ScheduleKind> all() {
    return ALL;
  }

  /** The schedule called {@code name}, ignoring case: {@code Cosine} finds {@code cosine}. */
  public static Optional<ScheduleKind> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
  }
}

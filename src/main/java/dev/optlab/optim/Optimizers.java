package dev.optlab.optim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The table of built-in optimizers, in the order of the language reference (section 5). */
public final class Optimizers {
  private Optimizers() {}

  private static final List<OptimizerKind> ALL = List.of(
      Sgd.KIND, Adam.ADAM, Adam.ADAMW, Adagrad.KIND, RmsProp.KIND, Adadelta.KIND, Adamax.KIND,
      NAdam.KIND, RAdam.KIND, Rprop.KIND);

  private static final Map<String, OptimizerKind> BY_LOWER_NAME = ALL.stream()
      .collect(Collectors.toUnmodifiableMap(k -> k.name().toLowerCase(Locale.ROOT),
          Function.identity()));

  /** Every built-in optimizer. */
  public static List<OptimizerKind> all() {
    return ALL;
  }

  /** The optimizer called {@code name}, matched case-insensitively ({@code adam}, {@code ADAM}). */
  public static Optional<OptimizerKind> byName(String name) {
    return Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The names as PyTorch spells them, for "did you mean" and completion. */
  public static List<String> names() {
    return ALL.stream().map(OptimizerKind::name).toList();
  }
}

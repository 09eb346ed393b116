package dev.optlab.optim;

import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One built-in optimizer: its PyTorch name, hyperparameters (without {@code schedule}, which the
 * language adds to every optimizer), help text and a factory for its update rule.
 *
 * @param name PyTorch's class name, e.g. {@code AdamW}
 * @param params hyperparameters in PyTorch's order, with defaults and range checks
 * @param momentumSlot what a momentum-cycling schedule drives
 * @param rule the exact update rule, a few lines of plain text for {@code :help}
 * @param reference the paper and the PyTorch version whose arithmetic the kernel reproduces
 * @param example a constructor call as a user writes it: {@code Adam(lr = 0.01)}
 * @param crossCheck errors that involve several hyperparameters (PyTorch's "Nesterov momentum
 *     requires a momentum and zero dampening"); returns {@code null} when the values are fine
 * @param factory the update rule for validated hyperparameters (every one present)
 */
public record OptimizerKind(
    String name,
    List<HyperParam> params,
    MomentumSlot momentumSlot,
    String rule,
    String reference,
    String example,
    Function<HyperValues, String> crossCheck,
    Function<HyperValues, UpdateRule> factory) {

  public OptimizerKind {
    Objects.requireNonNull(name);
    params = List.copyOf(params);
    Objects.requireNonNull(momentumSlot);
    Objects.requireNonNull(crossCheck);
    Objects.requireNonNull(factory);
  }

  /** The hyperparameter called {@code name} (exact, as PyTorch spells it). */
  public Optional<HyperParam> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The cross-parameter error for {@code values}, or {@code null}. */
  public String check(HyperValues values) {
    return crossCheck.apply(values);
  }

  /** The update rule for {@code values}, which must be complete and pass every check. */
  public UpdateRule create(HyperValues values) {
    return factory.apply(values);
  }
}

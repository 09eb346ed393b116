package dev.optlab.optim;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;

/**
 * The hyperparameters several optimizers share, spelled and documented once. A kind whose
 * default differs takes the constant {@link HyperParam#withDefault with its own default}
 * ({@code LR.withDefault(1e-3)}); every kind reads the value through the constant.
 */
public final class CommonParams {
  private CommonParams() {}

  /** The learning rate; required unless a kind gives it a default (SGD has none). */
  public static final HyperParam LR =
      HyperParam.number("lr", null, Check.NON_NEGATIVE, "learning rate");

  public static final HyperParam BETAS =
      HyperParam.pair("betas", new double[] {0.9, 0.999}, Check.UNIT_INTERVAL,
          "decay rates of the running averages of the gradient and of its square");

  /** {@code 1e-8}, the Adam family's default; Adagrad and Adadelta give their own. */
  public static final HyperParam EPS = HyperParam.number("eps", 1e-8, Check.NON_NEGATIVE,
      "added to the denominator for numerical stability");

  public static final HyperParam WEIGHT_DECAY = HyperParam.number("weight_decay", 0.0,
      Check.NON_NEGATIVE, "L2 penalty: weight_decay * p is added to the gradient");

  /** SGD's and RMSprop's momentum factor. */
  public static final HyperParam MOMENTUM =
      HyperParam.number("momentum", 0.0, Check.NON_NEGATIVE, "momentum factor");

  public static final HyperParam MAXIMIZE =
      HyperParam.bool("maximize", false, "maximize the objective instead of minimizing it");

  /** A cross-check for rules that have none. */
  static String none(Object values) {
    return null;
  }
}

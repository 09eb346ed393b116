package dev.optlab.optim;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;

/** The hyperparameters several optimizers share, spelled and documented once. */
final class CommonParams {
  private CommonParams() {}

  static HyperParam lr(Double def) {
    return HyperParam.number("lr", def, Check.NON_NEGATIVE, "learning rate");
  }

  static HyperParam betas() {
    return HyperParam.pair("betas", new double[] {0.9, 0.999}, Check.UNIT_INTERVAL,
        "decay rates of the running averages of the gradient and of its square");
  }

  static HyperParam eps(double def) {
    return HyperParam.number("eps", def, Check.NON_NEGATIVE,
        "added to the denominator for numerical stability");
  }

  static HyperParam weightDecay(double def) {
    return HyperParam.number("weight_decay", def, Check.NON_NEGATIVE,
        "L2 penalty: weight_decay * p is added to the gradient");
  }

  static HyperParam maximize() {
    return HyperParam.bool("maximize", false, "maximize the objective instead of minimizing it");
  }

  /**
   * How a rule prints itself for {@code explain} and debugging: {@code SGD(momentum = 0.9, ...)},
   * from alternating names and values.
   */
  static String describe(String name, Object... namesAndValues) {
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < namesAndValues.length; i += 2) {
      sb.append(i == 0 ? "" : ", ").append(namesAndValues[i]).append(" = ")
          .append(HyperValues.format(namesAndValues[i + 1]));
    }
    return sb.append(')').toString();
  }

  /** A cross-check for rules that have none. */
  static String none(Object values) {
    return null;
  }
}

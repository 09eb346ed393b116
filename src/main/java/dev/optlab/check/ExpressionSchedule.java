package dev.optlab.check;

import dev.optlab.diff.CompiledFunction;
import dev.optlab.diff.Evaluator;
import dev.optlab.schedule.LambdaSchedule;
import dev.optlab.schedule.MultiplicativeSchedule;

/**
 * {@code schedule NAME(t) = EXPR}: the learning rate of update {@code t + 1} is {@code EXPR}
 * evaluated at the 0-based step {@code t}, with {@code lr0} the optimizer's base lr.
 */
final class ExpressionSchedule {
  private ExpressionSchedule() {}

  /**
   * {@code schedule s(t) *= EXPR}: PyTorch's MultiplicativeLR, {@code lr = lr * EXPR} at each
   * step {@code t >= 1} from the base lr.
   *
   * @param function compiled over {@code (t, lr0)}
   */
  static MultiplicativeSchedule multiplicative(CompiledFunction function, String text) {
    return new MultiplicativeSchedule(text, () -> {
      Evaluator f = function.evaluator(); // one per schedule started: its own buffers
      double[] args = new double[2];
      return (t, lr0) -> {
        args[0] = t;
        args[1] = lr0;
        return f.value(args);
      };
    });
  }

  /** @param function compiled over {@code (t, lr0)} */
  static LambdaSchedule of(CompiledFunction function, String text) {
    return new LambdaSchedule(text, () -> {
      Evaluator f = function.evaluator(); // one per schedule started: its own buffers
      double[] args = new double[2];
      return (t, lr0) -> {
        args[0] = t;
        args[1] = lr0;
        return f.value(args);
      };
    });
  }
}

package dev.optlab.check;

import dev.optlab.diff.CompiledFunction;
import dev.optlab.diff.Evaluator;
import dev.optlab.schedule.LambdaSchedule;

/**
 * {@code schedule NAME(t) = EXPR}: the learning rate of update {@code t + 1} is {@code EXPR}
 * evaluated at the 0-based step {@code t}, with {@code lr0} the optimizer's base lr.
 */
final class ExpressionSchedule {
  private ExpressionSchedule() {}

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

package dev.optlab.check;

import dev.optlab.diff.CompiledFunction;
import dev.optlab.diff.Evaluator;
import dev.optlab.schedule.LambdaSchedule;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Supplier;

/**
 * {@code schedule NAME(t) = EXPR}: the learning rate of update {@code t + 1} is {@code EXPR}
 * evaluated at the 0-based step {@code t}, with {@code lr0} the optimizer's base lr; and {@code
 * schedule NAME(t) *= EXPR}: PyTorch's MultiplicativeLR, {@code lr = lr * EXPR} at each step
 * {@code t >= 1} from the base lr.
 */
final class ExpressionSchedule {
  private ExpressionSchedule() {}

  /** @param function compiled over {@code (t, lr0)} */
  static LambdaSchedule multiplicative(CompiledFunction function, String text) {
    return new LambdaSchedule(text, functions(function), true);
  }

  /** @param function compiled over {@code (t, lr0)} */
  static LambdaSchedule of(CompiledFunction function, String text) {
    return new LambdaSchedule(text, functions(function));
  }

  /** The {@code (t, lr0)} function of each schedule started, with work buffers of its own. */
  private static Supplier<DoubleBinaryOperator> functions(CompiledFunction function) {
    return () -> {
      Evaluator f = function.evaluator();
      double[] args = new double[2];
      return (t, lr0) -> {
        args[0] = t;
        args[1] = lr0;
        return f.value(args);
      };
    };
  }
}

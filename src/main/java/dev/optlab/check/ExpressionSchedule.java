package dev.optlab.check;

import dev.optlab.diff.CompiledFunction;
import dev.optlab.schedule.Schedule;
import dev.optlab.schedule.ScheduleSpec;

/**
 * {@code schedule NAME(t) = EXPR}: the learning rate of update {@code t + 1} is {@code EXPR}
 * evaluated at the 0-based step {@code t}, with {@code lr0} the optimizer's base lr (PyTorch's
 * {@code LambdaLR} with the lambda returning the lr itself rather than a factor).
 */
record ExpressionSchedule(CompiledFunction function, String text) implements ScheduleSpec {
  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    CompiledFunction f = function.copy();
    double[] args = {0, baseLr};
    return new Schedule() {
      private double lr = f.value(args);

      @Override
      public double lr() {
        return lr;
      }

      @Override
      public double momentum() {
        return Double.NaN;
      }

      @Override
      public void step(double loss) {
        args[0] += 1;
        lr = f.value(args);
      }
    };
  }

  @Override
  public boolean cyclesMomentum() {
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}

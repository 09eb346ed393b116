package dev.optlab.schedule;

import java.util.Objects;
import java.util.function.DoubleBinaryOperator;

/**
 * A schedule given as an expression of the step, the language's {@code schedule s(t) = ...}: the
 * lr at step {@code t} is {@code f(t, lr0)}, with {@code t = 0, 1, 2, ...} as a double and {@code
 * lr0} the optimizer's base lr. Unlike PyTorch's {@code LambdaLR} the function gives the lr itself,
 * not a factor on it (what the oracle's {@code {"lambda": ...}} evaluates).
 *
 * @param text the expression as written, for {@code explain}
 * @param f {@code (t, lr0) -> lr}; called once per step, so it should not allocate
 */
public record LambdaSchedule(String text, DoubleBinaryOperator f) implements ScheduleSpec {

  public LambdaSchedule {
    Objects.requireNonNull(text);
    Objects.requireNonNull(f);
  }

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(f, baseLr);
  }

  @Override
  public boolean cyclesMomentum() {
    return false;
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Running implements Schedule {
    private final DoubleBinaryOperator f;
    private final double baseLr;
    private long t;
    private double lr;

    Running(DoubleBinaryOperator f, double baseLr) {
      this.f = f;
      this.baseLr = baseLr;
      this.lr = f.applyAsDouble(0, baseLr);
    }

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
      t++;
      lr = f.applyAsDouble(t, baseLr);
    }
  }
}

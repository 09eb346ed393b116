package dev.optlab.schedule;

import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Supplier;

/**
 * A schedule given as an expression of the step, the language's {@code schedule s(t) = ...}: the
 * lr at step {@code t} is {@code f(t, lr0)}, with {@code t = 0, 1, 2, ...} as a double and {@code
 * lr0} the optimizer's base lr. Unlike PyTorch's {@code LambdaLR} the function gives the lr itself,
 * not a factor on it (what the oracle's {@code {"lambda": ...}} evaluates).
 *
 * @param text the expression as written, for {@code explain}
 * @param functions makes the {@code (t, lr0) -> lr} function of one run: a compiled expression
 *     keeps work buffers, so runs that may go in parallel each get their own. It is called once
 *     per step, so it should not allocate.
 */
public record LambdaSchedule(String text, Supplier<DoubleBinaryOperator> functions)
    implements ScheduleSpec {

  public LambdaSchedule {
    Objects.requireNonNull(text);
    Objects.requireNonNull(functions);
  }

  /** A schedule whose function is safe to share between runs. */
  public LambdaSchedule(String text, DoubleBinaryOperator f) {
    this(text, () -> f);
  }

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(functions.get(), baseLr);
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Running extends LrSchedule {
    private final DoubleBinaryOperator f;
    private final double baseLr;

    Running(DoubleBinaryOperator f, double baseLr) {
      this.f = f;
      this.baseLr = baseLr;
      this.lr = f.applyAsDouble(0, baseLr);
    }

    @Override
    protected void advance(double loss) {
      lr = f.applyAsDouble(t, baseLr);
    }
  }
}

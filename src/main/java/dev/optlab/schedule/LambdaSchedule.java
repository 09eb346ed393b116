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
 * <p>With {@code multiplicative} it is PyTorch's {@code MultiplicativeLR} instead, the language's
 * {@code schedule s(t) *= EXPR}: the lr starts at the base lr and each step {@code t >= 1}
 * multiplies it by {@code f(t, lr0)}.
 *
 * @param text the expression as written, for {@code explain}
 * @param functions makes the {@code (t, lr0) -> lr} function of one run: a compiled expression
 *     keeps work buffers, so runs that may go in parallel each get their own. It is called once
 *     per step, so it should not allocate.
 */
public record LambdaSchedule(String text, Supplier<DoubleBinaryOperator> functions,
    boolean multiplicative) implements ScheduleSpec {

  public LambdaSchedule {
    Objects.requireNonNull(text);
    Objects.requireNonNull(functions);
  }

  /** The lr itself as a function of the step. */
  public LambdaSchedule(String text, Supplier<DoubleBinaryOperator> functions) {
    this(text, functions, false);
  }

  /** A schedule whose function is safe to share between runs. */
  public LambdaSchedule(String text, DoubleBinaryOperator f) {
    this(text, () -> f);
  }

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(functions.get(), baseLr, multiplicative);
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Running extends LrSchedule {
    private final DoubleBinaryOperator f;
    private final double baseLr;
    private final boolean multiplicative;

    Running(DoubleBinaryOperator f, double baseLr, boolean multiplicative) {
      this.f = f;
      this.baseLr = baseLr;
      this.multiplicative = multiplicative;
      this.lr = multiplicative ? baseLr : f.applyAsDouble(0, baseLr);
    }

    @Override
    protected void advance(double loss) {
      // MultiplicativeLR: group['lr'] * lmbda(last_epoch), in PyTorch's order
      lr = multiplicative ? lr * f.applyAsDouble(t, baseLr) : f.applyAsDouble(t, baseLr);
    }
  }
}

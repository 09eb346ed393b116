package dev.optlab.schedule;

import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Supplier;

/**
 * PyTorch's {@code MultiplicativeLR}, the language's {@code schedule s(t) *= EXPR}: the lr starts
 * at the optimizer's base lr and each step {@code t >= 1} multiplies it by {@code f(t, lr0)}, in
 * PyTorch's order ({@code group['lr'] * lmbda(last_epoch)}).
 *
 * @param text the statement's factor as written, for {@code explain}
 * @param functions makes the factor function of one run (compiled expressions keep buffers)
 */
public record MultiplicativeSchedule(String text, Supplier<DoubleBinaryOperator> functions)
    implements ScheduleSpec {
  public MultiplicativeSchedule {
    Objects.requireNonNull(text);
    Objects.requireNonNull(functions);
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
      this.lr = baseLr;
    }

    @Override
    protected void advance(double loss) {
      lr = lr * f.applyAsDouble(t, baseLr);
    }
  }
}

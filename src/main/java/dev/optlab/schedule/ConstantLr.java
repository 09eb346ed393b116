package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import java.util.List;

/**
 * {@code constant_lr(factor, total_iters)}: PyTorch's {@code ConstantLR} (1.13), chainable form.
 * Step 0 sets {@code lr = lr0 * factor}; step {@code total_iters} sets {@code lr = lr * (1.0 /
 * factor)}; every other step keeps {@code lr}. So {@code lr} is {@code lr0 * factor} for {@code t <
 * total_iters} and (within rounding) {@code lr0} after.
 *
 * @param factor in (0, 1]; PyTorch admits 0 but then divides by it at {@code total_iters}
 * @param totalIters the step at which the factor is undone
 */
public record ConstantLr(double factor, int totalIters) implements ScheduleSpec {

  static final HyperParam FACTOR =
      HyperParam.number("factor", 1.0 / 3, Check.FACTOR, "multiplies lr until total_iters");
  static final HyperParam TOTAL_ITERS =
      HyperParam.integer("total_iters", 5, Check.NON_NEGATIVE,
          "the step from which lr is back to the base lr");

  static final ScheduleKind KIND =
      new ScheduleKind(
          "constant_lr",
          List.of(FACTOR, TOTAL_ITERS),
          "Scales the base lr by `factor` for the first `total_iters` steps, then restores it, as "
              + "PyTorch's ConstantLR: lr = lr0 * factor at step 0, lr = lr * (1 / factor) at "
              + "step total_iters, unchanged otherwise.",
          "constant_lr(factor = 0.5, total_iters = 100)",
          v -> null,
          v -> new ConstantLr(v.number(FACTOR), v.integer(TOTAL_ITERS)));

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(factor, totalIters, baseLr);
  }

  @Override
  public String toString() {
    return Specs.call(KIND, FACTOR, factor, TOTAL_ITERS, totalIters);
  }

  private static final class Running extends LrSchedule {
    private final double factor;
    private final int totalIters;

    Running(double factor, int totalIters, double baseLr) {
      this.factor = factor;
      this.totalIters = totalIters;
      this.lr = baseLr * factor;
    }

    @Override
    protected double firstFrom(double lr) {
      return lr * factor;
    }

    @Override
    protected void advance(double loss) {
      if (t == totalIters) {
        lr = lr * (1.0 / factor);
      }
    }
  }
}

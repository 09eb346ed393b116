package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import java.util.List;

/**
 * {@code linear(start_factor, end_factor, total_iters)}: PyTorch's {@code LinearLR} (1.13), in its
 * chainable (recursive) form, which is what {@code scheduler.step()} computes:
 *
 * <pre>
 * t = 0:                 lr = lr0 * start_factor
 * 0 &lt; t &lt;= total_iters: lr = lr * (1 + (end - start)
 *                                 / (total_iters * start + (t - 1) * (end - start)))
 * t &gt; total_iters:       lr unchanged
 * </pre>
 *
 * The product telescopes to {@code lr0 * (start + (end - start) * min(t, total_iters) /
 * total_iters)} up to rounding; the rounding is PyTorch's (e.g. 0.011000000000000008).
 *
 * @param startFactor in (0, 1]; PyTorch admits 0 but then divides by zero at step 1
 * @param endFactor in [0, 1]
 * @param totalIters steps to go from start to end factor
 */
public record LinearLr(double startFactor, double endFactor, int totalIters)
    implements ScheduleSpec {

  static final HyperParam START_FACTOR =
      HyperParam.number("start_factor", 1.0 / 3, Check.FACTOR, "multiplies the base lr at step 0");
  static final HyperParam END_FACTOR =
      HyperParam.number("end_factor", 1.0, Check.CLOSED_UNIT,
          "multiplies the base lr from step total_iters on");
  static final HyperParam TOTAL_ITERS =
      HyperParam.integer("total_iters", 5, Check.NON_NEGATIVE,
          "steps from start_factor to end_factor");

  static final ScheduleKind KIND =
      new ScheduleKind(
          "linear",
          List.of(START_FACTOR, END_FACTOR, TOTAL_ITERS),
          "Moves the factor on the base lr linearly from `start_factor` to `end_factor` over "
              + "`total_iters` steps, then holds it, as PyTorch's LinearLR: lr = lr0 * "
              + "start_factor at step 0, then lr = lr * (1 + (end - start) / (total_iters * start "
              + "+ (t - 1) * (end - start))) for t <= total_iters.",
          "linear(start_factor = 0.01, total_iters = 100)",
          v -> null,
          v -> new LinearLr(v.number(START_FACTOR), v.number(END_FACTOR),
              v.integer(TOTAL_ITERS)));

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(this, baseLr);
  }

  @Override
  public String toString() {
    return Specs.call(KIND, START_FACTOR, startFactor, END_FACTOR, endFactor,
        TOTAL_ITERS, totalIters);
  }

  private static final class Running extends LrSchedule {
    private final double start;
    private final double delta;
    private final int totalIters;

    Running(LinearLr spec, double baseLr) {
      this.start = spec.startFactor;
      this.delta = spec.endFactor - spec.startFactor;
      this.totalIters = spec.totalIters;
      this.lr = baseLr * spec.startFactor;
    }

    @Override
    protected double firstFrom(double lr) {
      return lr * start;
    }

    @Override
    protected void advance(double loss) {
      if (t <= totalIters) {
        lr = lr * (1. + delta / (totalIters * start + (t - 1) * delta));
      }
    }
  }
}

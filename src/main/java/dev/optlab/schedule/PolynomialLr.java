package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import java.util.List;

/**
 * {@code polynomial(total_iters, power)}: PyTorch's {@code PolynomialLR} (1.13), chainable form:
 *
 * <pre>
 * t = 0 or t &gt; total_iters: lr unchanged (lr0 at step 0)
 * else: lr = lr * ((1.0 - t / total_iters) / (1.0 - (t - 1) / total_iters)) ** power
 * </pre>
 *
 * which telescopes to {@code lr0 * (1 - min(t, total_iters) / total_iters)^power}: zero from step
 * {@code total_iters} on.
 */
public record PolynomialLr(int totalIters, double power) implements ScheduleSpec {

  static final HyperParam TOTAL_ITERS =
      HyperParam.integer("total_iters", 5, Check.NON_NEGATIVE, "steps until lr reaches 0");
  static final HyperParam POWER =
      HyperParam.number("power", 1.0, Check.NON_NEGATIVE, "the polynomial's power");

  static final ScheduleKind KIND =
      new ScheduleKind(
          "polynomial",
          List.of(TOTAL_ITERS, POWER),
          "Decays the lr polynomially to zero over `total_iters` steps, as PyTorch's "
              + "PolynomialLR: lr = lr * ((1 - t / total_iters) / (1 - (t - 1) / total_iters))"
              + "^power for 0 < t <= total_iters, so lr = lr0 * (1 - min(t, total_iters) / "
              + "total_iters)^power.",
          "polynomial(total_iters = 1000, power = 2)",
          v -> null,
          v -> new PolynomialLr(v.integer(TOTAL_ITERS), v.number(POWER)));

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(totalIters, power, baseLr);
  }

  @Override
  public String toString() {
    return Specs.call(KIND, TOTAL_ITERS, totalIters, POWER, power);
  }

  private static final class Running extends LrSchedule {
    private final int totalIters;
    private final double power;

    Running(int totalIters, double power, double baseLr) {
      this.totalIters = totalIters;
      this.power = power;
      this.lr = baseLr;
    }

    @Override
    protected void advance(double loss) {
      if (t <= totalIters) {
        double ratio = (1.0 - (double) t / totalIters) / (1.0 - (double) (t - 1) / totalIters);
        lr = lr * Math.pow(ratio, power);
      }
    }
  }
}

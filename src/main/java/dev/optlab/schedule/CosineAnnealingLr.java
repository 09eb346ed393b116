package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import java.util.List;

/**
 * {@code cosine(T_max, eta_min)}: PyTorch's {@code CosineAnnealingLR} (1.13) in the recursive form
 * that {@code scheduler.step()} computes, not the closed form:
 *
 * <pre>
 * t = 0:                                lr = lr0
 * (t - 1 - T_max) mod (2 T_max) == 0:   lr = lr + (lr0 - eta_min) * (1 - cos(pi / T_max)) / 2
 * otherwise:  lr = (1 + cos(pi * t / T_max)) / (1 + cos(pi * (t - 1) / T_max))
 *                   * (lr - eta_min) + eta_min
 * </pre>
 *
 * (mod is Python's, never negative). Up to rounding this is {@code eta_min + (lr0 - eta_min) * (1 +
 * cos(pi * t / T_max)) / 2}: down to {@code eta_min} at {@code T_max}, and past it back up again,
 * a period of {@code 2 T_max}, as PyTorch does.
 */
public record CosineAnnealingLr(int tMax, double etaMin) implements ScheduleSpec {

  static final HyperParam T_MAX =
      HyperParam.integer("T_max", null, Check.POSITIVE, "steps from the base lr down to eta_min");
  static final HyperParam ETA_MIN =
      HyperParam.number("eta_min", 0.0, Check.NON_NEGATIVE, "the lowest lr");

  static final ScheduleKind KIND =
      new ScheduleKind(
          "cosine",
          List.of(T_MAX, ETA_MIN),
          "Anneals the lr from the base lr to `eta_min` along half a cosine over `T_max` steps, "
              + "as PyTorch's CosineAnnealingLR (recursive form): lr = eta_min + (lr0 - eta_min) * "
              + "(1 + cos(pi * t / T_max)) / 2; past T_max it rises again (period 2 * T_max).",
          "cosine(T_max = 1000, eta_min = 1e-5)",
          v -> null,
          v -> new CosineAnnealingLr(v.integer(T_MAX), v.number(ETA_MIN)));

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(tMax, etaMin, baseLr);
  }

  @Override
  public String toString() {
    return Specs.call(KIND, T_MAX, tMax, ETA_MIN, etaMin);
  }

  private static final class Running extends LrSchedule {
    private final long tMax;
    private final double etaMin;
    private final double restartIncrement;
    /** {@code cos(pi * t / T_max)} of the current step, the next step's denominator. */
    private double cosNow = 1.0;

    Running(int tMax, double etaMin, double baseLr) {
      this.tMax = tMax;
      this.etaMin = etaMin;
      this.restartIncrement = (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
      this.lr = baseLr;
    }

    @Override
    protected void advance(double loss) {
      double cosPrev = cosNow;
      cosNow = Math.cos(Math.PI * t / tMax);
      if (Math.floorMod(t - 1 - tMax, 2 * tMax) == 0) {
        lr = lr + restartIncrement;
      } else {
        lr = (1 + cosNow) / (1 + cosPrev) * (lr - etaMin) + etaMin;
      }
    }

    @Override
    protected void saveMore(java.util.function.DoubleConsumer out) {
      out.accept(cosNow);
    }

    @Override
    protected void restoreMore(java.util.PrimitiveIterator.OfDouble in) {
      cosNow = in.nextDouble();
    }
  }
}

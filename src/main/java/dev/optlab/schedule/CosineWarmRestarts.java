package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.List;

/**
 * {@code cosine_restarts(T_0, T_mult, eta_min)}: PyTorch's {@code CosineAnnealingWarmRestarts}
 * (1.13), whose step is closed-form within a cycle:
 *
 * <pre>
 * lr = eta_min + (lr0 - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2
 * </pre>
 *
 * with {@code T_cur = 0, T_i = T_0} at step 0 and, at each step, {@code T_cur += 1}; when {@code
 * T_cur >= T_i}: {@code T_cur -= T_i, T_i *= T_mult}. So the lr restarts at the base lr after
 * {@code T_0}, {@code T_0 + T_0 T_mult}, ... steps.
 */
public record CosineWarmRestarts(int t0, int tMult, double etaMin) implements ScheduleSpec {

  private static final Check AT_LEAST_ONE = v -> v >= 1 ? null : "must be >= 1";

  static final HyperParam T_0 =
      HyperParam.integer("T_0", null, Check.POSITIVE, "steps of the first cycle");
  static final HyperParam T_MULT =
      HyperParam.integer("T_mult", 1, AT_LEAST_ONE,
          "each cycle is T_mult times longer than the one before");
  static final HyperParam ETA_MIN =
      HyperParam.number("eta_min", 0.0, Check.NON_NEGATIVE, "the lowest lr");

  static final ScheduleKind KIND =
      new ScheduleKind(
          "cosine_restarts",
          List.of(T_0, T_MULT, ETA_MIN),
          "Cosine annealing from the base lr to `eta_min` with warm restarts, as PyTorch's "
              + "CosineAnnealingWarmRestarts: lr = eta_min + (lr0 - eta_min) * (1 + cos(pi * "
              + "T_cur / T_i)) / 2, where T_cur counts steps since the last restart and the i-th "
              + "cycle lasts T_i = T_0 * T_mult^i steps.",
          "cosine_restarts(T_0 = 100, T_mult = 2, eta_min = 1e-5)",
          v -> null,
          CosineWarmRestarts::of);

  private static CosineWarmRestarts of(HyperValues v) {
    return new CosineWarmRestarts(v.integer(T_0), v.integer(T_MULT), v.number(ETA_MIN));
  }

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(this, baseLr);
  }

  @Override
  public String toString() {
    return Specs.call(KIND, T_0, t0, T_MULT, tMult, ETA_MIN, etaMin);
  }

  private static final class Running extends LrSchedule {
    private final long tMult;
    private final double etaMin;
    private final double baseLr;
    private long tCur;
    private long tI;

    Running(CosineWarmRestarts spec, double baseLr) {
      this.tMult = spec.tMult;
      this.etaMin = spec.etaMin;
      this.baseLr = baseLr;
      this.tI = spec.t0;
      update();
    }

    private void update() {
      lr = etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
    }

    @Override
    protected void advance(double loss) {
      tCur++;
      if (tCur >= tI) {
        tCur -= tI;
        tI *= tMult;
      }
      update();
    }

    @Override
    protected void saveMore(java.util.function.DoubleConsumer out) {
      out.accept(tCur);
      out.accept(tI);
    }

    @Override
    protected void restoreMore(java.util.PrimitiveIterator.OfDouble in) {
      tCur = (long) in.nextDouble();
      tI = (long) in.nextDouble();
    }
  }
}

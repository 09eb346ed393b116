package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.List;

/**
 * {@code plateau(mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps)}:
 * PyTorch's {@code ReduceLROnPlateau} (1.13), watching the loss given to {@link Schedule#step}.
 * The lr starts at the base lr. Each step:
 *
 * <pre>
 * if better(loss, best): best = loss, bad = 0   else: bad += 1
 * if cooldown_counter &gt; 0: cooldown_counter -= 1, bad = 0
 * if bad &gt; patience:
 *     new = max(lr * factor, min_lr); if lr - new &gt; eps: lr = new
 *     cooldown_counter = cooldown, bad = 0
 * </pre>
 *
 * with {@code best} starting at +inf (min) or -inf (max) and {@code better(a, best)} being {@code a
 * < best * (1 - threshold)} (min, rel), {@code a < best - threshold} (min, abs), {@code a > best *
 * (threshold + 1)} (max, rel), {@code a > best + threshold} (max, abs). A NaN loss is never better.
 */
public record Plateau(
    boolean maxMode,
    double factor,
    int patience,
    double threshold,
    boolean absThreshold,
    int cooldown,
    double minLr,
    double eps)
    implements ScheduleSpec {

  static final HyperParam MODE =
      HyperParam.choice("mode", "min", List.of("min", "max"),
          "whether the watched loss should fall (min) or rise (max)");
  static final HyperParam FACTOR =
      HyperParam.number("factor", 0.1, Check.UNIT_INTERVAL, "multiplies lr when the loss stalls");
  static final HyperParam PATIENCE =
      HyperParam.integer("patience", 10, Check.NON_NEGATIVE,
          "steps without improvement tolerated before reducing lr");
  static final HyperParam THRESHOLD =
      HyperParam.number("threshold", 1e-4, Check.NON_NEGATIVE,
          "how much better a loss must be to count as an improvement");
  static final HyperParam THRESHOLD_MODE =
      HyperParam.choice("threshold_mode", "rel", List.of("rel", "abs"),
          "threshold relative to the best loss (rel) or absolute (abs)");
  static final HyperParam COOLDOWN =
      HyperParam.integer("cooldown", 0, Check.NON_NEGATIVE,
          "steps after a reduction during which stalls are not counted");
  static final HyperParam MIN_LR =
      HyperParam.number("min_lr", 0.0, Check.NON_NEGATIVE, "the lowest lr");
  static final HyperParam EPS =
      HyperParam.number("eps", 1e-8, Check.NON_NEGATIVE,
          "reductions smaller than this are skipped");

  static final ScheduleKind KIND =
      new ScheduleKind(
          "plateau",
          List.of(MODE, FACTOR, PATIENCE, THRESHOLD, THRESHOLD_MODE, COOLDOWN, MIN_LR, EPS),
          "Reduces the lr by `factor` when the loss has not improved for more than `patience` "
              + "steps, as PyTorch's ReduceLROnPlateau: a loss improves on the best so far when "
              + "below best * (1 - threshold) (rel) or best - threshold (abs), mirrored for mode "
              + "= \"max\"; then lr = max(lr * factor, min_lr), skipped when it would change lr by "
              + "no more than eps, followed by `cooldown` steps that do not count.",
          "plateau(factor = 0.5, patience = 20)",
          v -> null,
          Plateau::of);

  private static Plateau of(HyperValues v) {
    return new Plateau(v.choice(MODE).equals("max"), v.number(FACTOR), v.integer(PATIENCE),
        v.number(THRESHOLD), v.choice(THRESHOLD_MODE).equals("abs"), v.integer(COOLDOWN),
        v.number(MIN_LR), v.number(EPS));
  }

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(this, baseLr);
  }

  @Override
  public String toString() {
    return Specs.call(KIND, MODE, maxMode ? "max" : "min", FACTOR, factor, PATIENCE,
        patience, THRESHOLD, threshold, THRESHOLD_MODE, absThreshold ? "abs" : "rel",
        COOLDOWN, cooldown, MIN_LR, minLr, EPS, eps);
  }

  private static final class Running extends LrSchedule {
    private final Plateau s;
    private double best;
    private long numBadEpochs;
    private long cooldownCounter;

    Running(Plateau spec, double baseLr) {
      this.s = spec;
      this.lr = baseLr;
      this.best = spec.maxMode ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private boolean isBetter(double a) {
      if (!s.maxMode) {
        return s.absThreshold ? a < best - s.threshold : a < best * (1. - s.threshold);
      }
      return s.absThreshold ? a > best + s.threshold : a > best * (s.threshold + 1.);
    }

    @Override
    protected void advance(double loss) {
      if (isBetter(loss)) {
        best = loss;
        numBadEpochs = 0;
      } else {
        numBadEpochs++;
      }
      if (cooldownCounter > 0) {
        cooldownCounter--;
        numBadEpochs = 0;
      }
      if (numBadEpochs > s.patience) {
        double old = lr;
        double reduced = pyMax(old * s.factor, s.minLr);
        if (old - reduced > s.eps) {
          lr = reduced;
        }
        cooldownCounter = s.cooldown;
        numBadEpochs = 0;
      }
    }

    @Override
    protected void saveMore(java.util.function.DoubleConsumer out) {
      out.accept(best);
      out.accept(numBadEpochs);
      out.accept(cooldownCounter);
    }

    @Override
    protected void restoreMore(java.util.PrimitiveIterator.OfDouble in) {
      best = in.nextDouble();
      numBadEpochs = (long) in.nextDouble();
      cooldownCounter = (long) in.nextDouble();
    }

    /** Python's {@code max(a, b)}: {@code a} unless {@code b > a} (so NaN in {@code a} stays). */
    private static double pyMax(double a, double b) {
      return b > a ? b : a;
    }
  }
}

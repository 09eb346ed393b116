package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.List;

/**
 * {@code cyclic(base_lr, max_lr, step_size_up, step_size_down, mode, gamma, cycle_momentum,
 * base_momentum, max_momentum)}: PyTorch's {@code CyclicLR} (1.13), closed form. With {@code total
 * = up + down} and {@code ratio = up / total} (as doubles):
 *
 * <pre>
 * cycle = floor(1 + t / total)
 * x     = 1. + t / total - cycle
 * scale = x &lt;= ratio ? x / ratio : (x - 1) / (ratio - 1)
 * s     = 1 (triangular) | 1 / 2.^(cycle - 1) (triangular2) | gamma^t (exp_range)
 * lr       = base_lr + (max_lr - base_lr) * scale * s
 * momentum = max_momentum - (max_momentum - base_momentum) * scale * s
 * </pre>
 *
 * It takes over the optimizer's lr: the base lr given to {@link #start} is ignored. With {@code
 * cycle_momentum} it also sets the momentum: {@code max_momentum} for the first update, {@code
 * base_momentum} at the peak of the lr. PyTorch 1.13's CyclicLR cycles only an optimizer's {@code
 * momentum} (SGD, RMSprop) and refuses the Adam family's betas and optimizers without momentum.
 */
public record CyclicLr(
    double baseLr,
    double maxLr,
    int stepSizeUp,
    int stepSizeDown,
    Mode mode,
    double gamma,
    boolean cycleMomentum,
    double baseMomentum,
    double maxMomentum)
    implements ScheduleSpec {

  /** CyclicLR's built-in amplitude policies. */
  public enum Mode {
    TRIANGULAR,
    TRIANGULAR2,
    EXP_RANGE;

    /** The language's word: {@code "exp_range"}. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Mode of(String word) {
      return valueOf(word.toUpperCase(java.util.Locale.ROOT));
    }
  }

  static final HyperParam BASE_LR =
      HyperParam.number("base_lr", null, Check.NON_NEGATIVE, "the lower lr of a cycle");
  static final HyperParam MAX_LR =
      HyperParam.number("max_lr", null, Check.NON_NEGATIVE, "the upper lr of a cycle");
  static final HyperParam STEP_SIZE_UP =
      HyperParam.integer("step_size_up", 2000, Check.POSITIVE, "steps from base_lr up to max_lr");
  static final HyperParam STEP_SIZE_DOWN =
      HyperParam.optionalInteger("step_size_down", Check.POSITIVE,
          "steps from max_lr back down (default: step_size_up)");
  static final HyperParam MODE =
      HyperParam.choice("mode", "triangular", List.of("triangular", "triangular2", "exp_range"),
          "amplitude: constant, halved every cycle, or scaled by gamma^t");
  static final HyperParam GAMMA =
      HyperParam.number("gamma", 1.0, Check.NON_NEGATIVE, "exp_range's decay per step");
  static final HyperParam CYCLE_MOMENTUM =
      HyperParam.bool("cycle_momentum", true, "cycle the momentum inversely to the lr");
  static final HyperParam BASE_MOMENTUM =
      HyperParam.number("base_momentum", 0.8, Check.CLOSED_UNIT, "the momentum at the lr's peak");
  static final HyperParam MAX_MOMENTUM =
      HyperParam.number("max_momentum", 0.9, Check.CLOSED_UNIT, "the momentum at the lr's trough");

  static final ScheduleKind KIND =
      new ScheduleKind(
          "cyclic",
          List.of(BASE_LR, MAX_LR, STEP_SIZE_UP, STEP_SIZE_DOWN, MODE, GAMMA, CYCLE_MOMENTUM,
              BASE_MOMENTUM, MAX_MOMENTUM),
          "Cycles the lr between `base_lr` and `max_lr` in triangles of `step_size_up` steps up "
              + "and `step_size_down` down, as PyTorch's CyclicLR: lr = base_lr + (max_lr - "
              + "base_lr) * scale * s, where scale rises 0..1 then falls 1..0 within a cycle and "
              + "s is 1 (triangular), 1/2^(cycle - 1) (triangular2) or gamma^t (exp_range). "
              + "Unless cycle_momentum = false, momentum goes the other way, from max_momentum "
              + "to base_momentum. Replaces the optimizer's lr.",
          "cyclic(base_lr = 0.001, max_lr = 0.1, step_size_up = 200)",
          CyclicLr::crossCheck,
          CyclicLr::of);

  private static String crossCheck(HyperValues v) {
    String lr = Specs.atLeast(v, MAX_LR, BASE_LR);
    if (lr != null || !v.bool(CYCLE_MOMENTUM)) {
      return lr;
    }
    return Specs.atLeast(v, MAX_MOMENTUM, BASE_MOMENTUM);
  }

  private static CyclicLr of(HyperValues v) {
    int up = v.integer(STEP_SIZE_UP);
    double down = v.number(STEP_SIZE_DOWN);
    return new CyclicLr(v.number(BASE_LR), v.number(MAX_LR), up,
        Double.isNaN(down) ? up : (int) down, Mode.of(v.choice(MODE)), v.number(GAMMA),
        v.bool(CYCLE_MOMENTUM), v.number(BASE_MOMENTUM), v.number(MAX_MOMENTUM));
  }

  @Override
  public Schedule start(double ignoredBaseLr, double baseMomentum) {
    return new Running(this);
  }

  @Override
  public boolean cyclesMomentum() {
    return cycleMomentum;
  }

  @Override
  public String toString() {
    return Specs.call(KIND, BASE_LR, baseLr, MAX_LR, maxLr, STEP_SIZE_UP, stepSizeUp,
        STEP_SIZE_DOWN, stepSizeDown, MODE, mode.word(), GAMMA, gamma, CYCLE_MOMENTUM,
        cycleMomentum, BASE_MOMENTUM, baseMomentum, MAX_MOMENTUM, maxMomentum);
  }

  private static final class Running extends CyclingSchedule {
    private final CyclicLr s;
    private final double totalSize;
    private final double stepRatio;

    Running(CyclicLr spec) {
      this.s = spec;
      double up = spec.stepSizeUp;
      this.totalSize = up + (double) spec.stepSizeDown;
      this.stepRatio = up / totalSize;
      update();
    }

    @Override
    protected void update() {
      double cycle = Math.floor(1 + t / totalSize);
      double x = 1. + t / totalSize - cycle;
      double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
      double scale =
          switch (s.mode) {
            case TRIANGULAR -> 1.;
            case TRIANGULAR2 -> 1 / Math.pow(2., cycle - 1);
            case EXP_RANGE -> Math.pow(s.gamma, t);
          };
      lr = s.baseLr + (s.maxLr - s.baseLr) * scaleFactor * scale;
      momentum = s.cycleMomentum
          ? s.maxMomentum - (s.maxMomentum - s.baseMomentum) * scaleFactor * scale
          : Double.NaN;
    }
  }
}

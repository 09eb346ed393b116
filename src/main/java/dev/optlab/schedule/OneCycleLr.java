package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.List;

/**
 * {@code onecycle(max_lr, total_steps, pct_start, anneal_strategy, div_factor, final_div_factor,
 * three_phase, cycle_momentum, base_momentum, max_momentum)}: PyTorch's {@code OneCycleLR} (1.13),
 * closed form. With {@code initial = max_lr / div_factor} and {@code min = initial /
 * final_div_factor}, the phases end at steps (as doubles)
 *
 * <pre>
 * two-phase:   pct_start*T - 1 (initial -&gt; max_lr),  T - 1 (max_lr -&gt; min)
 * three-phase: pct_start*T - 1 (initial -&gt; max_lr),  2*pct_start*T - 2 (max_lr -&gt; initial),
 *              T - 1 (initial -&gt; min)
 * </pre>
 *
 * where {@code T = total_steps}. Step {@code t} falls in the first phase whose end is {@code >= t}
 * (else the last), and with {@code pct = (t - start) / (end - start)} for that phase, {@code lr =
 * anneal(from, to, pct)}: {@code cos}: {@code to + (from - to) / 2.0 * (cos(pi * pct) + 1)};
 * {@code linear}: {@code (to - from) * pct + from}. Momentum (SGD/RMSprop {@code momentum}, Adam's
 * first beta) anneals the other way between {@code max_momentum} and {@code base_momentum} (three
 * phases: the last holds {@code max_momentum}). The lr at step 0 is {@code initial}: the base lr
 * given to {@link #start} is ignored. PyTorch raises when stepped more than {@code total_steps}
 * times; so does this ({@link #maxSteps()}).
 */
public record OneCycleLr(
    double maxLr,
    int totalSteps,
    double pctStart,
    boolean linearAnneal,
    double divFactor,
    double finalDivFactor,
    boolean threePhase,
    boolean cycleMomentum,
    double baseMomentum,
    double maxMomentum)
    implements ScheduleSpec {

  static final HyperParam MAX_LR =
      HyperParam.number("max_lr", null, Check.NON_NEGATIVE, "the peak lr");
  static final HyperParam TOTAL_STEPS =
      HyperParam.integer("total_steps", null, Check.POSITIVE,
          "the length of the cycle; the run may not be longer");
  static final HyperParam PCT_START =
      HyperParam.number("pct_start", 0.3, Check.CLOSED_UNIT,
          "the fraction of the cycle spent raising the lr");
  static final HyperParam ANNEAL_STRATEGY =
      HyperParam.choice("anneal_strategy", "cos", List.of("cos", "linear"),
          "the shape of each phase");
  static final HyperParam DIV_FACTOR =
      HyperParam.number("div_factor", 25.0, Check.POSITIVE, "the first lr is max_lr / div_factor");
  static final HyperParam FINAL_DIV_FACTOR =
      HyperParam.number("final_div_factor", 1e4, Check.POSITIVE,
          "the last lr is max_lr / div_factor / final_div_factor");
  static final HyperParam THREE_PHASE =
      HyperParam.bool("three_phase", false,
          "come back down to the first lr before annihilating it");
  static final HyperParam CYCLE_MOMENTUM =
      HyperParam.bool("cycle_momentum", true,
          "cycle the momentum (or first beta) inversely to the lr");
  static final HyperParam BASE_MOMENTUM =
      HyperParam.number("base_momentum", 0.85, Check.CLOSED_UNIT, "the momentum at the lr's peak");
  static final HyperParam MAX_MOMENTUM =
      HyperParam.number("max_momentum", 0.95, Check.CLOSED_UNIT,
          "the momentum at the start and end");

  static final ScheduleKind KIND =
      new ScheduleKind(
          "onecycle",
          List.of(MAX_LR, TOTAL_STEPS, PCT_START, ANNEAL_STRATEGY, DIV_FACTOR, FINAL_DIV_FACTOR,
              THREE_PHASE, CYCLE_MOMENTUM, BASE_MOMENTUM, MAX_MOMENTUM),
          "The 1cycle policy, as PyTorch's OneCycleLR: the lr goes from max_lr / div_factor up "
              + "to `max_lr` over the first pct_start of `total_steps`, then down to max_lr / "
              + "div_factor / final_div_factor (with three_phase: back to the start first), each "
              + "phase annealed as to + (from - to) / 2 * (cos(pi * pct) + 1) or linearly. Unless "
              + "cycle_momentum = false the momentum (or Adam's first beta) moves the other way "
              + "between max_momentum and base_momentum. Replaces the optimizer's lr.",
          "onecycle(max_lr = 0.1, total_steps = 1000)",
          OneCycleLr::crossCheck,
          OneCycleLr::of);

  private static String crossCheck(HyperValues v) {
    int total = v.integer(TOTAL_STEPS);
    double pct = v.number(PCT_START);
    if (pct * total - 1 == 0) {
      return "pct_start * total_steps must not be 1: the warm-up phase would be empty (got "
          + HyperValues.formatNumber(pct) + " * " + total + ")";
    }
    double lastStart = v.bool(THREE_PHASE) ? 2 * pct * total - 2 : pct * total - 1;
    if (lastStart == total - 1) {
      return "pct_start = " + HyperValues.formatNumber(pct)
          + " leaves the last phase empty; use a smaller pct_start";
    }
    return v.bool(CYCLE_MOMENTUM) ? Specs.atLeast(v, MAX_MOMENTUM, BASE_MOMENTUM) : null;
  }

  private static OneCycleLr of(HyperValues v) {
    return new OneCycleLr(v.number(MAX_LR), v.integer(TOTAL_STEPS), v.number(PCT_START),
        v.choice(ANNEAL_STRATEGY).equals("linear"), v.number(DIV_FACTOR),
        v.number(FINAL_DIV_FACTOR), v.bool(THREE_PHASE), v.bool(CYCLE_MOMENTUM),
        v.number(BASE_MOMENTUM), v.number(MAX_MOMENTUM));
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
  public long maxSteps() {
    return totalSteps;
  }

  @Override
  public String toString() {
    return Specs.call(KIND, MAX_LR, maxLr, TOTAL_STEPS, totalSteps, PCT_START,
        pctStart, ANNEAL_STRATEGY, linearAnneal ? "linear" : "cos", DIV_FACTOR, divFactor,
        FINAL_DIV_FACTOR, finalDivFactor, THREE_PHASE, threePhase, CYCLE_MOMENTUM,
        cycleMomentum, BASE_MOMENTUM, baseMomentum, MAX_MOMENTUM, maxMomentum);
  }

  private static final class Running extends CyclingSchedule {
    private final OneCycleLr s;
    private final double[] endStep;
    private final double[] fromLr;
    private final double[] toLr;
    private final double[] fromMomentum;
    private final double[] toMomentum;

    Running(OneCycleLr spec) {
      this.s = spec;
      double initial = spec.maxLr / spec.divFactor;
      double min = initial / spec.finalDivFactor;
      double max = spec.maxLr;
      double lo = spec.baseMomentum;
      double hi = spec.maxMomentum;
      double first = spec.pctStart * spec.totalSteps - 1;
      double last = spec.totalSteps - 1;
      if (spec.threePhase) {
        endStep = new double[] {first, 2 * spec.pctStart * spec.totalSteps - 2, last};
        fromLr = new double[] {initial, max, initial};
        toLr = new double[] {max, initial, min};
        fromMomentum = new double[] {hi, lo, hi};
        toMomentum = new double[] {lo, hi, hi};
      } else {
        endStep = new double[] {first, last};
        fromLr = new double[] {initial, max};
        toLr = new double[] {max, min};
        fromMomentum = new double[] {hi, lo};
        toMomentum = new double[] {lo, hi};
      }
      update();
    }

    private double anneal(double from, double to, double pct) {
      if (s.linearAnneal) {
        return (to - from) * pct + from;
      }
      double cosOut = Math.cos(Math.PI * pct) + 1;
      return to + (from - to) / 2.0 * cosOut;
    }

    @Override
    protected void update() {
      double startStep = 0;
      int last = endStep.length - 1;
      for (int i = 0; i <= last; i++) {
        double end = endStep[i];
        if (t <= end || i == last) {
          double pct = (t - startStep) / (end - startStep);
          lr = anneal(fromLr[i], toLr[i], pct);
          momentum = s.cycleMomentum ? anneal(fromMomentum[i], toMomentum[i], pct) : Double.NaN;
          return;
        }
        startStep = end;
      }
    }

    @Override
    public void step(double loss) {
      if (t >= s.totalSteps) {
        // the checker refuses runs longer than the schedule; a run past it is PyTorch's error too
        throw new dev.optlab.source.RunError(s + " cannot be stepped more than total_steps = "
            + s.totalSteps + " times (PyTorch's OneCycleLR raises here)");
      }
      super.step(loss);
    }
  }
}

package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import java.util.List;

/**
 * {@code step(step_size, gamma)}: PyTorch's {@code StepLR} (1.13), chainable form: {@code lr = lr0}
 * at step 0, then {@code lr = lr * gamma} at every step {@code t} with {@code t % step_size == 0},
 * unchanged otherwise; so {@code lr ~ lr0 * gamma^floor(t / step_size)}.
 */
public record StepLr(int stepSize, double gamma) implements ScheduleSpec {

  static final HyperParam STEP_SIZE =
      HyperParam.integer("step_size", null, Check.POSITIVE,
          "multiply lr by gamma every step_size steps");
  static final HyperParam GAMMA =
      HyperParam.number("gamma", 0.1, Check.NON_NEGATIVE, "the decay factor");

  static final ScheduleKind KIND =
      new ScheduleKind(
          "step",
          List.of(STEP_SIZE, GAMMA),
          "Multiplies the lr by `gamma` every `step_size` steps, as PyTorch's StepLR: lr = lr * "
              + "gamma when t % step_size == 0 (t > 0), so lr = lr0 * gamma^floor(t / step_size).",
          "step(step_size = 100, gamma = 0.5)",
          v -> null,
          v -> new StepLr(v.integer(STEP_SIZE), v.number(GAMMA)));

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(stepSize, gamma, baseLr);
  }

  @Override
  public String toString() {
    return Specs.call(KIND, STEP_SIZE, stepSize, GAMMA, gamma);
  }

  private static final class Running extends LrSchedule {
    private final int stepSize;
    private final double gamma;

    Running(int stepSize, double gamma, double baseLr) {
      this.stepSize = stepSize;
      this.gamma = gamma;
      this.lr = baseLr;
    }

    @Override
    protected void advance(double loss) {
      if (t % stepSize == 0) {
        lr = lr * gamma;
      }
    }
  }
}

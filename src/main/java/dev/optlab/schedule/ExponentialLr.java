package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import java.util.List;

/**
 * {@code exponential(gamma)}: PyTorch's {@code ExponentialLR} (1.13), chainable form: {@code lr =
 * lr0} at step 0, then {@code lr = lr * gamma} at every step (so {@code lr ~ lr0 * gamma^t}, with
 * the rounding of repeated multiplication, not of {@code pow}).
 */
public record ExponentialLr(double gamma) implements ScheduleSpec {

  static final HyperParam GAMMA =
      HyperParam.number("gamma", null, Check.NON_NEGATIVE, "multiplies lr at every step");

  static final ScheduleKind KIND =
      new ScheduleKind(
          "exponential",
          List.of(GAMMA),
          "Multiplies the lr by `gamma` at every step, as PyTorch's ExponentialLR: lr = lr * gamma "
              + "for t > 0, so lr = lr0 * gamma^t.",
          "exponential(gamma = 0.99)",
          v -> null,
          v -> new ExponentialLr(v.number(GAMMA)));

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(gamma, baseLr);
  }

  @Override
  public String toString() {
    return Specs.call(KIND, GAMMA, gamma);
  }

  private static final class Running extends LrSchedule {
    private final double gamma;

    Running(double gamma, double baseLr) {
      this.gamma = gamma;
      this.lr = baseLr;
    }

    @Override
    protected void advance(double loss) {
      lr = lr * gamma;
    }
  }
}

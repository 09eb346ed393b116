package dev.optlab.schedule;

import java.util.List;
import java.util.Set;

/**
 * {@code chain(A, B, ...)}: PyTorch's {@code ChainedScheduler}. Every schedule steps at every
 * step, in the order written, each starting from the lr the ones before it left at that step
 * (their chainable forms compose: {@code chain(linear(...), exponential(gamma = 0.95))} is a
 * warm-up and a decay at once). As in PyTorch, each is made with the optimizer's base lr as its
 * own base, and at step 0 each applies its first factor to the lr the previous ones left. Only
 * the schedules PyTorch writes in chainable form may be chained.
 */
public record ChainedSchedule(List<ScheduleSpec> parts) implements ScheduleSpec {
  private static final Set<Class<?>> CHAINABLE = Set.of(ConstantLr.class, LinearLr.class,
      StepLr.class, MultiStepLr.class, ExponentialLr.class, PolynomialLr.class,
      CosineAnnealingLr.class);

  /** Whether {@code spec} has a chainable form (its step reads the current lr). */
  public static boolean chainable(ScheduleSpec spec) {
    return CHAINABLE.contains(spec.getClass())
        || spec instanceof LambdaSchedule l && l.multiplicative();
  }

  public ChainedSchedule {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a chain needs a schedule");
    }
  }

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    LrSchedule[] running = new LrSchedule[parts.size()];
    double lr = baseLr;
    for (int k = 0; k < running.length; k++) {
      running[k] = (LrSchedule) parts.get(k).start(baseLr, baseMomentum);
      running[k].chainFrom(running[k].firstFrom(lr));
      lr = running[k].lr();
    }
    return new Running(running);
  }

  @Override
  public long maxSteps() {
    return parts.stream().mapToLong(ScheduleSpec::maxSteps).min().orElse(Long.MAX_VALUE);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("chain(");
    for (int k = 0; k < parts.size(); k++) {
      sb.append(k == 0 ? "" : ", ").append(parts.get(k));
    }
    return sb.append(')').toString();
  }

  private static final class Running extends LrSchedule {
    private final LrSchedule[] parts;

    Running(LrSchedule[] parts) {
      this.parts = parts;
      this.lr = parts[parts.length - 1].lr();
    }

    @Override
    protected void advance(double loss) {
      double shared = lr;
      for (LrSchedule s : parts) {
        s.chainFrom(shared);
        s.step(loss);
        shared = s.lr();
      }
      lr = shared;
    }

    @Override
    protected void saveMore(java.util.function.DoubleConsumer out) {
      for (LrSchedule s : parts) {
        s.save(out);
      }
    }

    @Override
    protected void restoreMore(java.util.PrimitiveIterator.OfDouble in) {
      for (LrSchedule s : parts) {
        s.restore(in);
      }
    }
  }
}

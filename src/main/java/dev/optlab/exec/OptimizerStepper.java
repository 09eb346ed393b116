package dev.optlab.exec;

import dev.optlab.optim.FloatRule;
import dev.optlab.optim.FloatState;
import dev.optlab.optim.GradientClip;
import dev.optlab.optim.OptimizerState;
import dev.optlab.optim.ParamLayout;
import dev.optlab.optim.RangeUpdate;
import dev.optlab.optim.UpdateRule;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.schedule.Schedule;
import dev.optlab.tensor.Threads;

/**
 * One optimizer inside a run, shared by {@link RunLoop} and {@link EpochLoop}: its update rule
 * and state, and the schedule that sets the learning rate and, for cyclic and onecycle, the
 * momentum each update uses.
 */
final class OptimizerStepper {
  private final UpdateRule rule;
  private final OptimizerState state;
  /** The float32 kernel and its state, for a run with dtype = float32; else null. */
  private final FloatRule floatRule;
  private final FloatState floatState;
  private final Schedule schedule;
  private final double baseLr;
  private final double baseMomentum;
  private final GradientClip clip;

  OptimizerStepper(ExecutionPlan.OptimizerPlan optimizer, ParamLayout parameters) {
    this(optimizer, parameters, false);
  }

  /** @param float32 whether the parameters are float32: only the float kernel's state is made */
  OptimizerStepper(ExecutionPlan.OptimizerPlan optimizer, ParamLayout parameters,
      boolean float32) {
    rule = optimizer.config().rule();
    floatRule = float32 ? rule.float32() : null; // the checker made sure there is one
    floatState = float32 ? floatRule.init(parameters.size()) : null;
    state = float32 ? null : rule.init(parameters);
    baseLr = optimizer.config().lr();
    baseMomentum = rule.momentum();
    clip = optimizer.clip();
    schedule = optimizer.schedule() == null ? null
        : optimizer.schedule().start(baseLr, baseMomentum);
  }

  /** The learning rate the next update uses. */
  double lr() {
    return schedule == null ? baseLr : schedule.lr();
  }

  /** The buffers a checkpoint holds, by PyTorch's names, flat (float32 ones widened exactly). */
  java.util.Map<String, double[]> savedBuffers() {
    return floatState == null ? state.saved() : FloatBuffers.saved(floatState, catalog());
  }

  /** The buffers that hold one value for all parameters ({@link OptimizerState#shared}). */
  java.util.Set<String> sharedBuffers() {
    return (state == null ? catalog() : state).shared();
  }

  /** Whether the parameters and state are float32, which a checkpoint writes as F32. */
  boolean float32() {
    return floatState != null;
  }

  /** The float64 rule's fresh state, for its buffers' names only: small, made when asked. */
  private OptimizerState catalog() {
    return rule.init(1);
  }

  /** What the schedule's {@code save} writes, or null without a schedule. */
  double[] scheduleState() {
    if (schedule == null) {
      return null;
    }
    java.util.stream.DoubleStream.Builder b = java.util.stream.DoubleStream.builder();
    schedule.save(b);
    return b.build().toArray();
  }

  /** Goes on from a checked checkpoint's optimizer and schedule state. */
  void restore(RunState s) {
    if (floatState != null) {
      FloatBuffers.load(floatState, s.step(), s.buffers(), catalog());
    } else {
      state.load(s.step(), s.buffers());
    }
    if (schedule != null) {
      schedule.restore(java.util.Arrays.stream(s.schedule()).iterator());
    }
  }

  /**
   * Updates {@code p} in place from its gradient {@code g}, with this step's lr and momentum;
   * clips {@code g} in place first when the run clips (as PyTorch's clip_grad_*_ do to .grad).
   * A large update of a rule that splits ({@link RangeUpdate}) runs on the tensor threads.
   */
  void update(double[] p, double[] g) {
    if (clip != null) {
      clip.apply(g);
    }
    if (rule instanceof RangeUpdate r && Threads.splitsElements(p.length)) {
      // in one chunk per thread: each parameter's update apart, the same bits (RangeUpdate)
      Threads.forElements(p.length, r.begin(p, g, lr(), momentum(), state)::run);
    } else {
      rule.update(p, g, lr(), momentum(), state);
    }
  }

  /** {@link #update(double[], double[])} for a float32 run. */
  void update(float[] p, float[] g) {
    if (clip != null) {
      clip.apply(g);
    }
    if (floatRule instanceof RangeUpdate.Floats r && Threads.splitsElements(p.length)) {
      Threads.forElements(p.length, r.begin(p, g, lr(), momentum(), floatState)::run);
    } else {
      floatRule.update(p, g, lr(), momentum(), floatState);
    }
  }

  /** The momentum the next update uses: the schedule's when it cycles momentum. */
  double momentum() {
    if (schedule != null) {
      double m = schedule.momentum();
      if (m == m) { // NaN: the schedule leaves momentum alone
        return m;
      }
    }
    return baseMomentum;
  }

  boolean hasSchedule() {
    return schedule != null;
  }

  /** Steps the schedule, which watches {@code loss} if it is a plateau. */
  void stepSchedule(double loss) {
    if (schedule != null) {
      schedule.step(loss);
    }
  }
}

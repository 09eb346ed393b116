package dev.optlab.exec;

import dev.optlab.optim.FloatRule;
import dev.optlab.optim.FloatState;
import dev.optlab.optim.GradientClip;
import dev.optlab.optim.OptimizerState;
import dev.optlab.optim.ParamGroups;
import dev.optlab.optim.ParamLayout;
import dev.optlab.optim.RangeUpdate;
import dev.optlab.optim.UpdateRule;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.OptimizerConfig;
import dev.optlab.rules.CompiledRule;
import dev.optlab.rules.RuleState;
import dev.optlab.schedule.Schedule;
import dev.optlab.schedule.ScheduleSpec;
import dev.optlab.tensor.Threads;
import java.util.List;

/**
 * One optimizer inside a run, shared by {@link RunLoop} and {@link EpochLoop}: its update rule
 * and state, and the schedule that sets the learning rate and, for cyclic and onecycle, the
 * momentum each update uses.
 *
 * <p>An optimizer with parameter groups (docs/language.md, "Parameter groups") steps each group in
 * turn, as PyTorch's {@code optimizer.step()} walks {@code param_groups}: the group's rule, state
 * and schedule, on its tensors only. A group that is not the whole array is gathered into scratch
 * arrays made once (exact copies), updated there and scattered back; nothing is allocated per step.
 * {@link #lr()} and {@link #momentum()} are the first group's (PyTorch's {@code
 * param_groups[0]}), which the trace shows.
 */
final class OptimizerStepper {
  private final Part[] parts;
  private final GradientClip clip;

  /** One group's rule, state and schedule, and where its tensors lie in the flat arrays. */
  private static final class Part {
    final UpdateRule rule;
    final OptimizerState state;
    /** The float32 kernel and its state, for a run with dtype = float32; else null. */
    final FloatRule floatRule;
    final FloatState floatState;
    final Schedule schedule;
    final double baseLr;
    final double baseMomentum;
    /** Runs of consecutive elements: start in the flat array, length; null for the whole array. */
    final int[] from;
    final int[] length;
    final double[] p;
    final double[] g;
    final float[] pf;
    final float[] gf;

    Part(OptimizerConfig config, ScheduleSpec scheduleSpec, ParamLayout all, int[] tensors,
        boolean float32) {
      ParamLayout mine = tensors == null ? all : ParamGroups.sub(all, tensors);
      int n = mine.size();
      rule = config.rule();
      floatRule = float32 ? rule.float32() : null; // the checker made sure there is one
      floatState = float32 ? floatRule.init(n) : null;
      state = float32 ? null : rule.init(mine);
      baseLr = config.lr();
      baseMomentum = rule.momentum();
      schedule = scheduleSpec == null ? null : scheduleSpec.start(baseLr, baseMomentum);
      if (tensors == null) {
        from = null;
        length = null;
      } else {
        int[][] runs = runs(all, tensors);
        from = runs[0];
        length = runs[1];
      }
      boolean scratch = from != null;
      p = scratch && !float32 ? new double[n] : null;
      g = scratch && !float32 ? new double[n] : null;
      pf = scratch && float32 ? new float[n] : null;
      gf = scratch && float32 ? new float[n] : null;
    }

    double lr() {
      return schedule == null ? baseLr : schedule.lr();
    }

    /**
     * One update of exactly these arrays; a large update of a rule that splits ({@link
     * RangeUpdate}) runs on the tensor threads, in one chunk per thread: the same bits.
     */
    private void step(double[] p, double[] g) {
      if (rule instanceof RangeUpdate r && Threads.splitsElements(p.length) && r.splits(state)) {
        Threads.forElements(p.length, r.begin(p, g, lr(), momentum(), state)::run);
      } else {
        rule.update(p, g, lr(), momentum(), state);
      }
    }

    private void step(float[] p, float[] g) {
      if (floatRule instanceof RangeUpdate.Floats r && Threads.splitsElements(p.length)) {
        Threads.forElements(p.length, r.begin(p, g, lr(), momentum(), floatState)::run);
      } else {
        floatRule.update(p, g, lr(), momentum(), floatState);
      }
    }

    /** The float64 rule's fresh state, for its buffers' names only: small, made when asked. */
    OptimizerState catalog() {
      return rule.init(1);
    }

    double momentum() {
      if (schedule != null) {
        double m = schedule.momentum();
        if (m == m) { // NaN: the schedule leaves momentum alone
          return m;
        }
      }
      return baseMomentum;
    }

    void update(double[] allP, double[] allG) {
      if (from == null) {
        step(allP, allG);
        return;
      }
      int at = 0;
      for (int r = 0; r < from.length; r++) {
        System.arraycopy(allP, from[r], p, at, length[r]);
        System.arraycopy(allG, from[r], g, at, length[r]);
        at += length[r];
      }
      step(p, g);
      at = 0;
      for (int r = 0; r < from.length; r++) {
        System.arraycopy(p, at, allP, from[r], length[r]);
        at += length[r];
      }
    }

    void update(float[] allP, float[] allG) {
      if (from == null) {
        step(allP, allG);
        return;
      }
      int at = 0;
      for (int r = 0; r < from.length; r++) {
        System.arraycopy(allP, from[r], pf, at, length[r]);
        System.arraycopy(allG, from[r], gf, at, length[r]);
        at += length[r];
      }
      step(pf, gf);
      at = 0;
      for (int r = 0; r < from.length; r++) {
        System.arraycopy(pf, at, allP, from[r], length[r]);
        at += length[r];
      }
    }
  }

  /** The tensors' elements as runs of consecutive ones: {starts, lengths}. */
  private static int[][] runs(ParamLayout all, int[] tensors) {
    java.util.List<int[]> runs = new java.util.ArrayList<>();
    for (int i : tensors) {
      ParamLayout.Tensor t = all.tensors().get(i);
      int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && last[0] + last[1] == t.offset()) {
        last[1] += t.size();
      } else {
        runs.add(new int[] {t.offset(), t.size()});
      }
    }
    return new int[][] {runs.stream().mapToInt(r -> r[0]).toArray(),
        runs.stream().mapToInt(r -> r[1]).toArray()};
  }

  OptimizerStepper(ExecutionPlan.OptimizerPlan optimizer, ParamLayout parameters) {
    this(optimizer, parameters, false);
  }

  /** @param float32 whether the parameters are float32: only the float kernel's state is made */
  OptimizerStepper(ExecutionPlan.OptimizerPlan optimizer, ParamLayout parameters,
      boolean float32) {
    clip = optimizer.clip();
    OptimizerConfig config = optimizer.config();
    if (!config.isGrouped()) {
      parts = new Part[] {new Part(config, optimizer.schedule(), parameters, null, float32)};
      return;
    }
    List<int[]> tensors = ParamGroups.assign(parameters, config.selectors()); // checked
    parts = new Part[tensors.size()];
    for (int i = 0; i < parts.length; i++) {
      OptimizerConfig group = config.groups().get(i).config();
      int[] mine = tensors.get(i);
      boolean whole = mine.length == parameters.tensors().size();
      parts[i] = new Part(group, group.schedule(), parameters, whole ? null : mine, float32);
    }
  }

  /** The learning rate the next update uses: the first group's. */
  double lr() {
    return parts[0].lr();
  }

  /** The buffers a checkpoint holds, by PyTorch's names, flat (float32 ones widened exactly). */
  java.util.Map<String, double[]> savedBuffers() {
    Part part = single();
    return part.floatState == null ? part.state.saved()
        : FloatBuffers.saved(part.floatState, part.catalog());
  }

  /** Tensor {@code i}'s buffers with their own shapes (a user rule's), or null. */
  java.util.Map<String, OptimizerState.Buffer> tensorBuffers(int i) {
    Part part = single();
    return part.state == null ? null : part.state.tensorBuffers(i);
  }

  /** The buffers that hold one value for all parameters ({@link OptimizerState#shared}). */
  java.util.Set<String> sharedBuffers() {
    Part part = single();
    return (part.state == null ? part.catalog() : part.state).shared();
  }

  /** Whether the parameters and state are float32, which a checkpoint writes as F32. */
  boolean float32() {
    return parts[0].floatState != null;
  }

  private Part single() {
    if (parts.length != 1) {
      throw new IllegalStateException("a checkpoint of parameter groups"); // the checker refuses
    }
    return parts[0];
  }

  /** What the schedule's {@code save} writes, or null without a schedule. */
  double[] scheduleState() {
    Schedule schedule = single().schedule;
    if (schedule == null) {
      return null;
    }
    java.util.stream.DoubleStream.Builder b = java.util.stream.DoubleStream.builder();
    schedule.save(b);
    return b.build().toArray();
  }

  /** Goes on from a checked checkpoint's optimizer and schedule state. */
  void restore(RunState s) {
    Part part = single();
    if (part.floatState != null) {
      FloatBuffers.load(part.floatState, s.step(), s.buffers(), part.catalog());
    } else {
      part.state.load(s.step(), s.buffers());
    }
    if (part.schedule != null) {
      part.schedule.restore(java.util.Arrays.stream(s.schedule()).iterator());
    }
  }

  /**
   * Updates {@code p} in place from its gradient {@code g}, with this step's lr and momentum;
   * clips {@code g} in place first when the run clips (as PyTorch's clip_grad_*_ do to .grad).
   */
  void update(double[] p, double[] g) {
    if (clip != null) {
      clip.apply(g);
    }
    for (Part part : parts) {
      part.update(p, g);
    }
  }

  /** {@link #update(double[], double[])} for a float32 run. */
  void update(float[] p, float[] g) {
    if (clip != null) {
      clip.apply(g);
    }
    for (Part part : parts) {
      part.update(p, g);
    }
  }

  /**
   * Whether the trace reports another point than the parameters: a rule with {@code eval = ...}
   * (schedule-free methods report x while p holds the gradient point y).
   */
  boolean hasEvalPoint() {
    // one optimizer over the whole array; a rule with eval inside parameter groups is traced
    // at p (docs/rules.md)
    return parts.length == 1 && parts[0].from == null
        && parts[0].rule instanceof CompiledRule r && r.def().hasEval();
  }

  /** The point the trace reports, written into {@code out} (p itself before the first update). */
  void evalPoint(double[] p, double[] out) {
    ((CompiledRule) parts[0].rule).evalPoint(p, out, (RuleState) parts[0].state);
  }

  /** The momentum the next update uses (the first group's): the schedule's when it cycles. */
  double momentum() {
    return parts[0].momentum();
  }

  boolean hasSchedule() {
    for (Part part : parts) {
      if (part.schedule != null) {
        return true;
      }
    }
    return false;
  }

  /** Steps each schedule, which watches {@code loss} if it is a plateau. */
  void stepSchedule(double loss) {
    for (Part part : parts) {
      if (part.schedule != null) {
        part.schedule.step(loss);
      }
    }
  }
}

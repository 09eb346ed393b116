package dev.optlab.check;

import dev.optlab.ast.RunSpec;
import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.GradientClip;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.OptimizerConfig;
import dev.optlab.plan.StopCondition;
import dev.optlab.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides everything about a run that can be decided before it starts: the default trace
 * interval, one kernel and schedule per optimizer, the sinks.
 */
public final class Planner {
  private Planner() {}

  /** A checked optimizer with the name its trace rows carry. */
  public record NamedOptimizer(String runName, OptimizerConfig config) {}

  public static ExecutionPlan plan(Span span, boolean compare, Declaration.Objective objective,
      double[] start, List<NamedOptimizer> optimizers, long steps, Long every,
      StopCondition until, Path traceFile, Span traceSpan, GradientClip clip) {
    List<ExecutionPlan.OptimizerPlan> plans = optimizerPlans(optimizers, clip);
    var objectivePlan = new ExecutionPlan.ObjectivePlan(objective.name(), objective.params(),
        objective.function(), start.clone());
    long interval = every != null ? every : defaultEvery(steps);
    return new ExecutionPlan(span, compare, objectivePlan, plans,
        new ExecutionPlan.LoopPlan(steps, interval, until), traceFile, traceSpan);
  }

  /** Each optimizer's plan; every one clips the gradient alike. */
  static List<ExecutionPlan.OptimizerPlan> optimizerPlans(List<NamedOptimizer> optimizers,
      GradientClip clip) {
    List<ExecutionPlan.OptimizerPlan> plans = new ArrayList<>();
    for (NamedOptimizer o : optimizers) {
      plans.add(new ExecutionPlan.OptimizerPlan(o.runName(), o.config(), o.config().schedule(),
          clip));
    }
    return plans;
  }

  /**
   * A run's gradient clipping, or null: {@code ends} are where its parameter tensors end in the
   * flat gradient (PyTorch's clip_grad_norm_ takes the norm of each tensor, then of those norms).
   * The value must be at least 0: PyTorch clamps to [-X, X] with a negative X to a constant, and
   * scales by a negative max_norm, flipping every gradient.
   */
  static GradientClip clip(Values values, RunSpec.Clip c, int[] ends) {
    if (c == null) {
      return null;
    }
    double v = values.number(c.value());
    if (!(v >= 0)) {
      throw values.error(c.value().span(), c.option() + " must be >= 0, got "
          + HyperValues.formatNumber(v));
    }
    return c.norm() ? GradientClip.norm(v, ends) : GradientClip.value(v);
  }

  /** About ten rows: every {@code ceil(steps / 10)}-th step (LANGUAGE.md section 3). */
  static long defaultEvery(long steps) {
    return Math.max(1, (steps + 9) / 10);
  }
}

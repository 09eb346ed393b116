package dev.optlab.check;

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
      StopCondition until, Path traceFile, Span traceSpan) {
    List<ExecutionPlan.OptimizerPlan> plans = new ArrayList<>();
    for (NamedOptimizer o : optimizers) {
      plans.add(new ExecutionPlan.OptimizerPlan(o.runName(), o.config(), o.config().schedule()));
    }
    var objectivePlan = new ExecutionPlan.ObjectivePlan(objective.name(), objective.params(),
        objective.function(), start.clone());
    long interval = every != null ? every : defaultEvery(steps);
    return new ExecutionPlan(span, compare, objectivePlan, plans,
        new ExecutionPlan.LoopPlan(steps, interval, until), traceFile, traceSpan);
  }

  /** About ten rows: every {@code ceil(steps / 10)}-th step (LANGUAGE.md section 3). */
  static long defaultEvery(long steps) {
    return Math.max(1, (steps + 9) / 10);
  }
}

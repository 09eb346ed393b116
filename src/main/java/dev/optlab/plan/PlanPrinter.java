package dev.optlab.plan;

import dev.optlab.optim.OptimizerState;
import dev.optlab.optim.ParamGroups;
import dev.optlab.optim.ParamLayout;
import dev.optlab.optim.UpdateRule;
import java.util.List;
import dev.optlab.rules.CompiledRule;

/** Prints an {@link ExecutionPlan} for {@code explain}: the very structure the executor runs. */
public final class PlanPrinter {
  private PlanPrinter() {}

  public static String print(ExecutionPlan plan) {
    if (plan.training() != null) {
      return TrainingPlanPrinter.print(plan);
    }
    StringBuilder sb = new StringBuilder();
    ExecutionPlan.ObjectivePlan objective = plan.objective();
    sb.append("plan: ").append(plan.compare() ? "compare " : "run ")
        .append(String.join(", ", plan.optimizers().stream()
            .map(ExecutionPlan.OptimizerPlan::runName).toList()))
        .append(" on ").append(objective.name()).append('\n');
    sb.append("  objective ").append(objective.name()).append('(')
        .append(String.join(", ", objective.params())).append("): ")
        .append(objective.function().operationCount()).append(" operations, value and gradient\n")
        .append("  ").append(objective.function().execution()).append('\n');
    for (String op : objective.function().listing()) {
      sb.append("    ").append(op).append('\n');
    }
    sb.append("  start ").append(Points.formatExact(objective.params(), objective.start()))
        .append('\n');
    int n = objective.params().size();
    for (ExecutionPlan.OptimizerPlan o : plan.optimizers()) {
      UpdateRule rule = o.config().rule();
      sb.append("  optimizer ").append(o.runName()).append(": ")
          .append(o.describe()).append('\n');
      if (groups(sb, plan, o)) {
        continue;
      }
      if (rule instanceof CompiledRule r) {
        ruleKernel(sb, r, plan);
      } else {
        sb.append("    kernel ").append(rule.getClass().getSimpleName())
            .append(", state: step").append(buffers(rule.init(n))).append('\n');
      }
      sb.append("    lr ").append(o.schedule() == null ? "constant " + o.config().lr()
          : "schedule " + scheduleText(o)
              + (o.schedule().cyclesMomentum() ? " (also cycles the momentum)" : ""))
          .append('\n');
    }
    ExecutionPlan.LoopPlan loop = plan.loop();
    sb.append("  loop: ").append(loop.steps()).append(" steps, a row every ")
        .append(loop.every()).append(loop.every() == 1 ? " step" : " steps")
        .append(loop.until() == null ? "" : ", until " + loop.until())
        .append(", stop at a non-finite loss");
    if (plan.compare() && plan.optimizers().size() > 1) {
      sb.append(", optimizers in parallel");
    }
    sb.append('\n');
    sb.append("  sinks: ").append(plan.compare() ? "summary table, best final loss first"
        : "trace table").append(plan.traceFile() == null ? ""
        : "; every step to \"" + plan.traceFile() + "\" (written whole at the end)").append('\n');
    return sb.toString();
  }

  /**
   * For an optimizer with parameter groups, a line per group (its tensors, kernel, state and lr);
   * returns whether it had groups.
   */
  static boolean groups(StringBuilder sb, ExecutionPlan plan, ExecutionPlan.OptimizerPlan o) {
    if (!o.config().isGrouped()) {
      return false;
    }
    ParamLayout layout = plan.layout();
    List<int[]> tensors = ParamGroups.assign(layout, o.config().selectors());
    for (int g = 0; g < tensors.size(); g++) {
      OptimizerConfig part = o.config().groups().get(g).config();
      ParamLayout mine = ParamGroups.sub(layout, tensors.get(g));
      UpdateRule rule = part.rule();
      OptimizerState state = rule.init(mine);
      sb.append("    group ").append(g + 1).append(" for ")
          .append(o.config().groups().get(g).selector()).append(": ")
          .append(mine.tensors().isEmpty() ? "no tensors" : String.join(", ",
              mine.tensors().stream().map(ParamLayout.Tensor::describe).toList()))
          .append('\n');
      sb.append("      ").append(part.describe()).append('\n');
      if (rule instanceof CompiledRule r) { // a rule's program for the group's tensors
        ruleKernel(sb, r, mine, "      ");
      } else {
        sb.append("      kernel ").append(rule.getClass().getSimpleName())
            .append(", state: step").append(buffers(state)).append('\n');
      }
      sb.append("      lr ").append(part.schedule() == null ? "constant " + part.lr()
          : "schedule " + part.scheduleText()).append('\n');
    }
    sb.append("    the trace's lr is group 1's\n");
    return true;
  }

  /** A declared schedule by name and definition: {@code halve = schedule halve(t) = ...}. */
  private static String scheduleText(ExecutionPlan.OptimizerPlan o) {
    String text = o.config().scheduleText();
    String definition = o.schedule().toString();
    return definition.equals(text) ? text : text + ": " + definition;
  }

  /** {@code , exp_avg[2], exp_avg_sq[2]}: each buffer with its size. */
  private static String buffers(OptimizerState state) {
    StringBuilder sb = new StringBuilder();
    state.buffers().forEach((name, values) ->
        sb.append(", ").append(name).append('[').append(values.length).append(']'));
    return sb.toString();
  }

  /** A user-defined rule's kernel: its program per parameter shape (rules/KernelText). */
  static void ruleKernel(StringBuilder sb, CompiledRule r, ExecutionPlan plan) {
    ruleKernel(sb, r, plan.layout(), "    ");
  }

  /** The same for the tensors of {@code layout} (a parameter group's), indented so. */
  private static void ruleKernel(StringBuilder sb, CompiledRule r, ParamLayout layout,
      String indent) {
    sb.append(indent).append("kernel: rule ").append(r.def().name())
        .append(", compiled for each parameter shape\n");
    for (String line : r.explain(layout)) {
      sb.append(indent).append("  ").append(line).append('\n');
    }
  }
}

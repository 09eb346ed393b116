package dev.optlab.plan;

import dev.optlab.optim.OptimizerState;
import dev.optlab.optim.UpdateRule;
import dev.optlab.rules.CompiledRule;
import dev.optlab.tensor.Model;

/** {@code explain} for a plan that trains a tensor objective on data (docs/tensors.md). */
final class TrainingPlanPrinter {
  private TrainingPlanPrinter() {}

  static String print(ExecutionPlan plan) {
    TrainingPlan t = plan.training();
    Model m = t.model();
    StringBuilder sb = new StringBuilder();
    sb.append("plan: ").append(plan.compare() ? "compare " : "run ")
        .append(String.join(", ", plan.optimizers().stream()
            .map(ExecutionPlan.OptimizerPlan::runName).toList()))
        .append(" on ").append(m.name()).append('\n');
    if (t.data() != null) {
      sb.append("  data ").append(t.data().describe()).append('\n');
    }
    sb.append("  parameters: ").append(m.size()).append(" in one vector\n");
    for (Model.Param q : m.params()) {
      sb.append("    ").append(q.name()).append(q.shape()).append(" at ").append(q.offset())
          .append(", starts ").append(q.init()).append('\n');
    }
    sb.append("  objective ").append(m.name()).append(": ").append(m.nodes().size())
        .append(" nodes, value and gradient").append(m.rowMean() ? ", a mean over rows" : "")
        .append('\n');
    for (String line : m.listing()) {
      sb.append("    ").append(line).append('\n');
    }
    for (ExecutionPlan.OptimizerPlan o : plan.optimizers()) {
      UpdateRule rule = o.config().rule();
      sb.append("  optimizer ").append(o.runName()).append(": ").append(o.describe())
          .append('\n');
      if (PlanPrinter.groups(sb, plan, o)) {
        continue;
      }
      if (rule instanceof CompiledRule r) {
        PlanPrinter.ruleKernel(sb, r, plan);
      } else {
        OptimizerState state = rule.init(0);
        sb.append("    kernel ").append(rule.getClass().getSimpleName()).append(", state: step");
        for (String b : state.bufferNames()) {
          sb.append(", ").append(b).append('[').append(m.size()).append(']');
        }
        sb.append('\n');
      }
      sb.append("    lr ").append(o.schedule() == null ? "constant " + o.config().lr()
          : "schedule " + o.config().scheduleText() + (t.perEpoch() ? ", stepped per epoch"
          : ", stepped per update")).append('\n');
    }
    ExecutionPlan.LoopPlan loop = plan.loop();
    sb.append("  loop: ").append(t.describe()).append("; ").append(loop.steps())
        .append(" updates (").append(t.stepsPerEpoch()).append(" per epoch), rows shuffled "
            + "each epoch, a row every ").append(loop.every()).append(loop.every() == 1
            ? " update" : " updates").append(loop.until() == null ? "" : ", until " + loop.until())
        .append(", stop at a non-finite loss");
    if (plan.compare() && plan.optimizers().size() > 1) {
      sb.append(", optimizers in parallel from the same weights and minibatches");
    }
    sb.append('\n');
    sb.append("  buffers: planned once for ").append(t.chunk()).append(" rows a pass")
        .append(t.data() != null && t.chunk() < Math.max(t.data().train().rows(),
            t.data().test().rows()) ? "; losses over more rows are taken in chunks" : "")
        .append('\n');
    sb.append("  rows: loss and grad_norm over the ").append(t.data() == null ? "objective"
        : t.data().train().rows() + " training rows").append(", ")
        .append(String.join(", ", t.columns())).append('\n');
    return sb.toString();
  }
}

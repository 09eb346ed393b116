package dev.optlab.check;

import dev.optlab.optim.ParamGroups;
import dev.optlab.optim.ParamLayout;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.OptimizerConfig;
import dev.optlab.rules.CompiledRule;
import dev.optlab.source.Span;
import java.util.List;

/**
 * Compiles each user-defined rule of a planned run for the parameter tensors it will update (all
 * of them, or its group's), so that a rule that cannot update one of them (a matrix product on a
 * vector) is reported at the statement that runs it, naming the parameter and its shape, before
 * anything runs.
 */
final class RuleShapes {
  private RuleShapes() {}

  static void check(Values values, ExecutionPlan plan, Span span) {
    ParamLayout layout = plan.layout();
    for (ExecutionPlan.OptimizerPlan o : plan.optimizers()) {
      OptimizerConfig config = o.config();
      List<OptimizerConfig> parts = config.parts();
      List<int[]> tensors = config.isGrouped()
          ? ParamGroups.assign(layout, config.selectors()) : null;
      for (int i = 0; i < parts.size(); i++) {
        if (parts.get(i).rule() instanceof CompiledRule r) {
          ParamLayout seen = tensors == null ? layout : ParamGroups.sub(layout, tensors.get(i));
          String problem = r.def().problemWith(parts.get(i).values(), seen);
          if (problem != null) {
            throw values.error(span, problem);
          }
        }
      }
    }
  }
}

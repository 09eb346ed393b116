package dev.optlab.check;

import dev.optlab.ast.OptimizerSpec;
import dev.optlab.ast.RunSpec;
import dev.optlab.optim.ParamGroups;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.OptimizerConfig;
import dev.optlab.source.Span;
import java.util.List;

/**
 * Checks a run's parameter groups (docs/language.md, "Parameter groups") against its objective's
 * tensors, at the run statement, before anything runs: every name is a parameter, none is in two
 * groups, none is left without an optimizer; each group's schedule lasts the run; checkpoints of
 * a grouped optimizer are refused (their state would need a file per group).
 */
final class ParamGroupCheck {
  private ParamGroupCheck() {}

  static void check(Values values, RunSpec spec, ExecutionPlan plan) {
    for (int i = 0; i < plan.optimizers().size(); i++) {
      ExecutionPlan.OptimizerPlan o = plan.optimizers().get(i);
      if (!o.config().isGrouped()) {
        continue;
      }
      OptimizerSpec written = spec.optimizers().get(i);
      check(values, written, o.config(), plan);
      if (spec.checkpoint() != null) {
        RunSpec.Checkpoint c = spec.checkpoint();
        throw values.error(c.save() != null ? c.saveSpan() : c.resumeSpan(), "checkpoints of an "
            + "optimizer with parameter groups are not supported yet; run it without "
            + "'checkpoint' and 'resume' (from \"FILE\" may start it from a checkpoint's "
            + "parameters)");
      }
    }
  }

  /** The groups of {@code config}, written as {@code written}, against {@code plan}'s tensors. */
  static void check(Values values, OptimizerSpec written, OptimizerConfig config,
      ExecutionPlan plan) {
    try {
      ParamGroups.assign(plan.layout(), config.selectors(), plan.objective().name());
    } catch (ParamGroups.Problem p) {
      throw values.error(where(written, p, plan.span()), p.getMessage());
    }
    long steps = plan.training() == null ? plan.loop().steps()
        : plan.training().scheduleSteps(plan.loop().steps());
    List<OptimizerConfig.Group> groups = config.groups();
    for (int g = 0; g < groups.size(); g++) {
      var schedule = groups.get(g).config().schedule();
      if (schedule != null && schedule.maxSteps() < steps) {
        throw values.error(written.isGrouped() ? written.groups().get(g).optimizer().span()
            : written.span(), "this run steps the schedule of group " + (g + 1) + " ("
            + groups.get(g).selector() + ") " + steps + " times, but it lasts "
            + schedule.maxSteps() + "; run fewer steps or lengthen the schedule");
      }
    }
  }

  /**
   * The name at fault when the groups are written in this statement; else the optimizer as
   * written here (a declared name), since the fault is in this run's objective.
   */
  private static Span where(OptimizerSpec written, ParamGroups.Problem p, Span statement) {
    if (!written.isGrouped()) {
      return written.span();
    }
    if (p.group < 0) {
      return written.span();
    }
    OptimizerSpec.Group g = written.groups().get(p.group);
    return p.name >= 0 && p.name < g.names().size() ? g.names().get(p.name).span()
        : g.selectorSpan();
  }
}

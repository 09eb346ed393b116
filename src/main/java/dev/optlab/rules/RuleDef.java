package dev.optlab.rules;

import dev.optlab.ast.RuleLine;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.MomentumSlot;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.ParamLayout;
import dev.optlab.source.Source;
import java.util.List;

/**
 * A checked {@code rule} statement: its hyperparameters (defaults and range checks as the
 * built-ins'), its body, and the text as written ({@code :help NAME}, {@code :save}). The body is
 * compiled for each parameter tensor when a run starts ({@link #compile}); the checker compiles it
 * once more for the run's parameters beforehand, so a shape error is reported at the statement.
 *
 * @param source the source the rule was written in (its lines are quoted in shape errors)
 */
public record RuleDef(String name, List<HyperParam> params, List<RuleLine> body, String text,
    Source source) {
  public RuleDef {
    params = List.copyOf(params);
    body = List.copyOf(body);
  }

  /** The rule as an optimizer kind, which the optimizer resolver binds like a built-in. */
  public OptimizerKind kind() {
    return new OptimizerKind(name, params, MomentumSlot.NONE, text,
        "a user-defined rule (docs/rules.md)", name + "()", h -> null,
        h -> new CompiledRule(this, h));
  }

  /** Whether the rule reports an evaluation point ({@code eval = ...}). */
  public boolean hasEval() {
    return body.stream().anyMatch(l -> l instanceof RuleLine.Eval);
  }

  /** The program for {@code tensor} with these hyperparameter values. */
  TensorProgram compile(HyperValues values, ParamLayout.Tensor tensor) {
    return new RuleCompiler(this, values, tensor).compile();
  }

  /** The once-per-step part ({@code once { ... }}), compiled on its own; null without one. */
  TensorProgram compileOnce(HyperValues values) {
    return new RuleCompiler(this, values, null).compileOnce();
  }

  /**
   * Compiles the rule for every tensor of {@code layout}, returning the first problem (a
   * sentence naming the parameter and its shape, and the line of the rule), or null.
   */
  public String problemWith(HyperValues values, ParamLayout layout) {
    try {
      compileOnce(values);
      for (ParamLayout.Tensor t : layout.tensors()) {
        compile(values, t);
      }
      return null;
    } catch (RuleError e) {
      return e.getMessage();
    }
  }
}

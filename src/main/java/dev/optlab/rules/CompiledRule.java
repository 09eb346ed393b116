package dev.optlab.rules;

import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.OptimizerState;
import dev.optlab.optim.ParamLayout;
import dev.optlab.optim.UpdateRule;
import java.util.List;

/**
 * A user-defined rule with its hyperparameters fixed: compiled for each parameter tensor of a run
 * when the run starts ({@link #init(ParamLayout)}), then run tensor by tensor at every update, as
 * PyTorch's per-parameter loop does. States are made at the first update, from the parameters of
 * that moment (PyTorch's lazily created {@code state[p]}).
 */
public final class CompiledRule implements UpdateRule {
  private final RuleDef def;
  private final HyperValues values;
  private final boolean generate;
  /** {@link RuleDef#hasEval}, once: it streams over the body, which would allocate per step. */
  private final boolean hasEval;

  CompiledRule(RuleDef def, HyperValues values) {
    this(def, values, true);
  }

  /** With {@code generate} false the programs run in the {@link Interpreter} (tests compare). */
  CompiledRule(RuleDef def, HyperValues values, boolean generate) {
    this.def = def;
    this.values = values;
    this.generate = generate;
    this.hasEval = def.hasEval();
  }

  public RuleDef def() {
    return def;
  }

  @Override
  public OptimizerState init(int n) {
    return init(new ParamLayout(List.of(new ParamLayout.Tensor("params", new int[] {n}, 0, n))));
  }

  @Override
  public RuleState init(ParamLayout layout) {
    TensorProgram once = def.compileOnce(values);
    TensorProgram[] programs = new TensorProgram[layout.tensors().size()];
    for (int i = 0; i < programs.length; i++) {
      programs[i] = def.compile(values, layout.tensors().get(i));
    }
    return new RuleState(layout, once, programs, generate);
  }

  @Override
  public void update(double[] p, double[] g, double lr, double momentum, OptimizerState state) {
    RuleState s = (RuleState) state;
    long t = ++s.step;
    if (!s.started) {
      s.start(p);
    }
    double[] shared = s.onceSlots;
    shared[TensorProgram.T_SLOT] = t;
    shared[TensorProgram.LR_SLOT] = lr;
    s.runOnce();
    for (RuleState.PerTensor k : s.tensors) {
      double[] slots = k.slots;
      slots[TensorProgram.T_SLOT] = t;
      slots[TensorProgram.LR_SLOT] = lr;
      System.arraycopy(shared, TensorProgram.FIRST_SHARED, slots, TensorProgram.FIRST_SHARED,
          s.once.sharedSlots());
      k.arrays[TensorProgram.P] = p;
      k.arrays[TensorProgram.G] = g;
      k.runBody();
    }
  }

  /**
   * Writes the point the trace reports into {@code out}: the rule's {@code eval} expression for
   * each tensor, or the parameters themselves (before the first update, or without {@code eval}).
   */
  public void evalPoint(double[] p, double[] out, RuleState s) {
    if (!hasEval || !s.started) {
      System.arraycopy(p, 0, out, 0, p.length);
      return;
    }
    for (RuleState.PerTensor k : s.tensors) {
      k.arrays[TensorProgram.P] = p;
      k.arrays[TensorProgram.EVAL] = out;
      k.runEval();
    }
  }

  /**
   * What {@code explain} prints for this rule on {@code layout}: the program of each distinct
   * parameter shape, its passes, reductions, matrix products, states and scratch.
   */
  public List<String> explain(ParamLayout layout) {
    return KernelText.describe(def, values, layout);
  }

  @Override
  public double momentum() {
    return 0;
  }
}

package dev.optlab.rules;

import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.OptimizerState;
import dev.optlab.optim.ParamLayout;
import dev.optlab.optim.RangeUpdate;
import dev.optlab.optim.UpdateRule;
import java.util.List;

/**
 * A user-defined rule with its hyperparameters fixed: compiled for each parameter tensor of a run
 * when the run starts ({@link #init(ParamLayout)}), then run tensor by tensor at every update, as
 * PyTorch's per-parameter loop does. States are made at the first update, from the parameters of
 * that moment (PyTorch's lazily created {@code state[p]}).
 */
public final class CompiledRule implements UpdateRule, RangeUpdate {
  private static final Ranges NOTHING_LEFT = (from, to) -> { };

  private final RuleDef def;
  private final HyperValues values;
  private final boolean generate;
  /** Whether an element-wise rule runs over all parameters at once ({@link FlatProgram}). */
  private final boolean flatten;
  /** {@link RuleDef#hasEval}, once: it streams over the body, which would allocate per step. */
  private final boolean hasEval;

  CompiledRule(RuleDef def, HyperValues values) {
    this(def, values, true);
  }

  /** With {@code generate} false the programs run in the {@link Interpreter} (tests compare). */
  CompiledRule(RuleDef def, HyperValues values, boolean generate) {
    this(def, values, generate, true);
  }

  /** With {@code flatten} false every rule runs tensor by tensor (FlatProgramTest compares). */
  CompiledRule(RuleDef def, HyperValues values, boolean generate, boolean flatten) {
    this.def = def;
    this.values = values;
    this.generate = generate;
    this.flatten = flatten;
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
    return new RuleState(layout, once, programs, flatten ? FlatProgram.of(programs, layout) : null, generate);
  }

  @Override
  public void update(double[] p, double[] g, double lr, double momentum, OptimizerState state) {
    RuleState s = (RuleState) state;
    startStep(p, lr, s);
    for (RuleState.PerTensor k : s.tensors) {
      bind(k, p, g, lr, s);
      k.runBody();
    }
  }

  @Override
  public boolean splits(OptimizerState state) {
    return ((RuleState) state).splitPass != null;
  }

  /**
   * A flat rule of one pass ({@link FlatProgram#split}) runs its scalar steps here and returns
   * the pass, which the caller runs over ranges, on several threads: each element is computed as
   * in {@link #update}, so the bits are the same. Any other rule updates here, all of it.
   */
  @Override
  public Ranges begin(double[] p, double[] g, double lr, double momentum, OptimizerState state) {
    RuleState s = (RuleState) state;
    Kernel pass = s.splitPass;
    if (pass == null) {
      update(p, g, lr, momentum, state);
      return NOTHING_LEFT;
    }
    startStep(p, lr, s);
    RuleState.PerTensor k = s.tensors[0];
    bind(k, p, g, lr, s);
    if (s.splitPrefix != null) {
      s.splitPrefix.run(k.arrays, k.offsets, k.slots, null);
    }
    double[][] arrays = k.arrays;
    double[] slots = k.slots;
    return (from, to) -> pass.range(arrays, null, slots, from, to);
  }

  /** Counts the step, makes the states at the first, and runs the {@code once} block. */
  private static void startStep(double[] p, double lr, RuleState s) {
    long t = ++s.step;
    if (!s.started) {
      s.start(p);
    }
    double[] shared = s.onceSlots;
    shared[TensorProgram.T_SLOT] = t;
    shared[TensorProgram.LR_SLOT] = lr;
    s.runOnce();
  }

  /** Gives a tensor's program this step's scalars, the shared ones, and the run's arrays. */
  private static void bind(RuleState.PerTensor k, double[] p, double[] g, double lr,
      RuleState s) {
    double[] slots = k.slots;
    slots[TensorProgram.T_SLOT] = s.step;
    slots[TensorProgram.LR_SLOT] = lr;
    System.arraycopy(s.onceSlots, TensorProgram.FIRST_SHARED, slots, TensorProgram.FIRST_SHARED,
        s.once.sharedSlots());
    k.arrays[TensorProgram.P] = p;
    k.arrays[TensorProgram.G] = g;
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

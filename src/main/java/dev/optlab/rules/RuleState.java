package dev.optlab.rules;

import dev.optlab.optim.OptimizerState;
import dev.optlab.optim.ParamLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's state in a run: per parameter tensor its compiled program, its state arrays and
 * scratch, its scalar slots and registers; plus the {@code once} block's slots, where the shared
 * scalars live. Everything is allocated when the run starts; an update allocates nothing.
 */
public final class RuleState extends OptimizerState {
  final ParamLayout layout;
  final TensorProgram once;
  final double[] onceSlots;
  final double[][] onceArrays;
  final int[] onceOffsets;
  final double[] onceRegs;
  final Kernel onceKernel;
  final int[] onceDims;
  /**
   * What runs at an update: a program per tensor of the layout, or one {@link FlatProgram} over
   * all of them ({@link #flat}).
   */
  final PerTensor[] tensors;
  /** Whether {@link #tensors} is the one flat program over every parameter. */
  final boolean flat;
  /**
   * When the update splits ({@link FlatProgram#split}): the kernel of the scalar steps before
   * the pass (null when there are none) and the pass's, run over ranges; else {@code splitPass}
   * is null.
   */
  final Kernel splitPrefix;
  final Kernel splitPass;
  boolean started;

  /**
   * @param flat the rule over all parameters at once ({@link FlatProgram#of}), or null to run
   *     {@code programs} tensor by tensor
   * @param generate false: every program runs in the {@link Interpreter} (tests)
   */
  RuleState(ParamLayout layout, TensorProgram once, TensorProgram[] programs, TensorProgram flat,
      boolean generate) {
    this.layout = layout;
    this.once = once;
    this.onceSlots = new double[once.slots()];
    this.onceArrays = new double[TensorProgram.FIRST_OWN + once.arrays().size()][];
    this.onceOffsets = new int[onceArrays.length];
    this.onceRegs = new double[once.registers()];
    for (TensorProgram.ScalarState s : once.scalarStates()) {
      onceSlots[s.slot()] = s.start();
    }
    this.onceKernel = kernel(once.body(), generate, false);
    this.onceDims = Kernels.dims(once.body());
    this.flat = flat != null;
    if (flat != null) {
      int n = layout.size();
      tensors = new PerTensor[] {new PerTensor(
          new ParamLayout.Tensor("all", new int[] {n}, 0, n), flat, generate, true)};
    } else {
      tensors = new PerTensor[programs.length];
      for (int i = 0; i < programs.length; i++) {
        tensors[i] = new PerTensor(layout.tensors().get(i), programs[i], generate, false);
      }
    }
    Kernel[] split = flat == null || !generate ? null : splitKernels(flat);
    this.splitPrefix = split == null ? null : split[0];
    this.splitPass = split == null ? null : split[1];
  }

  /**
   * The kernels of a flat program's update split over threads ({@link FlatProgram#split}): its
   * scalar steps' (null when there are none) and its pass's; null when it does not split, or
   * either part could not be generated (begin() runs the scalar steps only as generated code).
   */
  static Kernel[] splitKernels(TensorProgram flat) {
    List<List<Instr>> split = FlatProgram.split(flat);
    Kernel pass = split == null ? null : kernel(split.get(1), true, true);
    Kernel prefix = pass == null ? null : kernel(split.get(0), true, true);
    boolean whole = pass != null && (prefix != null || split.get(0).isEmpty());
    return whole ? new Kernel[] {prefix, pass} : null;
  }

  private static Kernel kernel(List<Instr> instrs, boolean generate, boolean flat) {
    return generate && !instrs.isEmpty() ? Kernels.of(instrs, flat).kernel() : null;
  }

  void runOnce() {
    if (once.body().isEmpty()) {
      return;
    }
    if (onceKernel != null) {
      onceKernel.run(onceArrays, onceOffsets, onceSlots, onceDims);
    } else {
      Interpreter.run(once.body(), onceArrays, onceOffsets, onceSlots, onceRegs);
    }
  }

  /**
   * Why a program of this state runs in the interpreter (the first such), or null when all run as
   * generated code.
   */
  public String interpreted() {
    return Kernels.whyInterpreted(java.util.Arrays.stream(tensors).map(k -> k.program).toList(),
        flat);
  }

  /** One parameter tensor's program and memory (or, flat, every parameter's). */
  static final class PerTensor {
    final ParamLayout.Tensor tensor;
    final TensorProgram program;
    final double[][] arrays;
    final int[] offsets;
    final double[] slots;
    final double[] regs;
    /** The generated body and eval kernels; null where the interpreter runs. */
    final Kernel body;
    final Kernel eval;
    final int[] bodyDims;
    final int[] evalDims;

    PerTensor(ParamLayout.Tensor tensor, TensorProgram program, boolean generate, boolean flat) {
      this.tensor = tensor;
      this.program = program;
      arrays = new double[TensorProgram.FIRST_OWN + program.arrays().size()][];
      offsets = new int[arrays.length];
      offsets[TensorProgram.P] = tensor.offset();
      offsets[TensorProgram.G] = tensor.offset();
      offsets[TensorProgram.EVAL] = tensor.offset();
      for (int i = 0; i < program.arrays().size(); i++) {
        arrays[TensorProgram.FIRST_OWN + i] = new double[program.arrays().get(i).size()];
      }
      slots = new double[program.slots()];
      regs = new double[Math.max(1, program.registers())];
      body = kernel(program.body(), generate, flat);
      eval = kernel(program.eval(), generate, flat);
      bodyDims = Kernels.dims(program.body());
      evalDims = Kernels.dims(program.eval());
    }

    void start(double[] p) {
      for (int i = 0; i < program.arrays().size(); i++) {
        TensorProgram.ArrayDecl d = program.arrays().get(i);
        double[] a = arrays[TensorProgram.FIRST_OWN + i];
        if (d.copyOfP()) {
          System.arraycopy(p, tensor.offset(), a, 0, a.length);
        } else {
          java.util.Arrays.fill(a, d.fill());
        }
      }
      for (TensorProgram.ScalarState s : program.scalarStates()) {
        slots[s.slot()] = s.start();
      }
    }

    void runBody() {
      if (body != null) {
        body.run(arrays, offsets, slots, bodyDims);
      } else {
        Interpreter.run(program.body(), arrays, offsets, slots, regs);
      }
    }

    void runEval() {
      if (eval != null) {
        eval.run(arrays, offsets, slots, evalDims);
      } else {
        Interpreter.run(program.eval(), arrays, offsets, slots, regs);
      }
    }
  }

  /** Makes every state from the parameters at the first update. */
  void start(double[] p) {
    for (PerTensor k : tensors) {
      k.start(p);
    }
    started = true;
  }

  /** Per-tensor buffers ({@link #tensorBuffers}) replace the flat ones for a rule. */
  @Override
  public Map<String, double[]> buffers() {
    return new LinkedHashMap<>();
  }

  /**
   * The states of tensor {@code i} under their names, each with its own shape (p's, a row or
   * column statistic's, a scalar's), and the shared scalars (the same for every tensor, as
   * PyTorch keeps a param_group entry).
   */
  @Override
  public Map<String, Buffer> tensorBuffers(int i) {
    PerTensor k = tensors[flat ? 0 : i];
    ParamLayout.Tensor t = layout.tensors().get(i);
    Map<String, Buffer> out = new LinkedHashMap<>();
    for (int a = 0; a < k.program.arrays().size(); a++) {
      TensorProgram.ArrayDecl d = k.program.arrays().get(a);
      if (d.state()) {
        double[] all = k.arrays[TensorProgram.FIRST_OWN + a];
        // flat: tensor i's slice of the array over every parameter, in its own shape
        out.put(d.name(), flat ? new Buffer(longs(t.dims()), java.util.Arrays.copyOfRange(all,
            t.offset(), t.offset() + t.size())) : new Buffer(shapeOf(k, d), all.clone()));
      }
    }
    for (TensorProgram.ScalarState s : k.program.scalarStates()) {
      out.put(s.name(), new Buffer(new long[0], new double[] {k.slots[s.slot()]}));
    }
    for (TensorProgram.ScalarState s : once.scalarStates()) {
      out.put(s.name(), new Buffer(new long[0], new double[] {onceSlots[s.slot()]}));
    }
    return out;
  }

  /** A state's shape: the parameter's, or a row or column statistic's length. */
  private static long[] shapeOf(PerTensor k, TensorProgram.ArrayDecl d) {
    int[] dims = k.tensor.dims();
    return d.shape().equals(Val.shape(dims)) ? longs(dims) : new long[] {d.size()};
  }

  private static long[] longs(int[] dims) {
    long[] out = new long[dims.length];
    for (int j = 0; j < dims.length; j++) {
      out[j] = dims[j];
    }
    return out;
  }

  /** Takes back {@link #tensorBuffers} under the keys {@code TENSOR_INDEX/NAME}. */
  @Override
  public void load(long step, Map<String, double[]> saved) {
    this.step = step;
    started = step > 0;
    for (int i = 0; i < layout.tensors().size(); i++) {
      PerTensor k = tensors[flat ? 0 : i];
      int at = flat ? layout.tensors().get(i).offset() : 0;
      int size = layout.tensors().get(i).size();
      for (int a = 0; a < k.program.arrays().size(); a++) {
        TensorProgram.ArrayDecl d = k.program.arrays().get(a);
        double[] v = d.state() ? saved.get(i + "/" + d.name()) : null;
        if (v != null) {
          System.arraycopy(v, 0, k.arrays[TensorProgram.FIRST_OWN + a], at,
              flat ? size : d.size());
        }
      }
      for (TensorProgram.ScalarState s : k.program.scalarStates()) {
        double[] v = saved.get(i + "/" + s.name());
        if (v != null) {
          k.slots[s.slot()] = v[0];
        }
      }
      for (TensorProgram.ScalarState s : once.scalarStates()) {
        double[] v = saved.get(i + "/" + s.name());
        if (v != null) {
          onceSlots[s.slot()] = v[0];
        }
      }
    }
  }
}

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
  final PerTensor[] tensors;
  boolean started;

  RuleState(ParamLayout layout, TensorProgram once, TensorProgram[] programs) {
    this.layout = layout;
    this.once = once;
    this.onceSlots = new double[once.slots()];
    this.onceArrays = new double[TensorProgram.FIRST_OWN + once.arrays().size()][];
    this.onceOffsets = new int[onceArrays.length];
    this.onceRegs = new double[once.registers()];
    for (TensorProgram.ScalarState s : once.scalarStates()) {
      onceSlots[s.slot()] = s.start();
    }
    tensors = new PerTensor[programs.length];
    for (int i = 0; i < programs.length; i++) {
      tensors[i] = new PerTensor(layout.tensors().get(i), programs[i]);
    }
  }

  /** One parameter tensor's program and memory. */
  static final class PerTensor {
    final ParamLayout.Tensor tensor;
    final TensorProgram program;
    final double[][] arrays;
    final int[] offsets;
    final double[] slots;
    final double[] regs;

    PerTensor(ParamLayout.Tensor tensor, TensorProgram program) {
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

    void run(List<Instr> instrs) {
      Interpreter.run(instrs, arrays, offsets, slots, regs);
    }
  }

  /** Makes every state from the parameters at the first update. */
  void start(double[] p) {
    for (PerTensor k : tensors) {
      k.start(p);
    }
    started = true;
  }

  /**
   * The tensor states as flat arrays over all parameters, for tensors whose states have the
   * parameter's shape (copies: {@link #load} writes them back).
   */
  @Override
  public Map<String, double[]> buffers() {
    Map<String, double[]> out = new LinkedHashMap<>();
    int n = layout.size();
    for (PerTensor k : tensors) {
      for (int i = 0; i < k.program.arrays().size(); i++) {
        TensorProgram.ArrayDecl d = k.program.arrays().get(i);
        if (d.state() && d.size() == k.tensor.size()) {
          double[] flat = out.computeIfAbsent(d.name(), x -> new double[n]);
          System.arraycopy(k.arrays[TensorProgram.FIRST_OWN + i], 0, flat, k.tensor.offset(),
              d.size());
        }
      }
    }
    return out;
  }

  @Override
  public void load(long step, Map<String, double[]> saved) {
    this.step = step;
    started = step > 0;
    for (PerTensor k : tensors) {
      for (int i = 0; i < k.program.arrays().size(); i++) {
        TensorProgram.ArrayDecl d = k.program.arrays().get(i);
        double[] v = d.state() ? saved.get(d.name()) : null;
        if (v != null && d.size() == k.tensor.size()) {
          System.arraycopy(v, k.tensor.offset(), k.arrays[TensorProgram.FIRST_OWN + i], 0,
              d.size());
        }
      }
    }
  }
}

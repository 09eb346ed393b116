package dev.optlab.rules;

import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.ParamLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code explain}'s view of a rule: the {@link TensorProgram} compiled for each distinct
 * parameter shape, read back instruction by instruction (passes and what each writes and sums,
 * matrix products, transposes, conditions), with the states and scratch a tensor of that shape
 * keeps. It reads programs only, so it shows what runs, whatever generates the code.
 */
final class KernelText {
  private final TensorProgram program;
  private final List<String> out = new ArrayList<>();

  private KernelText(TensorProgram program) {
    this.program = program;
  }

  static List<String> describe(RuleDef def, HyperValues values, ParamLayout layout) {
    List<String> out = new ArrayList<>();
    TensorProgram once = def.compileOnce(values);
    if (!once.body().isEmpty()) {
      out.add("once per step:");
      out.addAll(indent(new KernelText(once).instrs(once.body())));
    }
    List<String> shared = once.scalarStates().stream()
        .map(s -> s.name() + " (starts " + num(s.start()) + ")").toList();
    if (!shared.isEmpty()) {
      out.add("shared: " + String.join(", ", shared) + ", one number each for all tensors");
    }
    TensorProgram[] programs = new TensorProgram[layout.tensors().size()];
    for (int i = 0; i < programs.length; i++) {
      programs[i] = def.compile(values, layout.tensors().get(i));
    }
    // Tensors of one shape run one program: show it once, naming every tensor that uses it.
    Map<String, List<Integer>> byShape = new LinkedHashMap<>();
    for (int i = 0; i < programs.length; i++) {
      byShape.computeIfAbsent(Arrays.toString(layout.tensors().get(i).dims()),
          k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> e : byShape.entrySet()) {
      out.add("shape " + e.getKey() + " (" + String.join(", ", e.getValue().stream()
          .map(i -> layout.tensors().get(i).name()).toList()) + "):");
      out.addAll(indent(new KernelText(programs[e.getValue().get(0)]).program()));
    }
    TensorProgram flat = FlatProgram.of(programs, layout);
    String whyNot = Kernels.whyInterpreted(flat != null ? List.of(flat) : List.of(programs),
        flat != null);
    if (whyNot != null) {
      out.add("runs in the interpreter, element by element (the same bits, slower): "
          + whyNot.replaceFirst("^interpreted: ", ""));
    }
    if (flat != null) {
      out.add("element-wise: runs as one program over all " + layout.size() + " parameter"
          + (layout.size() == 1 ? "" : "s") + ", as the built-ins do (the same bits as tensor by"
          + " tensor)" + (RuleState.splitKernels(flat) != null
              ? "; its pass splits over the tensor threads when large" : ""));
    }
    return out;
  }

  private List<String> program() {
    List<String> body = instrs(program.body());
    out.addAll(body);
    if (!program.eval().isEmpty()) {
      out.add("eval point:");
      out.addAll(indent(instrs(program.eval())));
    }
    List<String> states = new ArrayList<>();
    int scratch = 0;
    int scratchArrays = 0;
    for (TensorProgram.ArrayDecl a : program.arrays()) {
      if (a.state()) {
        states.add(a.name() + " " + a.shape() + " = " + a.size() + (a.size() == 1 ? " number"
            : " numbers") + (a.copyOfP() ? " starting as p" : " starting at " + num(a.fill())));
      } else {
        scratch += a.size();
        scratchArrays++;
      }
    }
    for (TensorProgram.ScalarState s : program.scalarStates()) {
      states.add(s.name() + " (a scalar, starts " + num(s.start()) + ")");
    }
    out.add("state: step" + (states.isEmpty() ? "" : ", " + String.join(", ", states)));
    out.add("scratch: " + (scratchArrays == 0 ? "none" : scratchArrays + " array"
        + (scratchArrays == 1 ? "" : "s") + ", " + scratch + " numbers")
        + "; " + program.registers() + " register" + (program.registers() == 1 ? "" : "s"));
    return out;
  }

  private List<String> instrs(List<Instr> instrs) {
    List<String> lines = new ArrayList<>();
    int scalars = 0;
    for (Instr in : instrs) {
      if (in instanceof Instr.SetSlot) {
        scalars++;
        continue;
      }
      if (scalars > 0) {
        lines.add(scalarSteps(scalars));
        scalars = 0;
      }
      switch (in) {
        case Instr.SetSlot s -> { }
        case Instr.Pass p -> lines.add(pass(p));
        case Instr.MatMul m -> lines.add("matrix product [" + m.m() + ", " + m.k() + "] @ ["
            + m.k() + ", " + m.n() + "] into " + array(m.out()));
        case Instr.Transpose t -> lines.add("transpose [" + t.rows() + ", " + t.cols() + "] into "
            + array(t.out()));
        case Instr.If f -> {
          lines.add("if (decided at each step):");
          lines.addAll(indent(instrs(f.then())));
          if (!f.otherwise().isEmpty()) {
            lines.add("else:");
            lines.addAll(indent(instrs(f.otherwise())));
          }
        }
      }
    }
    if (scalars > 0) {
      lines.add(scalarSteps(scalars));
    }
    return lines;
  }

  private static String scalarSteps(int n) {
    return n + " scalar step" + (n == 1 ? "" : "s") + " (numbers, once per update)";
  }

  /** A fused loop: the arrays it writes, the values it keeps in registers, what it sums. */
  private String pass(Instr.Pass p) {
    List<String> writes = new ArrayList<>();
    int regs = 0;
    for (Instr.Store s : p.stores()) {
      if (s.array() < 0) {
        regs++;
      } else if (!writes.contains(array(s.array()))) {
        writes.add(array(s.array()));
      }
    }
    List<String> sums = new ArrayList<>();
    for (Instr.Sum s : p.sums()) {
      sums.add(s.array() < 0 ? "a sum to a number" : (s.index() == Node.Index.ROW ? "row sums into "
          : "column sums into ") + array(s.array()));
    }
    StringBuilder sb = new StringBuilder("pass over ").append(p.n()).append(" element")
        .append(p.n() == 1 ? "" : "s");
    if (!p.stores().isEmpty()) {
      sb.append(", fusing ").append(p.stores().size()).append(" store")
          .append(p.stores().size() == 1 ? "" : "s");
    }
    if (!writes.isEmpty()) {
      sb.append(": writes ").append(String.join(", ", writes));
    }
    if (regs > 0) {
      sb.append(writes.isEmpty() ? ": " : "; ").append(regs).append(" kept in registers");
    }
    if (!sums.isEmpty()) {
      sb.append(p.stores().isEmpty() ? ": reduces: " : "; reduces: ")
          .append(String.join(", ", sums));
    }
    return sb.toString();
  }

  private String array(int a) {
    return switch (a) {
      case TensorProgram.P -> "p";
      case TensorProgram.G -> "g";
      case TensorProgram.EVAL -> "the eval point";
      default -> {
        TensorProgram.ArrayDecl d = program.arrays().get(a - TensorProgram.FIRST_OWN);
        yield d.state() ? d.name() : "scratch " + d.shape();
      }
    };
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static List<String> indent(List<String> lines) {
    return lines.stream().map(l -> "  " + l).toList();
  }
}

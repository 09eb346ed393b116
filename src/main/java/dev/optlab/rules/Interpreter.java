package dev.optlab.rules;

import java.util.List;

/**
 * Runs a {@link TensorProgram}'s instructions one element at a time, walking the expression
 * trees: the reference the generated kernels are tested against, and what runs when a program
 * cannot be generated.
 */
final class Interpreter {
  private Interpreter() {}

  static void run(List<Instr> instrs, double[][] arrays, int[] offsets, double[] slots,
      double[] regs) {
    // indexed, not an iterator: an empty once-block runs here at every step, and C2 did not
    // always scalar-replace the iterator (HotLoopAllocationTest saw 32 bytes a step)
    for (int k = 0; k < instrs.size(); k++) {
      switch (instrs.get(k)) {
        case Instr.SetSlot s -> slots[s.slot()] = eval(s.expr(), arrays, offsets, slots, regs, 0, 1);
        case Instr.Pass p -> pass(p, arrays, offsets, slots, regs);
        case Instr.MatMul m -> Matrices.matmul(arrays[m.a()], offsets[m.a()], arrays[m.b()],
            offsets[m.b()], arrays[m.out()], m.m(), m.k(), m.n());
        case Instr.Transpose t -> Matrices.transpose(arrays[t.a()], offsets[t.a()],
            arrays[t.out()], t.rows(), t.cols());
        case Instr.If f -> run(holds(f.condition(), arrays, offsets, slots, regs) ? f.then()
            : f.otherwise(), arrays, offsets, slots, regs);
      }
    }
  }

  private static void pass(Instr.Pass p, double[][] arrays, int[] offsets, double[] slots,
      double[] regs) {
    for (Instr.Sum s : p.sums()) {
      if (s.array() < 0) {
        slots[s.slot()] = 0;
      } else {
        int len = s.index() == Node.Index.ROW ? p.n() / p.cols() : p.cols();
        java.util.Arrays.fill(arrays[s.array()], offsets[s.array()],
            offsets[s.array()] + len, 0.0);
      }
    }
    int cols = p.cols();
    for (int i = 0; i < p.n(); i++) {
      for (Instr.Store st : p.stores()) {
        double v = eval(st.expr(), arrays, offsets, slots, regs, i, cols);
        if (st.array() < 0) {
          regs[st.reg()] = v;
        } else {
          arrays[st.array()][offsets[st.array()] + i] = v;
        }
      }
      for (Instr.Sum s : p.sums()) {
        double v = eval(s.expr(), arrays, offsets, slots, regs, i, cols);
        if (s.array() < 0) {
          slots[s.slot()] += v;
        } else {
          int at = offsets[s.array()] + (s.index() == Node.Index.ROW ? i / cols : i % cols);
          arrays[s.array()][at] += v;
        }
      }
    }
  }

  static boolean holds(Instr.Cond c, double[][] arrays, int[] offsets, double[] slots,
      double[] regs) {
    return switch (c) {
      case Instr.Join j -> j.and()
          ? holds(j.left(), arrays, offsets, slots, regs)
              && holds(j.right(), arrays, offsets, slots, regs)
          : holds(j.left(), arrays, offsets, slots, regs)
              || holds(j.right(), arrays, offsets, slots, regs);
      case Instr.Compare k -> compare(eval(k.a(), arrays, offsets, slots, regs, 0, 1), k.op(),
          eval(k.b(), arrays, offsets, slots, regs, 0, 1));
    };
  }

  static boolean compare(double a, String op, double b) {
    return switch (op) {
      case "<" -> a < b;
      case "<=" -> a <= b;
      case ">" -> a > b;
      case ">=" -> a >= b;
      case "==" -> a == b;
      case "!=" -> a != b;
      default -> throw new IllegalArgumentException(op);
    };
  }

  static double eval(Node n, double[][] arrays, int[] offsets, double[] slots, double[] regs,
      int i, int cols) {
    return switch (n) {
      case Node.Const c -> c.value();
      case Node.Slot s -> slots[s.slot()];
      case Node.Reg r -> regs[r.reg()];
      case Node.Elem e -> arrays[e.array()][offsets[e.array()] + switch (e.index()) {
        case SAME -> i;
        case ROW -> i / cols;
        case COL -> i % cols;
      }];
      case Node.Unary u -> Ops.unary(u.op(),
          eval(u.a(), arrays, offsets, slots, regs, i, cols));
      case Node.Binary b -> Ops.binary(b.op(),
          eval(b.a(), arrays, offsets, slots, regs, i, cols),
          eval(b.b(), arrays, offsets, slots, regs, i, cols));
      case Node.Ternary t -> Ops.ternary(t.op(),
          eval(t.a(), arrays, offsets, slots, regs, i, cols),
          eval(t.b(), arrays, offsets, slots, regs, i, cols),
          eval(t.c(), arrays, offsets, slots, regs, i, cols),
          t.d() == null ? 0 : eval(t.d(), arrays, offsets, slots, regs, i, cols));
    };
  }
}

package dev.optlab.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What an instruction list touches: its arrays, the slots an expression reads, and its sizes;
 * and the list with its sizes set to zero, which is what its kernel depends on.
 */
final class ProgramWalk {
  private ProgramWalk() {}

  /**
   * The sizes the kernel reads from {@code dims}, in the order it reads them: each pass's n and
   * cols, each product's m, k and n, each transpose's rows and cols, the lists in order and
   * each condition's then before its otherwise.
   */
  static void dims(List<Instr> instrs, List<Integer> out) {
    for (Instr in : instrs) {
      switch (in) {
        case Instr.SetSlot s -> { }
        case Instr.Pass p -> out.addAll(List.of(p.n(), p.cols()));
        case Instr.MatMul m -> out.addAll(List.of(m.m(), m.k(), m.n()));
        case Instr.Transpose t -> out.addAll(List.of(t.rows(), t.cols()));
        case Instr.If f -> {
          dims(f.then(), out);
          dims(f.otherwise(), out);
        }
      }
    }
  }

  /**
   * The arrays a pass touches only at element i: not summed into, not read by row or column.
   */
  static TreeSet<Integer> sameOnly(Instr.Pass p) {
    TreeSet<Integer> all = new TreeSet<>();
    TreeSet<Integer> other = new TreeSet<>();
    for (Instr.Store st : p.stores()) {
      if (st.array() >= 0) {
        all.add(st.array());
      }
      elems(st.expr(), all, other);
    }
    for (Instr.Sum s : p.sums()) {
      if (s.array() >= 0) {
        other.add(s.array());
      }
      elems(s.expr(), all, other);
    }
    all.removeAll(other);
    return all;
  }

  /** Of {@code arrays}, those the pass reads before it writes them, in order of first read. */
  static List<Integer> readFirst(Instr.Pass p, java.util.Set<Integer> arrays) {
    List<Integer> out = new ArrayList<>();
    java.util.Set<Integer> written = new java.util.HashSet<>();
    List<Node> exprs = new ArrayList<>();
    for (Instr.Store st : p.stores()) {
      TreeSet<Integer> read = new TreeSet<>();
      elems(st.expr(), read, new TreeSet<>());
      for (int a : read) {
        if (arrays.contains(a) && !written.contains(a) && !out.contains(a)) {
          out.add(a);
        }
      }
      if (st.array() >= 0) {
        written.add(st.array());
      }
    }
    for (Instr.Sum s : p.sums()) {
      exprs.add(s.expr());
    }
    for (Node e : exprs) {
      TreeSet<Integer> read = new TreeSet<>();
      elems(e, read, new TreeSet<>());
      for (int a : read) {
        if (arrays.contains(a) && !written.contains(a) && !out.contains(a)) {
          out.add(a);
        }
      }
    }
    return out;
  }

  /** Whether {@code n} reads every array element it reads at element i (none by row or column). */
  static boolean readsAtIOnly(Node n) {
    TreeSet<Integer> other = new TreeSet<>();
    elems(n, new TreeSet<>(), other);
    return other.isEmpty();
  }

  /** The arrays {@code n} reads at element i into {@code same}, by row or column into the other. */
  private static void elems(Node n, TreeSet<Integer> same, TreeSet<Integer> other) {
    switch (n) {
      case Node.Elem e -> (e.index() == Node.Index.SAME ? same : other).add(e.array());
      case Node.Unary u -> elems(u.a(), same, other);
      case Node.Binary b -> {
        elems(b.a(), same, other);
        elems(b.b(), same, other);
      }
      case Node.Ternary t -> {
        elems(t.a(), same, other);
        elems(t.b(), same, other);
        elems(t.c(), same, other);
        if (t.d() != null) {
          elems(t.d(), same, other);
        }
      }
      default -> { }
    }
  }

  /** {@code instrs} with every size zero: tensors of other shapes share its kernel. */
  static List<Instr> sizeless(List<Instr> instrs) {
    List<Instr> out = new ArrayList<>();
    for (Instr in : instrs) {
      out.add(switch (in) {
        case Instr.SetSlot s -> s;
        case Instr.Pass p -> new Instr.Pass(0, 0, p.stores(), p.sums());
        case Instr.MatMul m -> new Instr.MatMul(m.a(), m.b(), m.out(), 0, 0, 0);
        case Instr.Transpose t -> new Instr.Transpose(t.a(), t.out(), 0, 0);
        case Instr.If f -> new Instr.If(f.condition(), sizeless(f.then()),
            sizeless(f.otherwise()));
      });
    }
    return out;
  }

  static void arrays(List<Instr> instrs, TreeSet<Integer> out) {
    for (Instr in : instrs) {
      switch (in) {
        case Instr.SetSlot s -> arrays(s.expr(), out);
        case Instr.Pass p -> {
          for (Instr.Store st : p.stores()) {
            if (st.array() >= 0) {
              out.add(st.array());
            }
            arrays(st.expr(), out);
          }
          for (Instr.Sum s : p.sums()) {
            if (s.array() >= 0) {
              out.add(s.array());
            }
            arrays(s.expr(), out);
          }
        }
        case Instr.MatMul m -> {
          out.add(m.a());
          out.add(m.b());
          out.add(m.out());
        }
        case Instr.Transpose t -> {
          out.add(t.a());
          out.add(t.out());
        }
        case Instr.If f -> {
          cond(f.condition(), out);
          arrays(f.then(), out);
          arrays(f.otherwise(), out);
        }
      }
    }
  }

  private static void cond(Instr.Cond c, TreeSet<Integer> out) {
    switch (c) {
      case Instr.Join j -> {
        cond(j.left(), out);
        cond(j.right(), out);
      }
      case Instr.Compare k -> {
        arrays(k.a(), out);
        arrays(k.b(), out);
      }
    }
  }

  static void arrays(Node n, TreeSet<Integer> out) {
    switch (n) {
      case Node.Elem e -> out.add(e.array());
      case Node.Unary u -> arrays(u.a(), out);
      case Node.Binary b -> {
        arrays(b.a(), out);
        arrays(b.b(), out);
      }
      case Node.Ternary t -> {
        arrays(t.a(), out);
        arrays(t.b(), out);
        arrays(t.c(), out);
        if (t.d() != null) {
          arrays(t.d(), out);
        }
      }
      default -> { }
    }
  }

  static void slots(Node n, TreeSet<Integer> out) {
    switch (n) {
      case Node.Slot s -> out.add(s.slot());
      case Node.Unary u -> slots(u.a(), out);
      case Node.Binary b -> {
        slots(b.a(), out);
        slots(b.b(), out);
      }
      case Node.Ternary t -> {
        slots(t.a(), out);
        slots(t.b(), out);
        slots(t.c(), out);
        if (t.d() != null) {
          slots(t.d(), out);
        }
      }
      default -> { }
    }
  }
}

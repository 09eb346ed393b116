package dev.optlab.rules;

import dev.optlab.optim.ParamLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * An element-wise rule run over the whole parameter vector at once, as the built-ins run: one
 * program, one loop over {@code [0, n)}, states as flat arrays beside {@code p}.
 *
 * <p>A rule is element-wise for a layout when every tensor's program is the same but for its
 * sizes, and touches its arrays only element by element inside passes over the whole tensor: no
 * sums (norms, means), no row or column statistics, no matrix products, no element read outside a
 * pass. Then no element depends on another, and every scalar the program computes depends only on
 * the step, the learning rate, the hyperparameters and scalar states, which evolve alike in every
 * tensor. Running it once over all parameters gives, element for element, the bits that running
 * it tensor by tensor gives (RuleBuiltinsTest and RuleGoldenTest compare with the built-ins and
 * PyTorch; FlatProgramTest with the tensor-by-tensor run).
 *
 * <p>Why: the tensor-by-tensor kernel reads each array at its own offset, and C2 does not
 * vectorize a loop whose arrays might overlap at different offsets (measured on JDK 25: Adam's
 * loop 4.6 ns a parameter so, 0.7 ns with every array at one index); and a scalar objective's
 * parameters are tensors of one number each, so its {@code 1 - beta ** t} ran once per tensor.
 * A flat program also splits over the tensor threads ({@link CompiledRule#begin}).
 */
final class FlatProgram {
  private FlatProgram() {}

  /**
   * The program of every tensor of {@code layout} as one over all its parameters, or null when the
   * rule is not element-wise for it (or the tensors do not tile {@code [0, n)} in order).
   */
  static TensorProgram of(TensorProgram[] programs, ParamLayout layout) {
    if (programs.length == 0) {
      return null;
    }
    TensorProgram first = programs[0];
    List<Instr> body = ProgramWalk.sizeless(first.body());
    List<Instr> eval = ProgramWalk.sizeless(first.eval());
    int next = 0;
    for (int k = 0; k < programs.length; k++) {
      TensorProgram p = programs[k];
      ParamLayout.Tensor t = layout.tensors().get(k);
      if (t.offset() != next || !elementwise(p.body(), t.size())
          || !elementwise(p.eval(), t.size())) {
        return null;
      }
      next += t.size();
      for (TensorProgram.ArrayDecl d : p.arrays()) {
        if (d.size() != t.size()) {
          return null;
        }
      }
      if (k > 0 && !(ProgramWalk.sizeless(p.body()).equals(body)
          && ProgramWalk.sizeless(p.eval()).equals(eval) && sameDecls(p, first)
          && p.scalarStates().equals(first.scalarStates()) && p.slots() == first.slots()
          && p.sharedSlots() == first.sharedSlots() && p.registers() == first.registers())) {
        return null;
      }
    }
    int n = next;
    List<TensorProgram.ArrayDecl> arrays = new ArrayList<>();
    for (TensorProgram.ArrayDecl d : first.arrays()) {
      arrays.add(new TensorProgram.ArrayDecl(d.name(), "[" + n + "]", n, d.copyOfP(), d.fill()));
    }
    return new TensorProgram(resized(first.body(), n), resized(first.eval(), n), arrays,
        first.scalarStates(), first.sharedSlots(), first.slots(), first.registers());
  }

  /**
   * The instructions before the program's last pass and that pass, when the pass is its only
   * one: the first part runs once, the pass over any split of the parameters ({@link
   * CompiledRule#begin}). Null otherwise.
   */
  static List<List<Instr>> split(TensorProgram flat) {
    List<Instr> body = flat.body();
    if (body.isEmpty() || !(body.get(body.size() - 1) instanceof Instr.Pass)) {
      return null;
    }
    List<Instr> prefix = body.subList(0, body.size() - 1);
    for (Instr in : prefix) {
      if (!scalarOnly(in)) {
        return null;
      }
    }
    return List.of(List.copyOf(prefix), List.of(body.get(body.size() - 1)));
  }

  private static boolean scalarOnly(Instr in) {
    return switch (in) {
      case Instr.SetSlot s -> true;
      case Instr.If f -> f.then().stream().allMatch(FlatProgram::scalarOnly)
          && f.otherwise().stream().allMatch(FlatProgram::scalarOnly);
      default -> false;
    };
  }

  private static boolean sameDecls(TensorProgram a, TensorProgram b) {
    if (a.arrays().size() != b.arrays().size()) {
      return false;
    }
    for (int i = 0; i < a.arrays().size(); i++) {
      TensorProgram.ArrayDecl x = a.arrays().get(i);
      TensorProgram.ArrayDecl y = b.arrays().get(i);
      if (!java.util.Objects.equals(x.name(), y.name()) || x.copyOfP() != y.copyOfP()
          || Double.doubleToRawLongBits(x.fill()) != Double.doubleToRawLongBits(y.fill())) {
        return false;
      }
    }
    return true;
  }

  /** Passes over all {@code numel} elements, each read at i; no sums, products or stray reads. */
  private static boolean elementwise(List<Instr> instrs, int numel) {
    for (Instr in : instrs) {
      boolean ok = switch (in) {
        case Instr.SetSlot s -> noElems(s.expr());
        case Instr.Pass p -> p.n() == numel && p.sums().isEmpty()
            && p.stores().stream().allMatch(st -> ProgramWalk.readsAtIOnly(st.expr()));
        case Instr.MatMul m -> false;
        case Instr.Transpose t -> false;
        case Instr.If f -> noElems(f.condition()) && elementwise(f.then(), numel)
            && elementwise(f.otherwise(), numel);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean noElems(Node n) {
    java.util.TreeSet<Integer> arrays = new java.util.TreeSet<>();
    ProgramWalk.arrays(n, arrays);
    return arrays.isEmpty();
  }

  private static boolean noElems(Instr.Cond c) {
    return switch (c) {
      case Instr.Join j -> noElems(j.left()) && noElems(j.right());
      case Instr.Compare k -> noElems(k.a()) && noElems(k.b());
    };
  }

  /** {@code instrs} with every pass over {@code n} elements. */
  private static List<Instr> resized(List<Instr> instrs, int n) {
    List<Instr> out = new ArrayList<>();
    for (Instr in : instrs) {
      out.add(switch (in) {
        case Instr.Pass p -> new Instr.Pass(n, n, p.stores(), p.sums());
        case Instr.If f -> new Instr.If(f.condition(), resized(f.then(), n),
            resized(f.otherwise(), n));
        default -> in;
      });
    }
    return out;
  }
}

package dev.optlab.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled expression: a flat program over primitive arrays that computes the value (a forward
 * sweep over registers) and the exact gradient (a reverse sweep over PyTorch's autograd nodes),
 * with no allocation, boxing or virtual call per op.
 *
 * <p>The numbers are those of PyTorch 1.13 evaluating the same formula on 0-dim float64 tensors
 * with {@code loss.backward()}: the same kernels, the same backward formulas, gradients of a
 * shared value summed in the order PyTorch's engine sums them (see {@link Kernels} for the few
 * library functions that may differ by an ulp).
 *
 * <p>A program runs in an interpreter over its arrays at first; after {@value #FUSE_AFTER} calls it
 * is translated once into JVM bytecode ({@link Codegen}), which the JIT then compiles like a
 * hand-written method. Both give the same bits. The system property {@code optlab.diff.fuse}
 * ({@code never}, {@code always}) overrides when that happens.
 *
 * <p>An instance is immutable and may be shared by threads (plans and declarations hold it);
 * evaluating needs work buffers, which each loop gets from {@link #evaluator()}.
 */
public final class CompiledFunction {
  /** Calls of one instance after which the program is translated to bytecode. */
  static final int FUSE_AFTER = 64;

  private static final int FUSE_POLICY = readFusePolicy();

  private final Program p;

  CompiledFunction(Program program) {
    this.p = program;
  }

  private static int readFusePolicy() {
    String s = System.getProperty("optlab.diff.fuse", "");
    return switch (s) {
      case "never" -> Integer.MAX_VALUE;
      case "always" -> 0;
      default -> FUSE_AFTER;
    };
  }

  /**
   * How the program runs, for {@code explain}: translated to JVM bytecode (made now if it was not
   * yet), or interpreted and why.
   */
  public String execution() {
    if (p.result < 0) {
      return "a constant: nothing to run";
    }
    if (FUSE_POLICY == Integer.MAX_VALUE) {
      return "runs interpreted (bytecode translation turned off: -Doptlab.diff.fuse=never)";
    }
    return fuseNow() != null
        ? "runs as JVM bytecode (translated after its first " + FUSE_POLICY + " evaluations)"
        : "runs interpreted, not translated to bytecode: " + p.notFused;
  }

  /** The number of variables. */
  public int arity() {
    return p.arity;
  }

  /** The variables, in the order {@code x} and {@code grad} use. */
  public List<String> variables() {
    return p.variables;
  }

  /** True when the expression does not depend on its variables (its value was folded). */
  public boolean isConstant() {
    return p.result < 0;
  }

  /** The number of forward operations (after constant folding and common subexpressions). */
  public int operationCount() {
    return p.fop.length;
  }

  /** The number of autograd nodes the reverse sweep runs through. */
  public int backwardCount() {
    return p.bop.length;
  }

  /** Work buffers of its own for evaluating this function: one per loop or thread. */
  public Evaluator evaluator() {
    return new Evaluator(this, p);
  }

  /**
   * The value at {@code x}, for a one-off evaluation (it makes an {@link #evaluator()} each call;
   * loops keep one).
   */
  public double value(double[] x) {
    return evaluator().value(x);
  }

  /** The value and gradient at {@code x}, for a one-off evaluation (see {@link #value}). */
  public double valueAndGradient(double[] x, double[] grad) {
    return evaluator().valueAndGradient(x, grad);
  }

  /** The interpreter's answer, whatever the fuse policy (for tests). */
  double interpretValueAndGradient(double[] x, double[] grad) {
    return evaluator().interpretValueAndGradient(x, grad);
  }

  /** The bytecode translation, made now if need be; null if it cannot be made (for tests). */
  Fused fuseNow() {
    if (!p.fusedTried) {
      synchronized (p) {
        if (!p.fusedTried) {
          p.fused = Codegen.generate(p);
          p.fusedTried = true;
        }
      }
    }
    return p.fused;
  }

  static int fusePolicy() {
    return FUSE_POLICY;
  }

  /**
   * The forward program, one op per line, for {@code explain}: {@code r0 = input x}, {@code r3 =
   * mul r1 r2}, {@code r5 = pow r4 2}, ..., {@code return r8}. Constants are shown inline.
   */
  public List<String> listing() {
    List<String> out = new ArrayList<>();
    String[] name = new String[p.regInit.length];
    for (int i = 0; i < p.arity; i++) {
      name[i] = "r" + i;
      out.add("r" + i + " = input " + p.variables.get(i));
    }
    for (int i = p.arity; i < p.base; i++) {
      name[i] = number(p.regInit[i]);
    }
    for (int i = 0; i < p.fop.length; i++) {
      int d = p.base + i;
      name[d] = "r" + (p.arity + i);
      int op = p.fop[i];
      StringBuilder line = new StringBuilder(name[d]).append(" = ").append(Op.name(op));
      String a = name[p.fa[i]];
      if (Op.unary(op)) {
        line.append(' ').append(a);
      } else if (Op.binary(op)) {
        line.append(' ').append(a).append(' ').append(name[p.fb[i]]);
      } else if (Op.constantFirst(op)) {
        line.append(' ').append(number(p.fc[i])).append(' ').append(a);
      } else {
        line.append(' ').append(a).append(' ').append(number(p.fc[i]));
      }
      out.add(line.toString());
    }
    out.add("return " + (p.result < 0 ? number(p.constant) : name[p.result]));
    return out;
  }

  /** A constant as the listing shows it: {@code 2}, {@code 0.5}, {@code 1.0E-8}. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    } else if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15
        && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0)) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  @Override
  public String toString() {
    return String.join("\n", listing());
  }
}

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
 * <p>An instance owns its work buffers and is not thread-safe; {@link #copy()} gives another one
 * over the same program for another thread.
 */
public final class CompiledFunction {
  /** Calls of one instance after which the program is translated to bytecode. */
  static final int FUSE_AFTER = 64;

  private static final int FUSE_POLICY = fusePolicy();

  private final Program p;
  private final double[] regs;
  private final double[] adj;
  private int calls;

  CompiledFunction(Program program) {
    this.p = program;
    this.regs = program.regInit.clone();
    this.adj = program.adjInit.clone();
  }

  private static int fusePolicy() {
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

  /** The same program with its own work buffers. */
  public CompiledFunction copy() {
    return new CompiledFunction(p);
  }

  /** The value at {@code x} (length {@link #arity()}). */
  public double value(double[] x) {
    checkArity(x);
    if (p.result < 0) {
      return p.constant;
    }
    Fused f = fused();
    if (f != null) {
      return f.value(x);
    }
    forward(x);
    return regs[p.result];
  }

  /** The value at {@code x}; fills {@code grad} (length {@link #arity()}) with the gradient. */
  public double valueAndGradient(double[] x, double[] grad) {
    checkArity(x);
    if (grad.length < p.arity) {
      throw new IllegalArgumentException("grad has length " + grad.length + ", need " + p.arity);
    }
    if (p.result < 0) {
      java.util.Arrays.fill(grad, 0, p.arity, 0.0);
      return p.constant;
    }
    Fused f = fused();
    if (f != null) {
      return f.valueAndGradient(x, grad);
    }
    forward(x);
    backward(grad);
    return regs[p.result];
  }

  /** The interpreter's answer, whatever the fuse policy (for tests). */
  double interpretValueAndGradient(double[] x, double[] grad) {
    if (p.result < 0) {
      java.util.Arrays.fill(grad, 0, p.arity, 0.0);
      return p.constant;
    }
    forward(x);
    backward(grad);
    return regs[p.result];
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

  private Fused fused() {
    Fused f = p.fused;
    if (f != null || p.fusedTried || FUSE_POLICY == Integer.MAX_VALUE) {
      return f;
    }
    if (calls < FUSE_POLICY) {
      calls++;
      return null;
    }
    return fuseNow();
  }

  private void checkArity(double[] x) {
    if (x.length < p.arity) {
      throw new IllegalArgumentException("x has length " + x.length + ", need " + p.arity);
    }
  }

  private void forward(double[] x) {
    final double[] v = regs;
    final int[] op = p.fop;
    final int[] a = p.fa;
    final int[] b = p.fb;
    final double[] c = p.fc;
    System.arraycopy(x, 0, v, 0, p.arity);
    for (int i = 0, d = p.base; i < op.length; i++, d++) {
      v[d] = switch (op[i]) {
        case Op.NEG -> -v[a[i]];
        case Op.SQRT -> Math.sqrt(v[a[i]]);
        case Op.EXP -> Sleef.exp(v[a[i]]);
        case Op.LOG -> Sleef.log(v[a[i]]);
        case Op.ABS -> Math.abs(v[a[i]]);
        case Op.SIN -> Sleef.sin(v[a[i]]);
        case Op.COS -> Sleef.cos(v[a[i]]);
        case Op.TAN -> Sleef.tan(v[a[i]]);
        case Op.TANH -> Sleef.tanh(v[a[i]]);
        case Op.SIGMOID -> Kernels.sigmoid(v[a[i]]);
        case Op.RELU -> Kernels.relu(v[a[i]]);
        case Op.SOFTPLUS -> Kernels.softplus(v[a[i]]);
        case Op.FLOOR -> Math.floor(v[a[i]]);
        case Op.CEIL -> Math.ceil(v[a[i]]);
        case Op.SIGN -> Kernels.sign(v[a[i]]);
        case Op.RECIP -> 1.0 / v[a[i]];
        case Op.ADD -> v[a[i]] + v[b[i]];
        case Op.SUB -> v[a[i]] - v[b[i]];
        case Op.MUL -> v[a[i]] * v[b[i]];
        case Op.DIV -> v[a[i]] / v[b[i]];
        case Op.POW -> Math.pow(v[a[i]], v[b[i]]);
        case Op.MIN -> Kernels.min(v[a[i]], v[b[i]]);
        case Op.MAX -> Kernels.max(v[a[i]], v[b[i]]);
        case Op.ADD_C -> v[a[i]] + c[i];
        case Op.SUB_C -> v[a[i]] - c[i];
        case Op.RSUB_C -> c[i] - v[a[i]];
        case Op.MUL_C -> v[a[i]] * c[i];
        case Op.DIV_C -> v[a[i]] / c[i];
        case Op.RPOW_C -> Math.pow(c[i], v[a[i]]);
        case Op.POW_C -> Math.pow(v[a[i]], c[i]);
        case Op.POW_0 -> 1.0;
        case Op.POW_1 -> v[a[i]];
        case Op.POW_2 -> {
          double t = v[a[i]];
          yield t * t;
        }
        case Op.POW_3 -> {
          double t = v[a[i]];
          yield t * t * t;
        }
        case Op.POW_HALF -> Math.sqrt(v[a[i]]);
        case Op.POW_MHALF -> 1.0 / Math.sqrt(v[a[i]]);
        case Op.POW_M1 -> 1.0 / v[a[i]];
        case Op.POW_M2 -> {
          double t = v[a[i]];
          yield 1.0 / (t * t);
        }
        default -> throw new IllegalStateException("op " + op[i]);
      };
    }
  }

  private void backward(double[] grad) {
    final double[] v = regs;
    final double[] g = adj;
    final int[] op = p.bop;
    final int[] a = p.ba;
    final int[] b = p.bb;
    final int[] r = p.br;
    final double[] c = p.bc;
    final int[] sa = p.ta;
    final int[] sb = p.tb;
    final int nv = p.arity;
    System.arraycopy(p.adjInit, 0, g, 0, g.length);
    for (int k = op.length - 1; k >= 0; k--) {
      final double gk = g[nv + k];
      switch (op[k]) {
        case Op.NEG, Op.RSUB_C -> g[sa[k]] += -gk;
        case Op.SQRT -> g[sa[k]] += Kernels.sqrtBackward(gk, v[r[k]]);
        case Op.EXP -> g[sa[k]] += gk * v[r[k]];
        case Op.LOG -> g[sa[k]] += gk / v[a[k]];
        case Op.ABS -> g[sa[k]] += Kernels.absBackward(gk, v[a[k]]);
        case Op.SIN -> g[sa[k]] += Kernels.sinBackward(gk, v[a[k]]);
        case Op.COS -> g[sa[k]] += Kernels.cosBackward(gk, v[a[k]]);
        case Op.TAN -> g[sa[k]] += Kernels.tanBackward(gk, v[r[k]]);
        case Op.TANH -> g[sa[k]] += Kernels.tanhBackward(gk, v[r[k]]);
        case Op.SIGMOID -> g[sa[k]] += Kernels.sigmoidBackward(gk, v[r[k]]);
        case Op.RELU -> g[sa[k]] += Kernels.reluBackward(gk, v[r[k]]);
        case Op.SOFTPLUS -> g[sa[k]] += Kernels.softplusBackward(gk, v[a[k]]);
        case Op.FLOOR, Op.CEIL, Op.SIGN, Op.POW_0 -> g[sa[k]] += 0.0;
        case Op.RECIP -> g[sa[k]] += Kernels.recipBackward(gk, v[r[k]]);
        case Op.ADD -> {
          g[sa[k]] += gk;
          g[sb[k]] += gk;
        }
        case Op.SUB -> {
          g[sa[k]] += gk;
          g[sb[k]] += -gk;
        }
        case Op.MUL -> {
          g[sa[k]] += gk * v[b[k]];
          g[sb[k]] += gk * v[a[k]];
        }
        case Op.DIV -> {
          g[sa[k]] += gk / v[b[k]];
          g[sb[k]] += Kernels.divBackwardOther(gk, v[a[k]], v[b[k]]);
        }
        case Op.POW -> {
          g[sa[k]] += Kernels.powBackwardBase(gk, v[a[k]], v[b[k]]);
          g[sb[k]] += Kernels.powTensorBackwardExponent(gk, v[a[k]], v[b[k]], v[r[k]]);
        }
        case Op.MIN -> {
          g[sa[k]] += Kernels.minBackwardSelf(gk, v[a[k]], v[b[k]]);
          g[sb[k]] += Kernels.minBackwardOther(gk, v[a[k]], v[b[k]]);
        }
        case Op.MAX -> {
          g[sa[k]] += Kernels.maxBackwardSelf(gk, v[a[k]], v[b[k]]);
          g[sb[k]] += Kernels.maxBackwardOther(gk, v[a[k]], v[b[k]]);
        }
        case Op.ADD_C, Op.SUB_C, Op.POW_1 -> g[sa[k]] += gk;
        case Op.MUL_C -> g[sa[k]] += gk * c[k];
        case Op.DIV_C -> g[sa[k]] += gk / c[k];
        case Op.RPOW_C ->
            g[sa[k]] += Kernels.powBackwardExponent(gk, c[k], p.baux[k], v[a[k]], v[r[k]]);
        case Op.POW_C, Op.POW_2, Op.POW_3, Op.POW_HALF, Op.POW_MHALF, Op.POW_M1, Op.POW_M2 ->
            g[sa[k]] += Kernels.powScalarBackward(gk, v[a[k]], c[k]);
        default -> throw new IllegalStateException("op " + op[k]);
      }
    }
    System.arraycopy(g, 0, grad, 0, nv);
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

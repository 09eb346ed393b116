package dev.optlab.diff;

import dev.optlab.ops.ScalarOps;
import dev.optlab.ops.Sleef;

/**
 * Evaluates a {@link CompiledFunction} with work buffers of its own: one per loop (or thread),
 * made by {@link CompiledFunction#evaluator()}, so that the compiled function itself (what plans
 * and declarations hold) is immutable and shared freely. Evaluating allocates nothing.
 *
 * <p>It interprets the program at first; after {@value CompiledFunction#FUSE_AFTER} calls the
 * program is translated once into JVM bytecode (shared by every evaluator of it), which gives the
 * same bits.
 */
public final class Evaluator {
  private final CompiledFunction function;
  private final Program p;
  private final double[] regs;
  private final double[] adj;
  private int calls;

  Evaluator(CompiledFunction function, Program program) {
    this.function = function;
    this.p = program;
    this.regs = program.regInit.clone();
    this.adj = program.adjInit.clone();
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

  private Fused fused() {
    Fused f = p.fused;
    int policy = CompiledFunction.fusePolicy();
    if (f != null || p.fusedTried || policy == Integer.MAX_VALUE) {
      return f;
    }
    if (calls < policy) {
      calls++;
      return null;
    }
    return function.fuseNow();
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
        case Op.SIGMOID -> ScalarOps.sigmoid(v[a[i]]);
        case Op.RELU -> ScalarOps.relu(v[a[i]]);
        case Op.SOFTPLUS -> ScalarOps.softplus(v[a[i]]);
        case Op.FLOOR -> Math.floor(v[a[i]]);
        case Op.CEIL -> Math.ceil(v[a[i]]);
        case Op.SIGN -> ScalarOps.sign(v[a[i]]);
        case Op.RECIP -> 1.0 / v[a[i]];
        case Op.ADD -> v[a[i]] + v[b[i]];
        case Op.SUB -> v[a[i]] - v[b[i]];
        case Op.MUL -> v[a[i]] * v[b[i]];
        case Op.DIV -> v[a[i]] / v[b[i]];
        case Op.POW -> Math.pow(v[a[i]], v[b[i]]);
        case Op.MIN -> ScalarOps.min(v[a[i]], v[b[i]]);
        case Op.MAX -> ScalarOps.max(v[a[i]], v[b[i]]);
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
        case Op.SQRT -> g[sa[k]] += ScalarOps.sqrtBackward(gk, v[r[k]]);
        case Op.EXP -> g[sa[k]] += gk * v[r[k]];
        case Op.LOG -> g[sa[k]] += gk / v[a[k]];
        case Op.ABS -> g[sa[k]] += ScalarOps.absBackward(gk, v[a[k]]);
        case Op.SIN -> g[sa[k]] += ScalarOps.sinBackward(gk, v[a[k]]);
        case Op.COS -> g[sa[k]] += ScalarOps.cosBackward(gk, v[a[k]]);
        case Op.TAN -> g[sa[k]] += ScalarOps.tanBackward(gk, v[r[k]]);
        case Op.TANH -> g[sa[k]] += ScalarOps.tanhBackward(gk, v[r[k]]);
        case Op.SIGMOID -> g[sa[k]] += ScalarOps.sigmoidBackward(gk, v[r[k]]);
        case Op.RELU -> g[sa[k]] += ScalarOps.reluBackward(gk, v[r[k]]);
        case Op.SOFTPLUS -> g[sa[k]] += ScalarOps.softplusBackward(gk, v[a[k]]);
        case Op.FLOOR, Op.CEIL, Op.SIGN, Op.POW_0 -> g[sa[k]] += 0.0;
        case Op.RECIP -> g[sa[k]] += ScalarOps.recipBackward(gk, v[r[k]]);
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
          g[sb[k]] += ScalarOps.divBackwardOther(gk, v[a[k]], v[b[k]]);
        }
        case Op.POW -> {
          g[sa[k]] += ScalarOps.powBackwardBase(gk, v[a[k]], v[b[k]]);
          g[sb[k]] += ScalarOps.powTensorBackwardExponent(gk, v[a[k]], v[b[k]], v[r[k]]);
        }
        case Op.MIN -> {
          g[sa[k]] += ScalarOps.minBackwardSelf(gk, v[a[k]], v[b[k]]);
          g[sb[k]] += ScalarOps.minBackwardOther(gk, v[a[k]], v[b[k]]);
        }
        case Op.MAX -> {
          g[sa[k]] += ScalarOps.maxBackwardSelf(gk, v[a[k]], v[b[k]]);
          g[sb[k]] += ScalarOps.maxBackwardOther(gk, v[a[k]], v[b[k]]);
        }
        case Op.ADD_C, Op.SUB_C, Op.POW_1 -> g[sa[k]] += gk;
        case Op.MUL_C -> g[sa[k]] += gk * c[k];
        case Op.DIV_C -> g[sa[k]] += gk / c[k];
        case Op.RPOW_C ->
            g[sa[k]] += ScalarOps.powBackwardExponent(gk, c[k], p.baux[k], v[a[k]], v[r[k]]);
        case Op.POW_C, Op.POW_2, Op.POW_3, Op.POW_HALF, Op.POW_MHALF, Op.POW_M1, Op.POW_M2 ->
            g[sa[k]] += ScalarOps.powScalarBackward(gk, v[a[k]], c[k]);
        default -> throw new IllegalStateException("op " + op[k]);
      }
    }
    System.arraycopy(g, 0, grad, 0, nv);
  }

}

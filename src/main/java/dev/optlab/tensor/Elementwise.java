package dev.optlab.tensor;

import dev.optlab.ops.ScalarOps;
import dev.optlab.ops.Sleef;

/**
 * Element-wise functions of one operand and their backward formulas over arrays, each element
 * computed by the one table of scalar operations ({@link ScalarOps}, {@link Sleef}) that the
 * objective compiler uses too: PyTorch 1.13's kernels and autograd formulas, with its roundings
 * (ReLU keeps -0.0, the sign of NaN is 0, tanh's gradient is one fused multiply-add, exp, log,
 * sin, cos, tan and tanh are SLEEF's). Measured on torch 1.13 float64 tensors: relu(-0.0) is
 * -0.0, sign(NaN) is 0, and {@code 1 - y * y} without the fused multiply-add matched tanh's
 * gradient for 40% of 1000 points, {@code Math.exp} exp for 94%.
 */
final class Elementwise {
  private Elementwise() {}

  /** The work of {@code n} elements of {@code op} in units of a ReLU (see {@link Threads}). */
  static long work(Op op, int n) {
    return switch (op) {
      case NEG, ABS, RELU, SIGN, FLOOR, CEIL, SQRT -> n;
      default -> (long) n * Threads.COSTLY;
    };
  }

  /** {@code y = op(x)}, in chunks among the threads when large (each element apart). */
  static void forward(Op op, double c, double[] x, int xo, double[] y, int yo, int n) {
    if (Threads.parallelElements(work(op, n))) {
      Threads.split(n, Threads.ALIGN, (f, t) -> forwardRange(op, c, x, xo + f, y, yo + f, t - f));
    } else {
      forwardRange(op, c, x, xo, y, yo, n);
    }
  }

  private static void forwardRange(Op op, double c, double[] x, int xo, double[] y, int yo,
      int n) {
    switch (op) {
      case NEG -> { for (int i = 0; i < n; i++) y[yo + i] = -x[xo + i]; }
      case EXP -> { for (int i = 0; i < n; i++) y[yo + i] = Sleef.exp(x[xo + i]); }
      case LOG -> { for (int i = 0; i < n; i++) y[yo + i] = Sleef.log(x[xo + i]); }
      case SQRT -> { for (int i = 0; i < n; i++) y[yo + i] = Math.sqrt(x[xo + i]); }
      case ABS -> { for (int i = 0; i < n; i++) y[yo + i] = Math.abs(x[xo + i]); }
      case SIN -> { for (int i = 0; i < n; i++) y[yo + i] = Sleef.sin(x[xo + i]); }
      case COS -> { for (int i = 0; i < n; i++) y[yo + i] = Sleef.cos(x[xo + i]); }
      case TAN -> { for (int i = 0; i < n; i++) y[yo + i] = Sleef.tan(x[xo + i]); }
      case TANH -> { for (int i = 0; i < n; i++) y[yo + i] = Sleef.tanh(x[xo + i]); }
      case SIGMOID -> { for (int i = 0; i < n; i++) y[yo + i] = ScalarOps.sigmoid(x[xo + i]); }
      case RELU -> {
        if (Linear.VECTOR) { // branch-free: half of a ReLU's inputs are negative, at random
          VectorProduct.relu(x, xo, y, yo, n);
        } else {
          for (int i = 0; i < n; i++) y[yo + i] = ScalarOps.relu(x[xo + i]);
        }
      }
      case SOFTPLUS -> { for (int i = 0; i < n; i++) y[yo + i] = ScalarOps.softplus(x[xo + i]); }
      case SIGN -> { for (int i = 0; i < n; i++) y[yo + i] = ScalarOps.sign(x[xo + i]); }
      case FLOOR -> { for (int i = 0; i < n; i++) y[yo + i] = Math.floor(x[xo + i]); }
      case CEIL -> { for (int i = 0; i < n; i++) y[yo + i] = Math.ceil(x[xo + i]); }
      case POW_C -> {
        for (int i = 0; i < n; i++) y[yo + i] = ScalarOps.powScalar(x[xo + i], c);
      }
      default -> throw new IllegalStateException(op.toString());
    }
  }

  /**
   * {@code gx += dy/dx * gy}, given the operand {@code x} and the result {@code y}; in chunks
   * when large (each element of {@code gx} gets its one term, so no sum is reordered).
   */
  static void backward(Op op, double c, double[] x, int xo, double[] y, int yo, double[] gy,
      int gyo, double[] gx, int gxo, int n) {
    if (Threads.parallelElements(work(op, n))) {
      Threads.split(n, Threads.ALIGN, (f, t) ->
          backwardRange(op, c, x, xo + f, y, yo + f, gy, gyo + f, gx, gxo + f, t - f));
    } else {
      backwardRange(op, c, x, xo, y, yo, gy, gyo, gx, gxo, n);
    }
  }

  private static void backwardRange(Op op, double c, double[] x, int xo, double[] y, int yo,
      double[] gy, int gyo, double[] gx, int gxo, int n) {
    switch (op) {
      case NEG -> { for (int i = 0; i < n; i++) gx[gxo + i] -= gy[gyo + i]; }
      case EXP -> { for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] * y[yo + i]; }
      case LOG -> { for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] / x[xo + i]; }
      case SQRT -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += ScalarOps.sqrtBackward(gy[gyo + i], y[yo + i]);
      }
      case ABS -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += ScalarOps.absBackward(gy[gyo + i], x[xo + i]);
      }
      case SIN -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += ScalarOps.sinBackward(gy[gyo + i], x[xo + i]);
      }
      case COS -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += ScalarOps.cosBackward(gy[gyo + i], x[xo + i]);
      }
      case TAN -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += ScalarOps.tanBackward(gy[gyo + i], y[yo + i]);
      }
      case TANH -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += ScalarOps.tanhBackward(gy[gyo + i], y[yo + i]);
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) {
          gx[gxo + i] += ScalarOps.sigmoidBackward(gy[gyo + i], y[yo + i]);
        }
      }
      case RELU -> {
        if (Linear.VECTOR) {
          VectorProduct.reluBackward(y, yo, gy, gyo, gx, gxo, n);
        } else {
          for (int i = 0; i < n; i++) {
            gx[gxo + i] += ScalarOps.reluBackward(gy[gyo + i], y[yo + i]);
          }
        }
      }
      case SOFTPLUS -> {
        for (int i = 0; i < n; i++) {
          gx[gxo + i] += ScalarOps.softplusBackward(gy[gyo + i], x[xo + i]);
        }
      }
      case SIGN, FLOOR, CEIL -> { } // zero almost everywhere, as PyTorch takes it
      case POW_C -> {
        for (int i = 0; i < n; i++) {
          gx[gxo + i] += ScalarOps.powScalarBackward(gy[gyo + i], x[xo + i], c);
        }
      }
      default -> throw new IllegalStateException(op.toString());
    }
  }
}

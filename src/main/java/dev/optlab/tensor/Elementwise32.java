package dev.optlab.tensor;

import dev.optlab.ops.ScalarOps;

/**
 * {@link Elementwise}'s functions in float32: each result stored as a float, as PyTorch's float32
 * kernels store it. Negation, absolute value, ReLU and the products and quotients of the
 * gradients are float operations; the transcendental functions (exp, log, sin, ..., sigmoid's
 * and softplus's exponentials) take the float64 value of the function at the float operand and
 * round it once: within half an ulp of the true value, where PyTorch's SLEEF float kernels are
 * within one (so the two differ by at most an ulp or so per element, inside the tolerance of
 * docs/tensors.md).
 */
final class Elementwise32 {
  private Elementwise32() {}

  /** {@code y = op(x)}, in chunks among the threads when large (each element apart). */
  static void forward(Op op, double c, float[] x, int xo, float[] y, int yo, int n) {
    if (Threads.parallelElements(Elementwise.work(op, n))) {
      Threads.split(n, Threads.ALIGN, (f, t) -> forwardRange(op, c, x, xo + f, y, yo + f, t - f));
    } else {
      forwardRange(op, c, x, xo, y, yo, n);
    }
  }

  private static void forwardRange(Op op, double c, float[] x, int xo, float[] y, int yo,
      int n) {
    switch (op) {
      case NEG -> { for (int i = 0; i < n; i++) y[yo + i] = -x[xo + i]; }
      case ABS -> { for (int i = 0; i < n; i++) y[yo + i] = Math.abs(x[xo + i]); }
      case RELU -> {
        if (Linear.VECTOR) { // branch-free: half of a ReLU's inputs are negative, at random
          VectorProduct32.relu(x, xo, y, yo, n);
        } else {
          for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] < 0 ? 0f : x[xo + i];
        }
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) y[yo + i] = 1f / (1f + (float) Math.exp(-x[xo + i]));
      }
      default -> {
        for (int i = 0; i < n; i++) y[yo + i] = (float) scalar(op, x[xo + i], c);
      }
    }
  }

  /** The float64 function whose value is rounded once (exact for floor, ceil and sign). */
  private static double scalar(Op op, double x, double c) {
    return switch (op) {
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case SQRT -> Math.sqrt(x); // a double square root rounded to float is float's own
      case SIN -> Math.sin(x);
      case COS -> Math.cos(x);
      case TAN -> Math.tan(x);
      case TANH -> Math.tanh(x);
      case SOFTPLUS -> ScalarOps.softplus(x);
      case SIGN -> ScalarOps.sign(x);
      case FLOOR -> Math.floor(x);
      case CEIL -> Math.ceil(x);
      case POW_C -> ScalarOps.powScalar(x, c);
      default -> throw new IllegalStateException(op.toString());
    };
  }

  /** {@code gx += dy/dx * gy}, given the operand {@code x} and the result {@code y}; chunked. */
  static void backward(Op op, double c, float[] x, int xo, float[] y, int yo, float[] gy,
      int gyo, float[] gx, int gxo, int n) {
    if (Threads.parallelElements(Elementwise.work(op, n))) {
      Threads.split(n, Threads.ALIGN, (f, t) ->
          backwardRange(op, c, x, xo + f, y, yo + f, gy, gyo + f, gx, gxo + f, t - f));
    } else {
      backwardRange(op, c, x, xo, y, yo, gy, gyo, gx, gxo, n);
    }
  }

  private static void backwardRange(Op op, double c, float[] x, int xo, float[] y, int yo,
      float[] gy, int gyo, float[] gx, int gxo, int n) {
    switch (op) {
      case NEG -> { for (int i = 0; i < n; i++) gx[gxo + i] -= gy[gyo + i]; }
      case EXP -> { for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] * y[yo + i]; }
      case LOG -> { for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] / x[xo + i]; }
      case RELU -> {
        if (Linear.VECTOR) {
          VectorProduct32.reluBackward(y, yo, gy, gyo, gx, gxo, n);
        } else {
          for (int i = 0; i < n; i++) gx[gxo + i] += y[yo + i] <= 0 ? 0f : gy[gyo + i];
        }
      }
      case SQRT -> { // PyTorch: grad / (2 * result)
        for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] / (2 * y[yo + i]);
      }
      case TANH -> { // 1 - y * y as one fused multiply-add, as PyTorch's AVX2 build does
        for (int i = 0; i < n; i++) {
          gx[gxo + i] += gy[gyo + i] * Math.fma(-y[yo + i], y[yo + i], 1f);
        }
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] * (1f - y[yo + i]) * y[yo + i];
      }
      case SIGN, FLOOR, CEIL -> { } // zero almost everywhere, as PyTorch takes it
      default -> {
        for (int i = 0; i < n; i++) {
          gx[gxo + i] += (float) scalarBackward(op, c, x[xo + i], y[yo + i], gy[gyo + i]);
        }
      }
    }
  }

  /** The other gradients, each from float64 formulas rounded once. */
  private static double scalarBackward(Op op, double c, double x, double y, double g) {
    return switch (op) {
      case ABS -> ScalarOps.absBackward(g, x);
      case SIN -> ScalarOps.sinBackward(g, x);
      case COS -> ScalarOps.cosBackward(g, x);
      case TAN -> ScalarOps.tanBackward(g, y);
      case SOFTPLUS -> ScalarOps.softplusBackward(g, x);
      case POW_C -> ScalarOps.powScalarBackward(g, x, c);
      default -> throw new IllegalStateException(op.toString());
    };
  }
}

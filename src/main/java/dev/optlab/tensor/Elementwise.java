package dev.optlab.tensor;

/**
 * Element-wise functions of one operand and their backward formulas, as PyTorch's autograd
 * writes them ({@code tools/autograd/derivatives.yaml}, PyTorch 1.13): {@code sigmoid}'s {@code
 * (g * (1 - y)) * y}, {@code tanh}'s {@code g * (1 - y * y)}, ReLU's 0 at 0, {@code softplus}
 * with PyTorch's threshold 20, {@code x ^ c}'s {@code g * (c * x^(c - 1))}.
 */
final class Elementwise {
  private Elementwise() {}

  static void forward(Op op, double c, double[] x, int xo, double[] y, int yo, int n) {
    switch (op) {
      case NEG -> { for (int i = 0; i < n; i++) y[yo + i] = -x[xo + i]; }
      case EXP -> { for (int i = 0; i < n; i++) y[yo + i] = Math.exp(x[xo + i]); }
      case LOG -> { for (int i = 0; i < n; i++) y[yo + i] = Math.log(x[xo + i]); }
      case SQRT -> { for (int i = 0; i < n; i++) y[yo + i] = Math.sqrt(x[xo + i]); }
      case ABS -> { for (int i = 0; i < n; i++) y[yo + i] = Math.abs(x[xo + i]); }
      case SIN -> { for (int i = 0; i < n; i++) y[yo + i] = Math.sin(x[xo + i]); }
      case COS -> { for (int i = 0; i < n; i++) y[yo + i] = Math.cos(x[xo + i]); }
      case TAN -> { for (int i = 0; i < n; i++) y[yo + i] = Math.tan(x[xo + i]); }
      case TANH -> { for (int i = 0; i < n; i++) y[yo + i] = Math.tanh(x[xo + i]); }
      case SIGMOID -> { for (int i = 0; i < n; i++) y[yo + i] = 1 / (1 + Math.exp(-x[xo + i])); }
      case RELU -> {
        for (int i = 0; i < n; i++) {
          y[yo + i] = Math.max(x[xo + i], 0.0); // branch-free; NaN stays NaN, as in PyTorch
        }
      }
      case SOFTPLUS -> {
        for (int i = 0; i < n; i++) {
          double v = x[xo + i];
          y[yo + i] = v > 20 ? v : Math.log1p(Math.exp(v));
        }
      }
      case SIGN -> { for (int i = 0; i < n; i++) y[yo + i] = Math.signum(x[xo + i]); }
      case FLOOR -> { for (int i = 0; i < n; i++) y[yo + i] = Math.floor(x[xo + i]); }
      case CEIL -> { for (int i = 0; i < n; i++) y[yo + i] = Math.ceil(x[xo + i]); }
      case POW_C -> {
        if (c == 2) {
          for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] * x[xo + i];
        } else {
          for (int i = 0; i < n; i++) y[yo + i] = Math.pow(x[xo + i], c);
        }
      }
      default -> throw new IllegalStateException(op.toString());
    }
  }

  /** {@code gx += dy/dx * gy}, given the operand {@code x} and the result {@code y}. */
  static void backward(Op op, double c, double[] x, int xo, double[] y, int yo, double[] gy,
      int gyo, double[] gx, int gxo, int n) {
    switch (op) {
      case NEG -> { for (int i = 0; i < n; i++) gx[gxo + i] -= gy[gyo + i]; }
      case EXP -> { for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] * y[yo + i]; }
      case LOG -> { for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] / x[xo + i]; }
      case SQRT -> { for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] / (2 * y[yo + i]); }
      case ABS -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] * Math.signum(x[xo + i]);
      }
      case SIN -> { for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] * Math.cos(x[xo + i]); }
      case COS -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] * -Math.sin(x[xo + i]);
      }
      case TAN -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] * (1 + y[yo + i] * y[yo + i]);
      }
      case TANH -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += gy[gyo + i] * (1 - y[yo + i] * y[yo + i]);
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) gx[gxo + i] += (gy[gyo + i] * (1 - y[yo + i])) * y[yo + i];
      }
      case RELU -> {
        // PyTorch's mask (1 where y > 0, else 0) without a branch: y >= 0, and any y > 0 times
        // 1e308 * 1e308 is at least 1 (the JIT turns a data-dependent branch into mispredictions)
        for (int i = 0; i < n; i++) {
          gx[gxo + i] += gy[gyo + i] * Math.min(y[yo + i] * 1e308 * 1e308, 1.0);
        }
      }
      case SOFTPLUS -> {
        for (int i = 0; i < n; i++) {
          double v = x[xo + i];
          if (v > 20) {
            gx[gxo + i] += gy[gyo + i];
          } else {
            double z = Math.exp(v);
            gx[gxo + i] += gy[gyo + i] * z / (z + 1);
          }
        }
      }
      case SIGN, FLOOR, CEIL -> { } // zero almost everywhere, as PyTorch takes it
      case POW_C -> {
        if (c == 0) {
          return;
        }
        for (int i = 0; i < n; i++) {
          gx[gxo + i] += gy[gyo + i] * (c * (c == 2 ? x[xo + i] : Math.pow(x[xo + i], c - 1)));
        }
      }
      default -> throw new IllegalStateException(op.toString());
    }
  }
}

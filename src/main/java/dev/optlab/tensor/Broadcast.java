package dev.optlab.tensor;

import dev.optlab.ops.ScalarOps;

/**
 * Element-wise operations of two operands with NumPy/PyTorch broadcasting. Each operand is read
 * through strides over the result's index space (0 along a dimension it is broadcast along), so
 * no operand is ever expanded; the backward pass sums a gradient over the dimensions its operand
 * was broadcast along by accumulating into the same element. Backward formulas are PyTorch's:
 * {@code a / b} gives {@code b} the gradient {@code -g * ((a / b) / b)}; {@code min}/{@code max}
 * give each side half at a tie.
 */
final class Broadcast {
  private Broadcast() {}

  /** The strides that read an operand of shape {@code s} over the result's dimensions. */
  static int[] strides(Shape s, int rank) {
    int[] st = new int[rank];
    int stride = 1;
    for (int ia = s.rank() - 1; ia >= 0; ia--) {
      int i = ia + rank - s.rank();
      boolean rowsHere = ia == 0 && s.rows();
      st[i] = !rowsHere && s.dim(ia) == 1 ? 0 : stride;
      if (!rowsHere) {
        stride *= s.dim(ia);
      }
    }
    return st;
  }

  static double apply(Op op, double x, double y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
      case POW -> Math.pow(x, y);
      case MIN -> ScalarOps.min(x, y); // the one table's, as the objective compiler's
      case MAX -> ScalarOps.max(x, y);
      default -> throw new IllegalStateException(op.toString());
    };
  }

  /**
   * Runs {@code kernel} over the result: the innermost dimension as one run of {@code dims[r-1]}
   * elements, the outer ones counted with {@code counter} (a buffer of the rank's length).
   */
  static void forward(Op op, int[] dims, int[] counter, double[] a, int ao, int[] sa, double[] b,
      int bo, int[] sb, double[] out, int oo) {
    int r = dims.length;
    if (r == 0) {
      out[oo] = apply(op, a[ao], b[bo]);
      return;
    }
    int n = dims[r - 1];
    int ia = sa[r - 1];
    int ib = sb[r - 1];
    java.util.Arrays.fill(counter, 0);
    int ai = ao;
    int bi = bo;
    int o = oo;
    while (true) {
      if (ia == 1 && ib == 1 && op == Op.ADD) {
        for (int j = 0; j < n; j++) out[o + j] = a[ai + j] + b[bi + j];
      } else if (ia == 1 && ib == 1 && op == Op.MUL) {
        for (int j = 0; j < n; j++) out[o + j] = a[ai + j] * b[bi + j];
      } else {
        for (int j = 0; j < n; j++) out[o + j] = apply(op, a[ai + j * ia], b[bi + j * ib]);
      }
      o += n;
      int k = r - 2;
      while (k >= 0) {
        ai += sa[k];
        bi += sb[k];
        if (++counter[k] < dims[k]) {
          break;
        }
        ai -= sa[k] * dims[k];
        bi -= sb[k] * dims[k];
        counter[k] = 0;
        k--;
      }
      if (k < 0) {
        return;
      }
    }
  }

  /** Accumulates the gradients of {@code a} and/or {@code b} (null when not wanted). */
  static void backward(Op op, int[] dims, int[] counter, double[] a, int ao, int[] sa,
      double[] b, int bo, int[] sb, double[] out, int oo, double[] g, int go, double[] ga,
      int gao, double[] gb, int gbo) {
    int r = dims.length;
    int n = r == 0 ? 1 : dims[r - 1];
    int ia = r == 0 ? 0 : sa[r - 1];
    int ib = r == 0 ? 0 : sb[r - 1];
    java.util.Arrays.fill(counter, 0);
    int ai = 0;
    int bi = 0;
    int o = 0;
    while (true) {
      if (op == Op.ADD && ia == 1 && ib == 1) {
        if (ga != null) for (int j = 0; j < n; j++) ga[gao + ai + j] += g[go + o + j];
        if (gb != null) for (int j = 0; j < n; j++) gb[gbo + bi + j] += g[go + o + j];
      } else {
        for (int j = 0; j < n; j++) {
          int pa = ai + j * ia;
          int pb = bi + j * ib;
          double gj = g[go + o + j];
          double x = a[ao + pa];
          double y = b[bo + pb];
          if (ga != null) {
            ga[gao + pa] += gradLeft(op, gj, x, y);
          }
          if (gb != null) {
            gb[gbo + pb] += gradRight(op, gj, x, y, out[oo + o + j]);
          }
        }
      }
      o += n;
      int k = r - 2;
      while (k >= 0) {
        ai += sa[k];
        bi += sb[k];
        if (++counter[k] < dims[k]) {
          break;
        }
        ai -= sa[k] * dims[k];
        bi -= sb[k] * dims[k];
        counter[k] = 0;
        k--;
      }
      if (k < 0) {
        return;
      }
    }
  }

  private static double gradLeft(Op op, double g, double x, double y) {
    return switch (op) {
      case ADD, SUB -> g;
      case MUL -> g * y;
      case DIV -> g / y;
      case POW -> ScalarOps.powBackwardBase(g, x, y);
      case MIN -> ScalarOps.minBackwardSelf(g, x, y);
      case MAX -> ScalarOps.maxBackwardSelf(g, x, y);
      default -> throw new IllegalStateException(op.toString());
    };
  }

  private static double gradRight(Op op, double g, double x, double y, double result) {
    return switch (op) {
      case ADD -> g;
      case SUB -> -g;
      case MUL -> g * x;
      case DIV -> ScalarOps.divBackwardOther(g, x, y);
      case POW -> ScalarOps.powTensorBackwardExponent(g, x, y, result);
      case MIN -> ScalarOps.minBackwardOther(g, x, y);
      case MAX -> ScalarOps.maxBackwardOther(g, x, y);
      default -> throw new IllegalStateException(op.toString());
    };
  }
}

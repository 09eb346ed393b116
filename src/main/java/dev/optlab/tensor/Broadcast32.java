package dev.optlab.tensor;

import dev.optlab.ops.ScalarOps;

/**
 * {@link Broadcast}'s operations of two operands in float32: the same walk over the result with
 * strides (no operand expanded), sums of broadcast gradients accumulated in float, as PyTorch's
 * float32 autograd reduces them. {@code +, -, *, /} and their gradients are float operations;
 * {@code ^}, {@code min} and {@code max} take the float64 value at the float operands and round
 * it once ({@code min}, {@code max} exactly).
 */
final class Broadcast32 {
  private Broadcast32() {}

  static float apply(Op op, float x, float y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
      case POW -> (float) Math.pow(x, y);
      case MIN -> (float) ScalarOps.min(x, y);
      case MAX -> (float) ScalarOps.max(x, y);
      default -> throw new IllegalStateException(op.toString());
    };
  }

  /** {@code out = a op b} over the result {@code dims}, in parts when large (Broadcast.parts). */
  static void forward(Op op, int[] dims, int[] counter, float[] a, int ao, int[] sa, float[] b,
      int bo, int[] sb, float[] out, int oo) {
    if (dims.length == 0) {
      out[oo] = apply(op, a[ao], b[bo]);
    } else if (!Broadcast.large(dims, Broadcast.cost(op))) { // no task made for small work
      forward(op, dims, counter, dims[dims.length - 1], dims[dims.length - 1], a, ao, sa, b, bo,
          sb, out, oo);
    } else {
      Broadcast.parts(dims, counter, sa, sb, false, false, Broadcast.cost(op),
          (d, c, n, row, da, db, dout) ->
              forward(op, d, c, n, row, a, ao + da, sa, b, bo + db, sb, out, oo + dout));
    }
  }

  /** A part of the result, as {@link Broadcast}'s part: runs of {@code n}, {@code outRow} apart. */
  private static void forward(Op op, int[] dims, int[] counter, int n, int outRow, float[] a,
      int ao, int[] sa, float[] b, int bo, int[] sb, float[] out, int oo) {
    int r = dims.length;
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
      o += outRow;
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

  /** Accumulates the gradients, in parts when large (no element's sum split or reordered). */
  static void backward(Op op, int[] dims, int[] counter, float[] a, int ao, int[] sa, float[] b,
      int bo, int[] sb, float[] out, int oo, float[] g, int go, float[] ga, int gao, float[] gb,
      int gbo) {
    if (!Broadcast.large(dims, Broadcast.cost(op))) {
      int n = dims.length == 0 ? 1 : dims[dims.length - 1];
      backward(op, dims, counter, n, n, a, ao, sa, b, bo, sb, out, oo, g, go, ga, gao, gb, gbo);
      return;
    }
    Broadcast.parts(dims, counter, sa, sb, ga != null, gb != null, Broadcast.cost(op),
        (d, c, n, row, da, db, dout) -> backward(op, d, c, n, row, a, ao + da, sa, b, bo + db,
            sb, out, oo + dout, g, go + dout, ga, gao + da, gb, gbo + db));
  }

  private static void backward(Op op, int[] dims, int[] counter, int n, int outRow, float[] a,
      int ao, int[] sa, float[] b, int bo, int[] sb, float[] out, int oo, float[] g, int go,
      float[] ga, int gao, float[] gb, int gbo) {
    int r = dims.length;
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
          float gj = g[go + o + j];
          float x = a[ao + pa];
          float y = b[bo + pb];
          if (ga != null) {
            ga[gao + pa] += gradLeft(op, gj, x, y);
          }
          if (gb != null) {
            gb[gbo + pb] += gradRight(op, gj, x, y, out[oo + o + j]);
          }
        }
      }
      o += outRow;
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

  private static float gradLeft(Op op, float g, float x, float y) {
    return switch (op) {
      case ADD, SUB -> g;
      case MUL -> g * y;
      case DIV -> g / y;
      case POW -> (float) ScalarOps.powBackwardBase(g, x, y);
      case MIN -> (float) ScalarOps.minBackwardSelf(g, x, y);
      case MAX -> (float) ScalarOps.maxBackwardSelf(g, x, y);
      default -> throw new IllegalStateException(op.toString());
    };
  }

  private static float gradRight(Op op, float g, float x, float y, float result) {
    return switch (op) {
      case ADD -> g;
      case SUB -> -g;
      case MUL -> g * x;
      case DIV -> -g * ((x / y) / y);
      case POW -> (float) ScalarOps.powTensorBackwardExponent(g, x, y, result);
      case MIN -> (float) ScalarOps.minBackwardOther(g, x, y);
      case MAX -> (float) ScalarOps.maxBackwardOther(g, x, y);
      default -> throw new IllegalStateException(op.toString());
    };
  }
}

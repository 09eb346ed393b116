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

  /** The work of an element of {@code op} in units of a ReLU (see {@link Threads}). */
  static int cost(Op op) {
    return op == Op.POW ? Threads.COSTLY : 1;
  }

  /**
   * A part of the result: the outer dimensions {@code dims[0..r-2]} counted with {@code
   * counter}, runs of {@code n} elements of the last one, {@code outRow} apart in the result,
   * starting {@code da}, {@code db} and {@code dout} elements into the operands and the result.
   */
  interface Part {
    void run(int[] dims, int[] counter, int n, int outRow, int da, int db, int dout);
  }

  /**
   * Runs {@code part} over all of the result {@code dims} (rank at least 1), or, when large, in
   * one part per thread: along the first or the last dimension, the longer of those along which
   * no operand that takes a gradient ({@code gradA}, {@code gradB}) is broadcast. Along such a
   * dimension each operand element gathers its terms within one part, in the order of the whole
   * walk, so results do not depend on the thread count (a bias's gradient, summed over the rows,
   * is split by its columns).
   */
  static void parts(int[] dims, int[] counter, int[] sa, int[] sb, boolean gradA, boolean gradB,
      int cost, Part part) {
    int r = dims.length;
    int n = dims[r - 1];
    long size = size(dims);
    boolean first = r > 1 && apart(0, dims, sa, sb, gradA, gradB);
    boolean last = apart(r - 1, dims, sa, sb, gradA, gradB);
    if (!Threads.parallelElements(size * cost) || (!first && !last)) {
      part.run(dims, counter, n, n, 0, 0, 0);
    } else if (first && (!last || dims[0] >= n)) {
      int row = (int) (size / dims[0]);
      Threads.split(dims[0], 1, (f, t) -> {
        int[] sub = dims.clone();
        sub[0] = t - f;
        part.run(sub, new int[r], n, n, f * sa[0], f * sb[0], f * row);
      });
    } else {
      Threads.split(n, Threads.ALIGN, (f, t) ->
          part.run(dims, new int[r], t - f, n, f * sa[r - 1], f * sb[r - 1], f));
    }
  }

  /** Whether work over the result {@code dims} at {@code cost} an element is worth parts. */
  static boolean large(int[] dims, int cost) {
    return dims.length > 0 && Threads.parallelElements(size(dims) * cost);
  }

  private static long size(int[] dims) {
    long size = 1;
    for (int d : dims) {
      size *= d;
    }
    return size;
  }

  /** Whether no operand taking a gradient is broadcast along dimension {@code d}. */
  private static boolean apart(int d, int[] dims, int[] sa, int[] sb, boolean gradA,
      boolean gradB) {
    return dims[d] == 1 || ((!gradA || sa[d] != 0) && (!gradB || sb[d] != 0));
  }

  /** {@code out = a op b} over the result {@code dims}, in parts when large. */
  static void forward(Op op, int[] dims, int[] counter, double[] a, int ao, int[] sa, double[] b,
      int bo, int[] sb, double[] out, int oo) {
    if (dims.length == 0) {
      out[oo] = apply(op, a[ao], b[bo]);
    } else if (!large(dims, cost(op))) { // no task made for small work
      forward(op, dims, counter, dims[dims.length - 1], dims[dims.length - 1], a, ao, sa, b, bo,
          sb, out, oo);
    } else {
      parts(dims, counter, sa, sb, false, false, cost(op), (d, c, n, row, da, db, dout) ->
          forward(op, d, c, n, row, a, ao + da, sa, b, bo + db, sb, out, oo + dout));
    }
  }

  /**
   * Runs {@code op} over a part of the result: the innermost dimension in runs of {@code n}
   * elements, {@code outRow} apart, the outer ones counted with {@code counter} (a buffer of the
   * rank's length).
   */
  private static void forward(Op op, int[] dims, int[] counter, int n, int outRow, double[] a,
      int ao, int[] sa, double[] b, int bo, int[] sb, double[] out, int oo) {
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

  /**
   * Accumulates the gradients of {@code a} and/or {@code b} (null when not wanted), in parts
   * when large ({@link #parts}: no element's sum is split or reordered).
   */
  static void backward(Op op, int[] dims, int[] counter, double[] a, int ao, int[] sa,
      double[] b, int bo, int[] sb, double[] out, int oo, double[] g, int go, double[] ga,
      int gao, double[] gb, int gbo) {
    if (!large(dims, cost(op))) {
      int n = dims.length == 0 ? 1 : dims[dims.length - 1];
      backward(op, dims, counter, n, n, a, ao, sa, b, bo, sb, out, oo, g, go, ga, gao, gb, gbo);
      return;
    }
    parts(dims, counter, sa, sb, ga != null, gb != null, cost(op), (d, c, n, row, da, db, dout) ->
        backward(op, d, c, n, row, a, ao + da, sa, b, bo + db, sb, out, oo + dout, g, go + dout,
            ga, gao + da, gb, gbo + db));
  }

  private static void backward(Op op, int[] dims, int[] counter, int n, int outRow, double[] a,
      int ao, int[] sa, double[] b, int bo, int[] sb, double[] out, int oo, double[] g, int go,
      double[] ga, int gao, double[] gb, int gbo) {
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

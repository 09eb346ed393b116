package dev.optlab.tensor;

/**
 * {@code C[n, m] = A[n, k] @ B[k, m]} in row-major arrays (a vector operand is a matrix of one
 * row or one column, which has the same layout) and its gradients {@code gA += gC @ B^T}, {@code
 * gB += A^T @ gC}. One row-major kernel serves all three, the gradients through a transposed
 * copy of one operand in a planned scratch buffer (cheap: the size of a weight or a
 * minibatch). Both kernels, the Vector API one ({@link VectorProduct}) and the scalar one
 * for the columns it leaves, sum every element over the inner dimension in order from 0 with a
 * separate multiply and add (no fused multiply-add), as a plain triple loop would: the results
 * are bit for bit those of the triple loop whatever the tiling, the vector width or the thread
 * count.
 */
final class Linear {
  private Linear() {}

  static void forward(double[] a, int ao, double[] b, int bo, double[] c, int co, int n, int k,
      int m) {
    product(a, ao, b, bo, c, co, n, k, m, false);
  }

  /** {@code gA += gC @ B^T}, with {@code t} a scratch of at least {@code k * m}. */
  static void backwardLeft(double[] gc, int gco, double[] b, int bo, double[] ga, int gao,
      double[] t, int n, int k, int m) {
    transpose(b, bo, k, m, t);
    product(gc, gco, t, 0, ga, gao, n, m, k, true);
  }

  /** {@code gB += A^T @ gC}, with {@code t} a scratch of at least {@code n * k}. */
  static void backwardRight(double[] a, int ao, double[] gc, int gco, double[] gb, int gbo,
      double[] t, int n, int k, int m) {
    transpose(a, ao, n, k, t);
    product(t, 0, gc, gco, gb, gbo, k, n, m, true);
  }

  /** {@code t[cols, rows] = x[rows, cols]^T}. */
  private static void transpose(double[] x, int xo, int rows, int cols, double[] t) {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = x[xo + r * cols + c];
      }
    }
  }

  /**
   * {@code C[i, j] (+)= sum_p A[i, p] * B[p, j]} for {@code i < rows}, {@code j < cols}, {@code
   * p < inner}, all three row-major and dense.
   */
  static void product(double[] a, int ao, double[] b, int bo, double[] c, int co, int rows,
      int inner, int cols, boolean add) {
    long work = (long) rows * inner * cols;
    if (!Threads.parallel(work)) {
      rowBlock(a, ao, b, bo, c, co, rows, inner, cols, add); // no task objects on small work
      return;
    }
    Threads.forRows(rows, 4, work, (from, to) ->
        rowBlock(a, ao + from * inner, b, bo, c, co + from * cols, to - from, inner, cols, add));
  }

  /** The product for a block of rows: the SIMD tiles, then the scalar ones for the rest. */
  private static void rowBlock(double[] a, int ao, double[] b, int bo, double[] c, int co,
      int rows, int inner, int cols, boolean add) {
    int done = VECTOR ? VectorProduct.product(a, ao, b, bo, c, co, rows, inner, cols, add) : 0;
    if (done < cols) {
      scalarProduct(a, ao, b, bo, c, co, rows, inner, cols, done, add);
    }
  }

  /**
   * Whether the Vector API is there (the launcher adds {@code jdk.incubator.vector}; a JVM
   * started without it gets the scalar kernel, same results, slower).
   */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector")
      .isPresent() && !"false".equals(System.getProperty("optlab.vector"));

  /**
   * The scalar kernel, for columns {@code [j0, cols)}: 4x4 tiles in sixteen local accumulators,
   * each element loaded feeding four multiply-adds.
   */
  static void scalarProduct(double[] a, int ao, double[] b, int bo, double[] c, int co,
      int rows, int inner, int cols, int j0, boolean add) {
    final int ar = inner;
    final int br = cols;
    int i = 0;
    for (; i + 4 <= rows; i += 4) {
      int a0 = ao + i * ar;
      int a1 = a0 + ar;
      int a2 = a1 + ar;
      int a3 = a2 + ar;
      int j = j0;
      for (; j + 4 <= cols; j += 4) {
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        int b0 = bo + j;
        for (int p = 0; p < inner; p++) {
          double x0 = a[a0 + p];
          double x1 = a[a1 + p];
          double x2 = a[a2 + p];
          double x3 = a[a3 + p];
          int bp = b0 + p * br;
          double y0 = b[bp];
          double y1 = b[bp + 1];
          double y2 = b[bp + 2];
          double y3 = b[bp + 3];
          s00 += x0 * y0;
          s01 += x0 * y1;
          s02 += x0 * y2;
          s03 += x0 * y3;
          s10 += x1 * y0;
          s11 += x1 * y1;
          s12 += x1 * y2;
          s13 += x1 * y3;
          s20 += x2 * y0;
          s21 += x2 * y1;
          s22 += x2 * y2;
          s23 += x2 * y3;
          s30 += x3 * y0;
          s31 += x3 * y1;
          s32 += x3 * y2;
          s33 += x3 * y3;
        }
        int ci = co + i * cols + j;
        store(c, ci, s00, s01, s02, s03, add);
        store(c, ci + cols, s10, s11, s12, s13, add);
        store(c, ci + 2 * cols, s20, s21, s22, s23, add);
        store(c, ci + 3 * cols, s30, s31, s32, s33, add);
      }
      edge(a, ao, b, bo, c, co, i, i + 4, j, cols, inner, cols, add);
    }
    edge(a, ao, b, bo, c, co, i, rows, j0, cols, inner, cols, add);
  }

  private static void store(double[] c, int at, double v0, double v1, double v2, double v3,
      boolean add) {
    if (add) {
      c[at] += v0;
      c[at + 1] += v1;
      c[at + 2] += v2;
      c[at + 3] += v3;
    } else {
      c[at] = v0;
      c[at + 1] = v1;
      c[at + 2] = v2;
      c[at + 3] = v3;
    }
  }

  /** The elements of rows {@code [i0, i1)} and columns {@code [j0, j1)}, one at a time. */
  private static void edge(double[] a, int ao, double[] b, int bo, double[] c, int co, int i0,
      int i1, int j0, int j1, int inner, int cols, boolean add) {
    for (int i = i0; i < i1; i++) {
      for (int j = j0; j < j1; j++) {
        double s = 0;
        for (int p = 0; p < inner; p++) {
          s += a[ao + i * inner + p] * b[bo + p * cols + j];
        }
        int at = co + i * cols + j;
        c[at] = add ? c[at] + s : s;
      }
    }
  }
}

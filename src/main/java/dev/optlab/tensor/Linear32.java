package dev.optlab.tensor;

/**
 * {@link Linear}'s product and gradients in float32: {@code C = A @ B}, {@code gA += gC @ B^T},
 * {@code gB += A^T @ gC}, each element a float sum over the inner dimension in order from 0,
 * each term one fused multiply-add into a float accumulator, as a float32 BLAS accumulates
 * (though in its own blocked order, so results differ from PyTorch's by a few ulps, not bits).
 * The Vector API tiles ({@link VectorProduct32}) and the scalar tiles here compute the same
 * operations, so they agree bit for bit, for any tiling, vector width or thread count. {@code
 * A^T} is read in place through strides (a minibatch's transpose would be copied every step);
 * {@code B^T}, which the vector tiles must load by rows, is copied into the planned scratch.
 */
final class Linear32 {
  private Linear32() {}

  static void forward(float[] a, int ao, float[] b, int bo, float[] c, int co, int n, int k,
      int m) {
    product(a, ao, k, 1, b, bo, c, co, n, k, m, false);
  }

  /** {@code gA += gC @ B^T}, with {@code t} a scratch of at least {@code k * m}. */
  static void backwardLeft(float[] gc, int gco, float[] b, int bo, float[] ga, int gao,
      float[] t, int n, int k, int m) {
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < m; c++) {
        t[c * k + r] = b[bo + r * m + c];
      }
    }
    product(gc, gco, m, 1, t, 0, ga, gao, n, m, k, true);
  }

  /** {@code gB += A^T @ gC}: A[n, k] read transposed in place. */
  static void backwardRight(float[] a, int ao, float[] gc, int gco, float[] gb, int gbo,
      float[] t, int n, int k, int m) {
    product(a, ao, 1, k, gc, gco, gb, gbo, k, n, m, true);
  }

  /**
   * {@code C[i, j] (+)= sum_p A[i, p] * B[p, j]}, B and C row-major and dense, {@code A[i, p]}
   * at {@code a[ao + i * ai + p * ap]}.
   */
  static void product(float[] a, int ao, int ai, int ap, float[] b, int bo, float[] c, int co,
      int rows, int inner, int cols, boolean add) {
    long work = (long) rows * inner * cols;
    if (!Threads.parallel(work)) {
      rowBlock(a, ao, ai, ap, b, bo, c, co, rows, inner, cols, add);
      return;
    }
    Threads.forRows(rows, 4, work, (from, to) -> rowBlock(a, ao + from * ai, ai, ap, b, bo, c,
        co + from * cols, to - from, inner, cols, add));
  }

  /** Row-major A: {@code A[i, p]} at {@code a[ao + i * inner + p]}. */
  static void product(float[] a, int ao, float[] b, int bo, float[] c, int co, int rows,
      int inner, int cols, boolean add) {
    product(a, ao, inner, 1, b, bo, c, co, rows, inner, cols, add);
  }

  private static void rowBlock(float[] a, int ao, int ai, int ap, float[] b, int bo, float[] c,
      int co, int rows, int inner, int cols, boolean add) {
    int done = Linear.VECTOR
        ? VectorProduct32.product(a, ao, ai, ap, b, bo, c, co, rows, inner, cols, add) : 0;
    if (done < cols) {
      scalarProduct(a, ao, ai, ap, b, bo, c, co, rows, inner, cols, done, add);
    }
  }

  /** The scalar kernel alone, row-major A (tests compare it with the vector tiles). */
  static void scalarProduct(float[] a, int ao, float[] b, int bo, float[] c, int co, int rows,
      int inner, int cols, int j0, boolean add) {
    scalarProduct(a, ao, inner, 1, b, bo, c, co, rows, inner, cols, j0, add);
  }

  /**
   * The scalar kernel for columns {@code [j0, cols)} (all of them when there are fewer than two
   * vectors' worth, as a classifier's 10 logits): tiles of 4 rows by 4 columns, then of 4 rows
   * by 1 column, in independent float sums, so that no fused multiply-add waits on the one
   * before it.
   */
  static void scalarProduct(float[] a, int ao, int ai, int ap, float[] b, int bo, float[] c,
      int co, int rows, int inner, int cols, int j0, boolean add) {
    int i = 0;
    for (; i + 4 <= rows; i += 4) {
      int a0 = ao + i * ai;
      int a1 = a0 + ai;
      int a2 = a1 + ai;
      int a3 = a2 + ai;
      int j = j0;
      for (; j + 4 <= cols; j += 4) {
        float s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        float s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        int bp = bo + j;
        for (int p = 0, q = 0; p < inner; p++, bp += cols, q += ap) {
          float y0 = b[bp];
          float y1 = b[bp + 1];
          float y2 = b[bp + 2];
          float y3 = b[bp + 3];
          float x = a[a0 + q];
          s00 = Math.fma(x, y0, s00);
          s01 = Math.fma(x, y1, s01);
          s02 = Math.fma(x, y2, s02);
          s03 = Math.fma(x, y3, s03);
          x = a[a1 + q];
          s10 = Math.fma(x, y0, s10);
          s11 = Math.fma(x, y1, s11);
          s12 = Math.fma(x, y2, s12);
          s13 = Math.fma(x, y3, s13);
          x = a[a2 + q];
          s20 = Math.fma(x, y0, s20);
          s21 = Math.fma(x, y1, s21);
          s22 = Math.fma(x, y2, s22);
          s23 = Math.fma(x, y3, s23);
          x = a[a3 + q];
          s30 = Math.fma(x, y0, s30);
          s31 = Math.fma(x, y1, s31);
          s32 = Math.fma(x, y2, s32);
          s33 = Math.fma(x, y3, s33);
        }
        int at = co + i * cols + j;
        store(c, at, s00, s01, s02, s03, add);
        store(c, at + cols, s10, s11, s12, s13, add);
        store(c, at + 2 * cols, s20, s21, s22, s23, add);
        store(c, at + 3 * cols, s30, s31, s32, s33, add);
      }
      for (; j < cols; j++) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int p = 0, q = 0, bp = bo + j; p < inner; p++, bp += cols, q += ap) {
          float y = b[bp];
          s0 = Math.fma(a[a0 + q], y, s0);
          s1 = Math.fma(a[a1 + q], y, s1);
          s2 = Math.fma(a[a2 + q], y, s2);
          s3 = Math.fma(a[a3 + q], y, s3);
        }
        int at = co + i * cols + j;
        c[at] = add ? c[at] + s0 : s0;
        c[at + cols] = add ? c[at + cols] + s1 : s1;
        c[at + 2 * cols] = add ? c[at + 2 * cols] + s2 : s2;
        c[at + 3 * cols] = add ? c[at + 3 * cols] + s3 : s3;
      }
    }
    for (; i < rows; i++) { // the last rows, one element at a time
      for (int j = j0; j < cols; j++) {
        float s = 0;
        for (int p = 0; p < inner; p++) {
          s = Math.fma(a[ao + i * ai + p * ap], b[bo + p * cols + j], s);
        }
        int at = co + i * cols + j;
        c[at] = add ? c[at] + s : s;
      }
    }
  }

  private static void store(float[] c, int at, float v0, float v1, float v2, float v3,
      boolean add) {
    c[at] = add ? c[at] + v0 : v0;
    c[at + 1] = add ? c[at + 1] + v1 : v1;
    c[at + 2] = add ? c[at + 2] + v2 : v2;
    c[at + 3] = add ? c[at + 3] + v3 : v3;
  }
}

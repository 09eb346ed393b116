package dev.optlab.tensor;

/**
 * {@link Linear}'s product and gradients in float32: {@code C = A @ B}, {@code gA += gC @ B^T},
 * {@code gB += A^T @ gC}, each element a float sum over the inner dimension in order from 0,
 * each term one fused multiply-add into a float accumulator, as a float32 BLAS accumulates
 * (though in its own blocked order, so results differ from PyTorch's by a few ulps, not bits).
 * The Vector API tiles ({@link VectorProduct32}) and the scalar loop here compute the same
 * operations, so they agree bit for bit, for any tiling, vector width or thread count.
 */
final class Linear32 {
  private Linear32() {}

  static void forward(float[] a, int ao, float[] b, int bo, float[] c, int co, int n, int k,
      int m) {
    product(a, ao, b, bo, c, co, n, k, m, false);
  }

  /** {@code gA += gC @ B^T}, with {@code t} a scratch of at least {@code k * m}. */
  static void backwardLeft(float[] gc, int gco, float[] b, int bo, float[] ga, int gao,
      float[] t, int n, int k, int m) {
    transpose(b, bo, k, m, t);
    product(gc, gco, t, 0, ga, gao, n, m, k, true);
  }

  /** {@code gB += A^T @ gC}, with {@code t} a scratch of at least {@code n * k}. */
  static void backwardRight(float[] a, int ao, float[] gc, int gco, float[] gb, int gbo,
      float[] t, int n, int k, int m) {
    transpose(a, ao, n, k, t);
    product(t, 0, gc, gco, gb, gbo, k, n, m, true);
  }

  /** {@code t[cols, rows] = x[rows, cols]^T}, in blocks so both sides stay in the cache. */
  private static void transpose(float[] x, int xo, int rows, int cols, float[] t) {
    final int block = 32;
    for (int r0 = 0; r0 < rows; r0 += block) {
      int r1 = Math.min(rows, r0 + block);
      for (int c0 = 0; c0 < cols; c0 += block) {
        int c1 = Math.min(cols, c0 + block);
        for (int r = r0; r < r1; r++) {
          for (int c = c0; c < c1; c++) {
            t[c * rows + r] = x[xo + r * cols + c];
          }
        }
      }
    }
  }

  /** {@code C[i, j] (+)= sum_p A[i, p] * B[p, j]}, all three row-major and dense. */
  static void product(float[] a, int ao, float[] b, int bo, float[] c, int co, int rows,
      int inner, int cols, boolean add) {
    long work = (long) rows * inner * cols;
    if (!Threads.parallel(work)) {
      rowBlock(a, ao, b, bo, c, co, rows, inner, cols, add);
      return;
    }
    Threads.forRows(rows, 4, work, (from, to) ->
        rowBlock(a, ao + from * inner, b, bo, c, co + from * cols, to - from, inner, cols, add));
  }

  private static void rowBlock(float[] a, int ao, float[] b, int bo, float[] c, int co,
      int rows, int inner, int cols, boolean add) {
    int done = Linear.VECTOR
        ? VectorProduct32.product(a, ao, b, bo, c, co, rows, inner, cols, add) : 0;
    if (done < cols) {
      scalarProduct(a, ao, b, bo, c, co, rows, inner, cols, done, add);
    }
  }

  /**
   * The scalar kernel for columns {@code [j0, cols)} (all of them when there are fewer than two
   * vectors' worth, as a classifier's 10 logits): tiles of 4 rows by 4 columns in sixteen
   * independent float sums, so that no fused multiply-add waits on the one before it.
   */
  static void scalarProduct(float[] a, int ao, float[] b, int bo, float[] c, int co, int rows,
      int inner, int cols, int j0, boolean add) {
    int i = 0;
    for (; i + 4 <= rows; i += 4) {
      int a0 = ao + i * inner;
      int a1 = a0 + inner;
      int a2 = a1 + inner;
      int a3 = a2 + inner;
      int j = j0;
      for (; j + 4 <= cols; j += 4) {
        float s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        float s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        int bp = bo + j;
        for (int p = 0; p < inner; p++, bp += cols) {
          float y0 = b[bp];
          float y1 = b[bp + 1];
          float y2 = b[bp + 2];
          float y3 = b[bp + 3];
          float x = a[a0 + p];
          s00 = Math.fma(x, y0, s00);
          s01 = Math.fma(x, y1, s01);
          s02 = Math.fma(x, y2, s02);
          s03 = Math.fma(x, y3, s03);
          x = a[a1 + p];
          s10 = Math.fma(x, y0, s10);
          s11 = Math.fma(x, y1, s11);
          s12 = Math.fma(x, y2, s12);
          s13 = Math.fma(x, y3, s13);
          x = a[a2 + p];
          s20 = Math.fma(x, y0, s20);
          s21 = Math.fma(x, y1, s21);
          s22 = Math.fma(x, y2, s22);
          s23 = Math.fma(x, y3, s23);
          x = a[a3 + p];
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
      edge(a, ao, b, bo, c, co, i, i + 4, j, cols, inner, cols, add);
    }
    edge(a, ao, b, bo, c, co, i, rows, j0, cols, inner, cols, add);
  }

  private static void store(float[] c, int at, float v0, float v1, float v2, float v3,
      boolean add) {
    c[at] = add ? c[at] + v0 : v0;
    c[at + 1] = add ? c[at + 1] + v1 : v1;
    c[at + 2] = add ? c[at + 2] + v2 : v2;
    c[at + 3] = add ? c[at + 3] + v3 : v3;
  }

  /** Rows {@code [i0, i1)} by columns {@code [j0, j1)}, one element at a time. */
  private static void edge(float[] a, int ao, float[] b, int bo, float[] c, int co, int i0,
      int i1, int j0, int j1, int inner, int cols, boolean add) {
    for (int i = i0; i < i1; i++) {
      for (int j = j0; j < j1; j++) {
        float s = 0;
        for (int p = 0; p < inner; p++) {
          s = Math.fma(a[ao + i * inner + p], b[bo + p * cols + j], s);
        }
        int at = co + i * cols + j;
        c[at] = add ? c[at] + s : s;
      }
    }
  }
}

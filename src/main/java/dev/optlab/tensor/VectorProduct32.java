package dev.optlab.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 matrix product's SIMD kernel: {@link VectorProduct}'s register tiles (4 rows by 2
 * vectors, 2 x 16 floats with AVX-512) on {@link FloatVector}s, twice the lanes of the float64
 * kernel for the same registers and half the bytes moved, which is where float32's speed comes
 * from. Unlike the float64 kernel it multiplies and adds in one fused step: float32 is not
 * PyTorch-bit-exact anyway (its BLAS sums in blocks of its own), and an FMA is one instruction
 * where a multiply and an add are two. Each lane still sums its element in order {@code p = 0,
 * 1, ...}, as {@link Linear32}'s scalar loop does with {@link Math#fma}: the two agree bit for bit.
 */
final class VectorProduct32 {
  private VectorProduct32() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /**
   * Rows {@code [0, rows)}, columns {@code [0, returned)}; the caller does the rest. Element
   * {@code A[i, p]} is {@code a[ao + i * ai + p * ap]}: {@code ai = inner, ap = 1} for a
   * row-major A, {@code ai = 1, ap = rows of the stored matrix} for the transpose of one, read
   * in place (a gradient {@code A^T @ gC} then needs no transposed copy).
   */
  static int product(float[] a, int ao, int ai, int ap, float[] b, int bo, float[] c, int co,
      int rows, int inner, int cols, boolean add) {
    int width = cols - cols % (2 * L);
    if (width == 0) {
      return 0;
    }
    int i = 0;
    for (; i + 4 <= rows; i += 4) {
      for (int j = 0; j < width; j += 2 * L) {
        tile4(a, ao + i * ai, ai, ap, b, bo + j, c, co + i * cols + j, inner, cols, add);
      }
    }
    for (; i < rows; i++) {
      for (int j = 0; j < width; j += 2 * L) {
        tile1(a, ao + i * ai, ap, b, bo + j, c, co + i * cols + j, inner, cols, add);
      }
    }
    return width;
  }

  private static void tile4(float[] a, int a0, int ai, int ap, float[] b, int b0, float[] c,
      int c0, int inner, int cols, boolean add) {
    int a1 = a0 + ai;
    int a2 = a1 + ai;
    int a3 = a2 + ai;
    FloatVector s00 = FloatVector.zero(S);
    FloatVector s01 = s00;
    FloatVector s10 = s00;
    FloatVector s11 = s00;
    FloatVector s20 = s00;
    FloatVector s21 = s00;
    FloatVector s30 = s00;
    FloatVector s31 = s00;
    int bp = b0;
    for (int p = 0, q = 0; p < inner; p++, bp += cols, q += ap) {
      FloatVector y0 = FloatVector.fromArray(S, b, bp);
      FloatVector y1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector x0 = FloatVector.broadcast(S, a[a0 + q]);
      FloatVector x1 = FloatVector.broadcast(S, a[a1 + q]);
      FloatVector x2 = FloatVector.broadcast(S, a[a2 + q]);
      FloatVector x3 = FloatVector.broadcast(S, a[a3 + q]);
      s00 = y0.fma(x0, s00);
      s01 = y1.fma(x0, s01);
      s10 = y0.fma(x1, s10);
      s11 = y1.fma(x1, s11);
      s20 = y0.fma(x2, s20);
      s21 = y1.fma(x2, s21);
      s30 = y0.fma(x3, s30);
      s31 = y1.fma(x3, s31);
    }
    store(c, c0, s00, add);
    store(c, c0 + L, s01, add);
    store(c, c0 + cols, s10, add);
    store(c, c0 + cols + L, s11, add);
    store(c, c0 + 2 * cols, s20, add);
    store(c, c0 + 2 * cols + L, s21, add);
    store(c, c0 + 3 * cols, s30, add);
    store(c, c0 + 3 * cols + L, s31, add);
  }

  private static void tile1(float[] a, int a0, int ap, float[] b, int b0, float[] c, int c0,
      int inner, int cols, boolean add) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    int bp = b0;
    for (int p = 0, q = 0; p < inner; p++, bp += cols, q += ap) {
      FloatVector x = FloatVector.broadcast(S, a[a0 + q]);
      s0 = FloatVector.fromArray(S, b, bp).fma(x, s0);
      s1 = FloatVector.fromArray(S, b, bp + L).fma(x, s1);
    }
    store(c, c0, s0, add);
    store(c, c0 + L, s1, add);
  }

  /** {@code y = relu(x)}: {@code x < 0 ? 0 : x} lane by lane (-0.0 and NaN kept, no branch). */
  static void relu(float[] x, int xo, float[] y, int yo, int n) {
    int i = 0;
    FloatVector zero = FloatVector.zero(S);
    for (; i + L <= n; i += L) {
      FloatVector v = FloatVector.fromArray(S, x, xo + i);
      v.blend(zero, v.lt(zero)).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = x[xo + i] < 0 ? 0f : x[xo + i];
    }
  }

  /** {@code gx += y <= 0 ? 0 : gy}, ReLU's gradient from its result. */
  static void reluBackward(float[] y, int yo, float[] gy, int gyo, float[] gx, int gxo, int n) {
    int i = 0;
    FloatVector zero = FloatVector.zero(S);
    for (; i + L <= n; i += L) {
      FloatVector g = FloatVector.fromArray(S, gy, gyo + i);
      FloatVector v = FloatVector.fromArray(S, y, yo + i);
      FloatVector.fromArray(S, gx, gxo + i).add(g.blend(zero, v.compare(
          jdk.incubator.vector.VectorOperators.LE, zero))).intoArray(gx, gxo + i);
    }
    for (; i < n; i++) {
      gx[gxo + i] += y[yo + i] <= 0 ? 0f : gy[gyo + i];
    }
  }

  /** {@code c[at..] = v}, or {@code c[at..] += v}: the finished sum added once. */
  private static void store(float[] c, int at, FloatVector v, boolean add) {
    (add ? FloatVector.fromArray(S, c, at).add(v) : v).intoArray(c, at);
  }
}

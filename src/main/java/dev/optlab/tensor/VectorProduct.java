package dev.optlab.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix product's SIMD kernel on the Vector API: {@code C[i, j] (+)= sum_p A[i, p] * B[p,
 * j]} in register tiles of 4 rows by 2 vectors (2 x 8 doubles with AVX-512): for each {@code
 * p}, two vectors of a row of B are loaded once and each meets four broadcast elements of A, so
 * eight vector accumulators stay in registers over the whole inner loop. Measured about 4-5x the
 * scalar 4x4 kernel on the MLP's shapes (bench/README.md).
 *
 * <p>Each lane sums its element in order {@code p = 0, 1, ...} with {@code mul} then {@code add}
 * (never {@code fma}), the very operations of the scalar loop, so the results are bit-identical
 * to it. Loaded only when {@code jdk.incubator.vector} is in the boot layer ({@link
 * Linear#VECTOR}).
 */
final class VectorProduct {
  private VectorProduct() {}

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /**
   * Computes the rows {@code [0, rows)} and the columns {@code [0, returned)}: as many as whole
   * tiles of 2 vectors cover; the caller does the rest. Rows beyond a multiple of 4 take one row
   * at a time.
   */
  static int product(double[] a, int ao, double[] b, int bo, double[] c, int co, int rows,
      int inner, int cols, boolean add) {
    int width = cols - cols % (2 * L);
    if (width == 0) {
      return 0;
    }
    int i = 0;
    for (; i + 4 <= rows; i += 4) {
      for (int j = 0; j < width; j += 2 * L) {
        tile4(a, ao + i * inner, b, bo + j, c, co + i * cols + j, inner, cols, add);
      }
    }
    for (; i < rows; i++) {
      for (int j = 0; j < width; j += 2 * L) {
        tile1(a, ao + i * inner, b, bo + j, c, co + i * cols + j, inner, cols, add);
      }
    }
    return width;
  }

  private static void tile4(double[] a, int a0, double[] b, int b0, double[] c, int c0,
      int inner, int cols, boolean add) {
    int a1 = a0 + inner;
    int a2 = a1 + inner;
    int a3 = a2 + inner;
    DoubleVector s00 = DoubleVector.zero(S);
    DoubleVector s01 = s00;
    DoubleVector s10 = s00;
    DoubleVector s11 = s00;
    DoubleVector s20 = s00;
    DoubleVector s21 = s00;
    DoubleVector s30 = s00;
    DoubleVector s31 = s00;
    int bp = b0;
    for (int p = 0; p < inner; p++, bp += cols) {
      DoubleVector y0 = DoubleVector.fromArray(S, b, bp);
      DoubleVector y1 = DoubleVector.fromArray(S, b, bp + L);
      double x0 = a[a0 + p];
      double x1 = a[a1 + p];
      double x2 = a[a2 + p];
      double x3 = a[a3 + p];
      s00 = s00.add(y0.mul(x0));
      s01 = s01.add(y1.mul(x0));
      s10 = s10.add(y0.mul(x1));
      s11 = s11.add(y1.mul(x1));
      s20 = s20.add(y0.mul(x2));
      s21 = s21.add(y1.mul(x2));
      s30 = s30.add(y0.mul(x3));
      s31 = s31.add(y1.mul(x3));
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

  private static void tile1(double[] a, int a0, double[] b, int b0, double[] c, int c0,
      int inner, int cols, boolean add) {
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    int bp = b0;
    for (int p = 0; p < inner; p++, bp += cols) {
      double x = a[a0 + p];
      s0 = s0.add(DoubleVector.fromArray(S, b, bp).mul(x));
      s1 = s1.add(DoubleVector.fromArray(S, b, bp + L).mul(x));
    }
    store(c, c0, s0, add);
    store(c, c0 + L, s1, add);
  }

  /**
   * {@code y = relu(x)}: {@code x < 0 ? 0 : x} lane by lane, as {@code ScalarOps.relu} (-0.0 and
   * NaN kept), without the branch that mispredicts on half of a layer's random-signed inputs.
   */
  static void relu(double[] x, int xo, double[] y, int yo, int n) {
    int i = 0;
    DoubleVector zero = DoubleVector.zero(S);
    for (; i + L <= n; i += L) {
      DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
      v.blend(zero, v.lt(zero)).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = x[xo + i] < 0 ? 0.0 : x[xo + i];
    }
  }

  /** {@code gx += y <= 0 ? 0 : gy}, as {@code ScalarOps.reluBackward}, lane by lane. */
  static void reluBackward(double[] y, int yo, double[] gy, int gyo, double[] gx, int gxo,
      int n) {
    int i = 0;
    DoubleVector zero = DoubleVector.zero(S);
    for (; i + L <= n; i += L) {
      DoubleVector g = DoubleVector.fromArray(S, gy, gyo + i);
      DoubleVector v = DoubleVector.fromArray(S, y, yo + i);
      DoubleVector.fromArray(S, gx, gxo + i).add(g.blend(zero, v.compare(
          jdk.incubator.vector.VectorOperators.LE, zero))).intoArray(gx, gxo + i);
    }
    for (; i < n; i++) {
      gx[gxo + i] += y[yo + i] <= 0 ? 0.0 : gy[gyo + i];
    }
  }

  /** {@code c[at..] = v}, or {@code c[at..] += v}: the finished sum added once, as the loop does. */
  private static void store(double[] c, int at, DoubleVector v, boolean add) {
    (add ? DoubleVector.fromArray(S, c, at).add(v) : v).intoArray(c, at);
  }
}

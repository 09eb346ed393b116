package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float32 matrix kernels ({@link VectorProduct32}'s tiles, {@link Linear32}'s scalar tiles)
 * against a float triple loop that sums each element in order with one fused multiply-add a
 * term: the documented bound is 0 ulp, bit for bit, on ragged shapes, with offsets, and on one,
 * two and three threads.
 */
class MatrixKernel32Test {
  /** {@code C[i, j] (+)= sum_p A[i, p] * B[p, j]}: float sums, fused, from p = 0. */
  static void tripleLoop(float[] a, float[] b, float[] c, int rows, int inner, int cols,
      boolean add) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        float s = 0;
        for (int p = 0; p < inner; p++) {
          s = Math.fma(a[i * inner + p], b[p * cols + j], s);
        }
        c[i * cols + j] = add ? c[i * cols + j] + s : s;
      }
    }
  }

  @Test
  void everyRaggedShapeMatchesTheFloatTripleLoopBitForBit() {
    Random r = new Random(12);
    int checked = 0;
    for (int rows : MatrixKernelTest.SIZES) {
      for (int inner : new int[] {1, 3, 17, 257}) {
        for (int cols : MatrixKernelTest.SIZES) {
          float[] a = random(r, rows * inner);
          float[] b = random(r, inner * cols);
          for (boolean add : new boolean[] {false, true}) {
            float[] expected = random(r, rows * cols);
            float[] actual = expected.clone();
            tripleLoop(a, b, expected, rows, inner, cols, add);
            Linear32.product(a, 0, b, 0, actual, 0, rows, inner, cols, add);
            assertBits(expected, actual, rows + "x" + inner + "x" + cols + " add=" + add);
            checked++;
          }
        }
      }
    }
    assertEquals(5 * 4 * 5 * 2, checked);
  }

  @Test
  void offsetsAndTheScalarKernelAloneAgreeToo() {
    Random r = new Random(3);
    int rows = 17;
    int inner = 33;
    int cols = 70;
    float[] a = random(r, 5 + rows * inner);
    float[] b = random(r, 7 + inner * cols);
    float[] viaVector = new float[3 + rows * cols];
    float[] viaScalar = new float[3 + rows * cols];
    Linear32.product(a, 5, b, 7, viaVector, 3, rows, inner, cols, false);
    Linear32.scalarProduct(a, 5, b, 7, viaScalar, 3, rows, inner, cols, 0, false);
    assertBits(viaScalar, viaVector, "offsets");
  }

  @Test
  void aLargeProductIsTheSameOnOneTwoAndThreeThreads() {
    Random r = new Random(5);
    int rows = 515;
    int inner = 784;
    int cols = 256; // 1e8 multiply-adds: split among threads
    float[] a = random(r, rows * inner);
    float[] b = random(r, inner * cols);
    int before = Threads.count();
    try {
      float[] one = new float[rows * cols];
      Threads.set(1);
      Linear32.product(a, 0, b, 0, one, 0, rows, inner, cols, false);
      for (int n : new int[] {2, 3}) {
        float[] many = new float[rows * cols];
        Threads.set(n);
        Linear32.product(a, 0, b, 0, many, 0, rows, inner, cols, false);
        assertBits(one, many, n + " threads");
      }
    } finally {
      Threads.set(before);
    }
  }

  private static void assertBits(float[] expected, float[] actual, String what) {
    for (int e = 0; e < expected.length; e++) {
      assertEquals(Float.floatToRawIntBits(expected[e]), Float.floatToRawIntBits(actual[e]),
          what + " element " + e + ": " + expected[e] + " vs " + actual[e]);
    }
  }

  private static float[] random(Random r, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextGaussian() * Math.exp(r.nextGaussian()));
    }
    return x;
  }
}

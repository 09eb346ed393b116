package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The matrix kernels (the Vector API tiles and the scalar tiles for the columns they leave)
 * against the plain triple loop, on random shapes with ragged edges. The documented bound is 0
 * ulp: every element is summed in the same order with the same operations, so the results are
 * compared bit for bit (docs/tensors.md, "Speed").
 */
class MatrixKernelTest {
  static final int[] SIZES = {1, 3, 17, 255, 257};

  /** The reference: {@code C[i, j] (+)= sum_p A[i, p] * B[p, j]}, in order from p = 0. */
  static void tripleLoop(double[] a, double[] b, double[] c, int rows, int inner, int cols,
      boolean add) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double s = 0;
        for (int p = 0; p < inner; p++) {
          s += a[i * inner + p] * b[p * cols + j];
        }
        c[i * cols + j] = add ? c[i * cols + j] + s : s;
      }
    }
  }

  @Test
  void theVectorKernelIsInUseUnderTheTestJvm() {
    assertTrue(Linear.VECTOR, "surefire's argLine adds jdk.incubator.vector");
  }

  @Test
  void everyRaggedShapeMatchesTheTripleLoopBitForBit() {
    Random r = new Random(12);
    int checked = 0;
    for (int rows : SIZES) {
      for (int inner : new int[] {1, 3, 17, 257}) {
        for (int cols : SIZES) {
          double[] a = random(r, rows * inner);
          double[] b = random(r, inner * cols);
          for (boolean add : new boolean[] {false, true}) {
            double[] start = random(r, rows * cols);
            double[] expected = start.clone();
            double[] actual = start.clone();
            tripleLoop(a, b, expected, rows, inner, cols, add);
            Linear.product(a, 0, b, 0, actual, 0, rows, inner, cols, add);
            for (int e = 0; e < expected.length; e++) {
              if (Double.doubleToRawLongBits(expected[e]) != Double.doubleToRawLongBits(
                  actual[e])) {
                assertEquals(expected[e], actual[e], 0, rows + "x" + inner + "x" + cols + " add="
                    + add + " element " + e);
                throw new AssertionError("sign of zero differs at " + e);
              }
            }
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
    int cols = 40;
    double[] a = random(r, 5 + rows * inner);
    double[] b = random(r, 7 + inner * cols);
    double[] viaVector = new double[3 + rows * cols];
    double[] viaScalar = new double[3 + rows * cols];
    Linear.product(a, 5, b, 7, viaVector, 3, rows, inner, cols, false);
    Linear.scalarProduct(a, 5, b, 7, viaScalar, 3, rows, inner, cols, 0, false);
    for (int e = 0; e < viaVector.length; e++) {
      assertEquals(Double.doubleToRawLongBits(viaScalar[e]),
          Double.doubleToRawLongBits(viaVector[e]), "element " + e);
    }
  }

  private static double[] random(Random r, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian() * Math.exp(r.nextGaussian());
    }
    return x;
  }
}

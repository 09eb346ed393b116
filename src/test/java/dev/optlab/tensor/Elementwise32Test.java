package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float32 element-wise kernels against the float64 ones at the same (float) operands: each
 * value and gradient within 4 float ulps of the float64 result, for every function and every
 * two-operand operation, so no float kernel computes another formula than its float64 twin.
 */
class Elementwise32Test {
  private static final Random R = new Random(7);

  @Test
  void everyFunctionAndItsGradientIsItsFloat64ValueRoundedToFloat() {
    int n = 200;
    for (Op op : Op.values()) {
      if (!op.unary()) {
        continue;
      }
      float[] x = operands(op, n);
      double[] xd = widen(x);
      float[] y = new float[n];
      double[] yd = new double[n];
      Elementwise32.forward(op, 1.5, x, 0, y, 0, n);
      Elementwise.forward(op, 1.5, xd, 0, yd, 0, n);
      close(op + " value", yd, y);
      float[] g = operands(Op.NEG, n);
      float[] gx = new float[n];
      double[] gxd = new double[n];
      Elementwise32.backward(op, 1.5, x, 0, y, 0, g, 0, gx, 0, n);
      Elementwise.backward(op, 1.5, xd, 0, widen(y), 0, widen(g), 0, gxd, 0, n);
      close(op + " gradient", gxd, gx);
    }
  }

  @Test
  void everyBinaryOperationAndItsGradientsToo() {
    int n = 64;
    int[] dims = {n};
    int[] st = {1};
    for (Op op : Op.values()) {
      if (!op.binary()) {
        continue;
      }
      float[] a = operands(Op.LOG, n);
      float[] b = operands(Op.LOG, n);
      float[] out = new float[n];
      double[] outd = new double[n];
      Broadcast32.forward(op, dims, new int[1], a, 0, st, b, 0, st, out, 0);
      Broadcast.forward(op, dims, new int[1], widen(a), 0, st, widen(b), 0, st, outd, 0);
      close(op + " value", outd, out);
      float[] g = operands(Op.NEG, n);
      float[] ga = new float[n];
      float[] gb = new float[n];
      double[] gad = new double[n];
      double[] gbd = new double[n];
      Broadcast32.backward(op, dims, new int[1], a, 0, st, b, 0, st, out, 0, g, 0, ga, 0, gb, 0);
      Broadcast.backward(op, dims, new int[1], widen(a), 0, st, widen(b), 0, st, widen(out), 0,
          widen(g), 0, gad, 0, gbd, 0);
      close(op + " left gradient", gad, ga);
      close(op + " right gradient", gbd, gb);
    }
  }

  /** Positive operands where the function needs them (log, sqrt, a power), else any sign. */
  private static float[] operands(Op op, int n) {
    boolean positive = op == Op.LOG || op == Op.SQRT || op == Op.POW_C;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      double v = R.nextGaussian() * 2;
      x[i] = (float) (positive ? Math.abs(v) + 0.1 : v);
    }
    return x;
  }

  private static double[] widen(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }

  private static void close(String what, double[] want, float[] got) {
    for (int i = 0; i < want.length; i++) {
      double w = want[i];
      double ulps = Math.abs(got[i] - w) / Math.ulp((float) Math.max(Math.abs(w), 1e-30));
      assertTrue(ulps <= 4 || (Double.isNaN(w) && Float.isNaN(got[i])),
          what + " at " + i + ": " + got[i] + " vs float64 " + w + " (" + ulps + " ulps)");
    }
  }
}

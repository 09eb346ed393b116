package dev.optlab.tensor;

import java.util.Random;

/**
 * GFLOP/s of optlab's matrix products on the shapes of the Fashion-MNIST MLP 784-256-10 at batch
 * 128 (bench/tensor/gemm.sh compiles and runs it against the jar): the two forward products and
 * the three gradient products a training step computes, as the graph calls them (Linear's
 * forward, backwardLeft, backwardRight; Linear32's in float32). Prints one line per product:
 * "NAME FLOPS SECONDS", the best of ROUNDS rounds of enough calls to take about 0.2 s.
 *
 * usage: java ... dev.optlab.tensor.GemmBench THREADS float64|float32 [ROUNDS]
 */
public final class GemmBench {
  private GemmBench() {}

  /** name, n, k, m, kind (0 forward C = A @ B, 1 gA += gC @ B^T, 2 gB += A^T @ gC). */
  static final Object[][] SHAPES = {
      {"fc1 x@W1", 128, 784, 256, 0},
      {"fc1 grad W1 = x^T@g", 128, 784, 256, 2},
      {"fc2 h@W2", 128, 256, 10, 0},
      {"fc2 grad h = g@W2^T", 128, 256, 10, 1},
      {"fc2 grad W2 = h^T@g", 128, 256, 10, 2},
  };

  public static void main(String[] args) {
    Threads.set(Integer.parseInt(args[0]));
    boolean f32 = args[1].equals("float32");
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    Random r = new Random(1);
    for (Object[] s : SHAPES) {
      int n = (int) s[1];
      int k = (int) s[2];
      int m = (int) s[3];
      int kind = (int) s[4];
      double[] a = fill(new double[n * k], r);
      double[] b = fill(new double[k * m], r);
      double[] c = fill(new double[n * m], r);
      double[] t = new double[Math.max(n * k, k * m)];
      float[] af = floats(a);
      float[] bf = floats(b);
      float[] cf = floats(c);
      float[] tf = new float[t.length];
      double[] ga = new double[n * k];
      double[] gb = new double[k * m];
      float[] gaf = new float[n * k];
      float[] gbf = new float[k * m];
      long flops = 2L * n * k * m;
      int calls = (int) Math.max(10, 4e8 / flops);
      double best = Double.MAX_VALUE;
      for (int round = 0; round < rounds; round++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          if (f32) {
            switch (kind) {
              case 0 -> Linear32.forward(af, 0, bf, 0, cf, 0, n, k, m);
              case 1 -> Linear32.backwardLeft(cf, 0, bf, 0, gaf, 0, tf, n, k, m);
              default -> Linear32.backwardRight(af, 0, cf, 0, gbf, 0, tf, n, k, m);
            }
          } else {
            switch (kind) {
              case 0 -> Linear.forward(a, 0, b, 0, c, 0, n, k, m);
              case 1 -> Linear.backwardLeft(c, 0, b, 0, ga, 0, t, n, k, m);
              default -> Linear.backwardRight(a, 0, c, 0, gb, 0, t, n, k, m);
            }
          }
        }
        best = Math.min(best, (System.nanoTime() - t0) / 1e9 / calls);
        if (kind == 1 || kind == 2) { // keep the accumulated gradients finite
          java.util.Arrays.fill(ga, 0);
          java.util.Arrays.fill(gb, 0);
          java.util.Arrays.fill(gaf, 0);
          java.util.Arrays.fill(gbf, 0);
        }
      }
      System.out.printf("%s\t%d\t%.9f%n", s[0], flops, best);
    }
  }

  private static double[] fill(double[] x, Random r) {
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    return x;
  }

  private static float[] floats(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }
}

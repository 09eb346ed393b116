package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The element-wise kernels split large work in chunks among the threads (docs/tensors.md,
 * "Threads") and still give, bit for bit, what one thread gives: on 2 and 3 threads each kernel
 * below is split (the split counter moves) and its results equal the one-thread results. The
 * sizes are above {@link Threads#PARALLEL_ELEMENTS} and ragged, so chunks end mid-row.
 */
class ChunkedKernelsTest {
  private static final int N = 100_003;
  private final int before = Threads.count();

  @AfterEach
  void restore() {
    Threads.set(before);
  }

  /**
   * Runs {@code kernel} on 1, 2 and 3 threads: split on 2 and 3, the same bits on all. Each run
   * on a new thread: a sweep's trial run in another test keeps products on the thread it ran on
   * (Threads.keepProductsOnThisThread), and the suite's tests share threads.
   */
  private static void sameOnAnyThreadCount(String what, boolean splits,
      Supplier<double[]> kernel) {
    Threads.set(1);
    double[] one = onNewThread(kernel);
    for (int n : new int[] {2, 3}) {
      Threads.set(n);
      long before = Threads.splits();
      double[] many = onNewThread(kernel);
      assertEquals(splits, Threads.splits() > before, what + " split on " + n + " threads");
      assertEquals(one.length, many.length);
      for (int i = 0; i < one.length; i++) {
        // doubleToLongBits: signed zeros apart, every NaN as one (a NaN's payload may follow
        // the JIT's state, not the thread count)
        assertEquals(Double.doubleToLongBits(one[i]), Double.doubleToLongBits(many[i]),
            what + ", " + n + " threads, element " + i);
      }
    }
  }

  private static <T> T onNewThread(Supplier<T> work) {
    try (var one = java.util.concurrent.Executors.newSingleThreadExecutor()) {
      return one.submit(work::get).get();
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  private static double[] random(int n, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian() * 3;
    }
    x[5] = -0.0;
    x[6] = Double.NaN;
    return x;
  }

  private static float[] floats(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }

  private static double[] doubles(float[]... parts) {
    double[] d = new double[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int k = 0;
    for (float[] p : parts) {
      for (float v : p) {
        d[k++] = v;
      }
    }
    return d;
  }

  private static double[] concat(double[]... parts) {
    return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
  }

  @ParameterizedTest
  @EnumSource(value = Op.class, names = {"NEG", "EXP", "LOG", "SQRT", "ABS", "SIN", "COS", "TAN",
      "TANH", "SIGMOID", "RELU", "SOFTPLUS", "SIGN", "FLOOR", "CEIL", "POW_C"})
  void aFunctionAndItsGradient(Op op) {
    double[] x = random(N + 40, 1);
    double[] gy = random(N, 2);
    sameOnAnyThreadCount(op + " float64", true, () -> {
      double[] y = new double[N];
      double[] gx = random(N + 20, 3); // gradients accumulate into what is there
      Elementwise.forward(op, 2.5, x, 40, y, 0, N);
      Elementwise.backward(op, 2.5, x, 40, y, 0, gy, 0, gx, 20, N);
      return concat(y, gx);
    });
    float[] xf = floats(x);
    float[] gyf = floats(gy);
    sameOnAnyThreadCount(op + " float32", true, () -> {
      float[] y = new float[N];
      float[] gx = floats(random(N + 20, 3));
      Elementwise32.forward(op, 2.5, xf, 40, y, 0, N);
      Elementwise32.backward(op, 2.5, xf, 40, y, 0, gyf, 0, gx, 20, N);
      return doubles(y, gx);
    });
  }

  /**
   * Two operands of the shapes given (result [rows, cols]), both taking gradients. A bias
   * ([cols]) is split by columns, a per-row scale ([rows, 1]) by rows; an outer sum ([rows, 1]
   * with [1, cols]) has no dimension along which both gradients sum apart and stays whole.
   */
  @ParameterizedTest
  @CsvSource({"ADD, 0, 0, 0", "ADD, 0, 1, 0", "MUL, 0, 1, 0", "DIV, 1, 0, 0", "POW, 0, 1, 0",
      "MAX, 1, 0, 0", "MUL, 0, 2, 0", "DIV, 2, 0, 0", "SUB, 2, 1, 1", "ADD, 2, 3, 1",
      "MUL, 3, 2, 1"})
  void aBroadcastOperationAndItsGradients(Op op, int shapeA, int shapeB, int whole) {
    int rows = 300;
    int cols = 257;
    int[] dims = {rows, cols};
    Shape[] shapes = {Shape.of(rows, cols), Shape.of(cols), Shape.of(rows, 1), Shape.of(1, cols)};
    Shape sa = shapes[shapeA];
    Shape sb = shapes[shapeB];
    int[] stA = Broadcast.strides(sa, 2);
    int[] stB = Broadcast.strides(sb, 2);
    int na = (int) sa.size(0);
    int nb = (int) sb.size(0);
    double[] a = random(na, 4);
    double[] b = random(nb, 5);
    for (int i = 0; i < nb; i++) {
      b[i] = op == Op.POW ? Math.abs(b[i]) / 3 : b[i];
    }
    double[] g = random(rows * cols, 6);
    sameOnAnyThreadCount(op + " " + sa + " " + sb, whole == 0, () -> {
      double[] out = new double[rows * cols];
      double[] ga = new double[na];
      double[] gb = new double[nb];
      Broadcast.backward(op, dims, new int[2], a, 0, stA, b, 0, stB, out, 0, g, 0, ga, 0, gb,
          0);
      if (whole == 0) { // the forward pass splits whatever the shapes
        Broadcast.forward(op, dims, new int[2], a, 0, stA, b, 0, stB, out, 0);
      }
      return concat(out, ga, gb);
    });
    float[] af = floats(a);
    float[] bf = floats(b);
    float[] gf = floats(g);
    sameOnAnyThreadCount(op + " float32", whole == 0, () -> {
      float[] out = new float[rows * cols];
      float[] ga = new float[na];
      float[] gb = new float[nb];
      Broadcast32.backward(op, dims, new int[2], af, 0, stA, bf, 0, stB, out, 0, gf, 0, ga, 0,
          gb, 0);
      if (whole == 0) {
        Broadcast32.forward(op, dims, new int[2], af, 0, stA, bf, 0, stB, out, 0);
      }
      return doubles(out, ga, gb);
    });
  }

  @Test
  void softmaxesAndCrossEntropyByRows() {
    int rows = 1001;
    int classes = 10;
    double[] x = random(rows * classes, 7);
    x[6] = 0.5; // no NaN in a loss
    double[] labels = new double[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = (i * 7) % classes;
    }
    double[] g = random(rows * classes, 8);
    sameOnAnyThreadCount("softmax, log_softmax, cross_entropy", true, () -> {
      double[] y = new double[rows * classes];
      double[] ly = new double[rows * classes];
      double[] gx = new double[rows * classes];
      double[] lsm = new double[rows * classes];
      Reduce.softmax(false, x, 0, y, 0, rows, classes, 1);
      Reduce.softmax(true, x, 0, ly, 0, rows, classes, 1);
      Reduce.softmaxBackward(false, y, 0, g, 0, gx, 0, rows, classes, 1);
      Reduce.softmaxBackward(true, ly, 0, g, 0, gx, 0, rows, classes, 1);
      double loss = Losses.crossEntropy(x, 0, labels, 0, lsm, rows, classes);
      Losses.crossEntropyBackward(0.75, labels, 0, lsm, gx, 0, rows, classes);
      return concat(y, ly, gx, new double[] {loss});
    });
    float[] xf = floats(x);
    float[] lf = floats(labels);
    sameOnAnyThreadCount("cross_entropy float32", true, () -> {
      float[] lsm = new float[rows * classes];
      float[] gx = new float[rows * classes];
      float loss = Losses32.crossEntropy(xf, 0, lf, 0, lsm, rows, classes);
      Losses32.crossEntropyBackward(0.75f, lf, 0, lsm, gx, 0, rows, classes);
      return doubles(lsm, gx, new float[] {loss});
    });
  }

  @Test
  void elementLossesAndSums() {
    double[] a = random(N, 9);
    double[] t = random(N, 10);
    double[] g = random(N, 11);
    for (int i = 0; i < N; i++) {
      t[i] = t[i] > 0 ? 1 : 0;
      a[i] = a[i] != a[i] ? 0 : a[i];
    }
    sameOnAnyThreadCount("mse, bce_with_logits, sum along an axis", true, () -> {
      double[] ga = random(N, 12);
      double[] gt = new double[N];
      Losses.mseBackward(0.5, a, 0, t, 0, ga, 0, gt, 0, N);
      Losses.bceWithLogitsBackward(0.5, a, 0, t, 0, ga, 0, gt, 0, N);
      double[] s = new double[N / 7];
      Reduce.sum(true, a, 0, s, 0, 31, 7, 460); // 31 * 7 * 460 = 99,820 elements
      Reduce.sumBackward(true, g, 0, ga, 0, 31, 7, 460);
      Reduce.sumBackward(true, new double[] {0.3}, 0, gt, 0, 1, N, 1);
      return concat(ga, gt, s);
    });
    float[] af = floats(a);
    float[] tf = floats(t);
    float[] gf = floats(g);
    sameOnAnyThreadCount("float32 mse, bce, sums", true, () -> {
      float[] ga = floats(random(N, 12));
      float[] gt = new float[N];
      Losses32.mseBackward(0.5f, af, 0, tf, 0, ga, 0, gt, 0, N);
      Losses32.bceWithLogitsBackward(0.5f, af, 0, tf, 0, ga, 0, gt, 0, N);
      float[] s = new float[N / 7];
      Reduce32.sum(false, af, 0, s, 0, 31, 7, 460);
      Reduce32.sumBackward(true, gf, 0, ga, 0, 31, 7, 460);
      Reduce32.sumBackward(false, new float[] {0.3f}, 0, gt, 0, 1, N, 1);
      return doubles(ga, gt, s);
    });
  }

  @Test
  void smallWorkStaysOnTheCallingThread() {
    Threads.set(2);
    double[] x = random(Threads.PARALLEL_ELEMENTS - 1, 13);
    long before = onNewThread(() -> {
      long b = Threads.splits();
      Elementwise.forward(Op.RELU, 0, x, 0, new double[x.length], 0, x.length);
      Elementwise.forward(Op.EXP, 0, x, 0, new double[x.length], 0,
          Threads.PARALLEL_ELEMENTS / Threads.COSTLY - 1);
      return b;
    });
    assertEquals(before, Threads.splits());
    onNewThread(() -> {
      Elementwise.forward(Op.EXP, 0, x, 0, new double[x.length], 0,
          Threads.PARALLEL_ELEMENTS / Threads.COSTLY);
      return null;
    });
    assertTrue(Threads.splits() > before, "an exp over 1/8 as many elements is worth a split");
  }
}

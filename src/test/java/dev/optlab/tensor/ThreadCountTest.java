package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Results do not depend on the thread count: the products split their output rows among the
 * threads and compute each element as one thread would (docs/tensors.md, "Threads").
 */
class ThreadCountTest {
  private final int before = Threads.count();

  @AfterEach
  void restore() {
    Threads.set(before);
  }

  @Test
  void aLargeRaggedProductIsBitIdenticalOnOneTwoAndThreeThreads() {
    Random r = new Random(5);
    int rows = 257;
    int inner = 255;
    int cols = 257;
    assertTrue((long) rows * inner * cols >= Threads.PARALLEL_WORK, "large enough to split");
    double[] a = new double[rows * inner];
    double[] b = new double[inner * cols];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextGaussian();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = r.nextGaussian();
    }
    double[] one = new double[rows * cols];
    Threads.set(1);
    Linear.product(a, 0, b, 0, one, 0, rows, inner, cols, false);
    for (int n : new int[] {2, 3}) {
      Threads.set(n);
      double[] many = new double[rows * cols];
      Linear.product(a, 0, b, 0, many, 0, rows, inner, cols, false);
      for (int e = 0; e < one.length; e++) {
        assertEquals(Double.doubleToRawLongBits(one[e]), Double.doubleToRawLongBits(many[e]),
            n + " threads, element " + e);
      }
    }
  }

  @Test
  void aTensorTraceIsIdenticalOnOneTwoAndThreeThreads() {
    String script = "data fashion = idx(images = \"/usr/share/datasets/fashion-mnist/"
        + "train-images-idx3-ubyte.gz\", labels = \"/usr/share/datasets/fashion-mnist/"
        + "train-labels-idx1-ubyte.gz\", scale = \"standard\", rows = 1000, test = 0.2)\n"
        + "objective mlp(W1[784, 256] ~ he, b1[256] = 0, W2[256, 10] ~ xavier, b2[10] = 0) = "
        + "cross_entropy(relu(fashion.x @ W1 + b1) @ W2 + b2, fashion.y)\n"
        + "run Adam(lr = 1e-3) on mlp batch 128 for 3 epochs seed 3 metrics accuracy\n";
    sameBytesOnOneTwoAndThreeThreads(script, 5); // the header, steps 0, 7, 14, 21
  }

  /**
   * Minibatches of 512 rows, so that every step's element-wise kernels are split too: tanh,
   * sigmoid, a per-row scale (split by rows) and a bias (its gradient split by columns), a
   * softmax, mse and cross-entropy; float64 and float32. (The MLP above splits its products,
   * and its element-wise kernels only in the passes over all rows.)
   */
  @Test
  void everyStepsElementWiseKernelsSplitAndTheTraceStaysTheSame() {
    String data = "data fashion = idx(images = \"/usr/share/datasets/fashion-mnist/"
        + "train-images-idx3-ubyte.gz\", labels = \"/usr/share/datasets/fashion-mnist/"
        + "train-labels-idx1-ubyte.gz\", scale = \"standard\", rows = 2000, test = 0.2%s)\n";
    String model = "objective net(W1[784, 300] ~ he, b1[300] = 0, s[784] = 1, W2[300, 10] ~ "
        + "xavier, b2[10] = 0) = cross_entropy(sigmoid(tanh((fashion.x * s) @ W1 + b1)) @ W2 "
        + "+ b2, fashion.y) + 0.1 * mse(softmax(fashion.x @ W1, 1), sigmoid(fashion.x @ W1)) "
        + "+ 1e-4 * sum(W1^2)\n";
    String run = "run Adam(lr = 1e-3) on net batch 512 for 2 epochs seed 4 metrics accuracy%s\n";
    long before = Threads.splits();
    sameBytesOnOneTwoAndThreeThreads(String.format(data, "") + model + String.format(run, ""), 4);
    sameBytesOnOneTwoAndThreeThreads(String.format(data, ", dtype = \"float32\"") + model
        + String.format(run, " dtype = float32"), 4);
    // 8 minibatch steps, each splitting several kernels, on 2 and 3 threads, in both dtypes
    assertTrue(Threads.splits() - before > 4 * 8 * 4, "split " + (Threads.splits() - before));
  }

  /**
   * A user-defined element-wise rule over 200,704 parameters runs as one flat program whose pass
   * splits over the threads (rules/FlatProgram): the trace is the same on 1, 2 and 3 threads.
   */
  @Test
  void aUserDefinedRulesUpdateSplitsAndTheTraceStaysTheSame() {
    String script = "rule MyAdam(lr = 1e-3, betas = (0.9, 0.999), eps = 1e-8) {\n"
        + "  state m = 0\n  state v = 0\n"
        + "  m = add(m * betas[0], g, alpha = 1 - betas[0])\n"
        + "  v = addcmul(v * betas[1], g, g, value = 1 - betas[1])\n"
        + "  denom = sqrt(v) / sqrt(1 - betas[1] ** t) + eps\n"
        + "  p = addcdiv(p, m, denom, value = -(lr / (1 - betas[0] ** t)))\n}\n"
        + "objective big(W[784, 256] = 0.01, b[256] = 0) = sum((W - 0.5)^2) + sum(sin(b))\n"
        + "run MyAdam(lr = 1e-2) on big for 6 steps every 2\n";
    sameBytesOnOneTwoAndThreeThreads(script, 5); // the header, steps 0, 2, 4, 6
    // the rule's own update splits at each of the 6 steps: the same rule with a norm in it
    // (per tensor, one pass) splits 6 times fewer
    String withNorm = script.replace("  m = add(", "  size = norm(g)\n  m = add(");
    assertEquals(6, splitsOnTwoThreads(script) - splitsOnTwoThreads(withNorm));
  }

  private static long splitsOnTwoThreads(String script) {
    long before = Threads.splits();
    csv("2", script);
    return Threads.splits() - before;
  }

  private static void sameBytesOnOneTwoAndThreeThreads(String script, int lines) {
    String one = csv("1", script);
    assertEquals(lines, one.lines().count(), one);
    for (String n : new String[] {"2", "3"}) {
      String many = csv(n, script);
      assertEquals(one, many, n + " threads");
      assertArrayEquals(one.getBytes(StandardCharsets.UTF_8),
          many.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String csv(String threads, String script) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--threads", threads, "--format", "csv", "-e", script},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).replaceAll("\\(\\d+(\\.\\d+)? m?s\\)", "");
  }
}

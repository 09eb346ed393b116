package dev.optlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optlab.plan.SweepResult;
import dev.optlab.plan.TrialResult;
import dev.optlab.tensor.Capture;
import dev.optlab.trace.RunSummary;
import org.junit.jupiter.api.Test;

/**
 * A sweep's worker keeps one graph for its trials on data (exec/TrialBuffers): each trial still
 * ends bit for bit where its own run ends, in float64 and float32, on one thread or two, and
 * when the minibatch size is swept.
 */
class SweepBuffersTest {
  private static final String MLP = "data d = blobs(n = 120, centers = 3, features = 4, seed = 1,"
      + " test = 0.25)\n"
      + "objective net(W1[4, 16] ~ he, b1[16] = 0, W2[16, 3] ~ xavier, b2[3] = 0) =\n"
      + "    cross_entropy(relu(d.x @ W1 + b1) @ W2 + b2, d.y) + 1e-3 * sum(W1^2)\n";

  private static void sameAsRuns(String clauses, int threads, int[] batches) {
    String batch = batches.length == 1 ? " batch " + batches[0]
        : " batch {" + batches[0] + ", " + batches[1] + "}";
    SweepResult r = Sweeps.sweep(MLP + "sweep Adam(lr = {0.001, 0.01, 0.1}) on net" + batch
        + " for 3 epochs seed 5 metrics accuracy" + clauses + " threads " + threads).only();
    assertEquals(3 * batches.length, r.trials().size());
    java.util.List<String> names = r.plan().columns().stream().map(c -> c.name()).toList();
    for (TrialResult t : r.trials()) {
      String lr = t.trial().values().get(names.indexOf("lr"));
      String b = batches.length == 1 ? Integer.toString(batches[0])
          : t.trial().values().get(names.indexOf("batch"));
      Capture run = Capture.run(MLP + "run Adam(lr = " + lr + ") on net batch " + b
          + " for 3 epochs seed 5 metrics accuracy" + clauses);
      RunSummary s = run.summaries.get(0);
      String what = "trial " + t.trial().index() + " (lr " + lr + ", batch " + b + ") on "
          + threads + " threads" + clauses;
      assertEquals(s.last().step(), t.steps(), what);
      assertEquals(Double.doubleToRawLongBits(s.last().loss()),
          Double.doubleToRawLongBits(t.loss()), what);
      double[] params = s.last().params();
      assertEquals(Double.doubleToRawLongBits(params[params.length - 1]),
          Double.doubleToRawLongBits(t.metrics()[0]), what + ": accuracy, the last column");
    }
  }

  @Test
  void everyTrialOnAKeptGraphEndsWhereItsRunEnds() {
    sameAsRuns("", 1, new int[] {16});
    sameAsRuns("", 2, new int[] {16});
  }

  @Test
  void inFloat32Too() {
    sameAsRuns(" dtype = float32", 1, new int[] {16});
  }

  @Test
  void withTheMinibatchSizeSwept() {
    sameAsRuns("", 1, new int[] {8, 32});
  }
}

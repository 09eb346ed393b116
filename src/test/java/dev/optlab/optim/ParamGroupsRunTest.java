package dev.optlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.tensor.Capture;
import dev.optlab.trace.TraceRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How parameter groups run, beyond the PyTorch goldens (ParamGroupsGoldenTest): a group's
 * tensors are gathered and scattered exactly, each group keeps its own state, a selector that
 * takes nothing is allowed, float32 runs take groups, and explain, compare and sweep show them.
 */
class ParamGroupsRunTest {
  private static final String ROSEN =
      "objective rosen(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n";
  private static final String MOONS = """
      data m = moons(n = 64, seed = 3)
      objective mlp(W1[2, 8] ~ he, b1[8] = 0, W2[8, 2] ~ he, b2[2] = 0) =
          cross_entropy(tanh(m.x @ W1 + b1) @ W2 + b2, m.y)
      """;

  /** Every number of every row, run by run: what two runs must share bit for bit. */
  private static List<double[]> numbers(Capture c, String run) {
    return c.rows.stream().filter(r -> r.run().equals(run)).map(ParamGroupsRunTest::numbers)
        .toList();
  }

  private static double[] numbers(TraceRow r) {
    double[] out = new double[r.params().length + 4];
    out[0] = r.step();
    out[1] = r.lr();
    out[2] = r.loss();
    out[3] = r.gradNorm();
    System.arraycopy(r.params(), 0, out, 4, r.params().length);
    return out;
  }

  private static void assertSameRuns(Capture c, String a, String b) {
    List<double[]> x = numbers(c, a);
    List<double[]> y = numbers(c, b);
    assertTrue(x.size() > 2, "rows of " + a);
    assertEquals(x.size(), y.size());
    for (int k = 0; k < x.size(); k++) {
      assertArrayEquals(x.get(k), y.get(k), 0.0, a + " vs " + b + ", row " + k);
    }
  }

  @Test
  void oneOptimizerSplitIntoGroupsStepsExactlyAsItDoesWhole() {
    // W1 and W2 are not next to each other (b1 lies between): gathered, updated, scattered
    Capture c = Capture.run(MOONS + """
        optimizer whole = Adam(lr = 0.01)
        optimizer split = Adam(lr = 0.01) for matrices + Adam(lr = 0.01) for others
        optimizer named = Adam(lr = 0.01) for [b2, W1] + Adam(lr = 0.01) for others
        compare whole, split, named on mlp for 30 steps every 1
        """);
    assertSameRuns(c, "whole", "split");
    assertSameRuns(c, "whole", "named");
  }

  @Test
  void eachGroupHasItsOwnState() {
    // Adam's bias correction counts each group's steps; two groups of Adam at different lr
    // differ from one, and the x group equals a run of Adam on x alone with y's lr 0
    Capture c = Capture.run(ROSEN + """
        optimizer both = Adam(lr = 0.01) for [x] + Adam(lr = 0) for [y]
        optimizer one = Adam(lr = 0.01) for [x] + SGD(lr = 0) for others
        compare both, one on rosen for 50 steps every 1
        """);
    assertSameRuns(c, "both", "one");
    assertEquals(2.0, numbers(c, "both").get(50)[5], "y never moves");
    assertNotEquals(-1.5, numbers(c, "both").get(50)[4], "x moves");
  }

  @Test
  void matricesOnAScalarObjectiveTakeNothingAndTheRestRunsAsAlone() {
    Capture c = Capture.run(ROSEN + """
        optimizer mix = SGD(lr = 0.5) for matrices + Adam(lr = 0.01) for others
        optimizer adam = Adam(lr = 0.01)
        compare mix, adam on rosen for 40 steps every 1
        """);
    // the trace's lr is the first group's (SGD's, though it has no tensors)
    assertEquals(0.5, numbers(c, "mix").get(0)[1]);
    List<double[]> mix = numbers(c, "mix");
    List<double[]> adam = numbers(c, "adam");
    for (int k = 0; k < mix.size(); k++) {
      assertArrayEquals(java.util.Arrays.copyOfRange(adam.get(k), 2, 6),
          java.util.Arrays.copyOfRange(mix.get(k), 2, 6), 0.0, "row " + k);
    }
  }

  @Test
  void float32RunsTakeGroups() {
    Capture c = Capture.run(MOONS + """
        optimizer whole = Adam(lr = 0.01)
        optimizer split = Adam(lr = 0.01) for [W2, b1] + Adam(lr = 0.01) for others
        optimizer mixed = SGD(lr = 0.1, momentum = 0.9) for matrices + Adam(lr = 0.01) for others
        compare whole, split, mixed on mlp for 20 steps every 1 dtype = float32
        """);
    assertSameRuns(c, "whole", "split");
    assertNotEquals(numbers(c, "whole").get(20)[2], numbers(c, "mixed").get(20)[2]);
  }

  @Test
  void explainListsEachGroupsTensorsKernelAndLr() {
    Capture c = Capture.run(MOONS + """
        explain run SGD(lr = 0.1, momentum = 0.9) for matrices + Adam(lr = 0.01, schedule = cosine(T_max = 10)) for others on mlp for 10 steps
        """);
    String plan = c.printed.get(0);
    assertTrue(plan.contains("group 1 for matrices: W1 [2, 8], W2 [8, 2]"), plan);
    assertTrue(plan.contains("kernel Sgd, state: step, momentum_buffer[32]"), plan);
    assertTrue(plan.contains("group 2 for others: b1 [8], b2 [2]"), plan);
    assertTrue(plan.contains("exp_avg[10], exp_avg_sq[10]"), plan);
    assertTrue(plan.contains("lr schedule cosine(T_max=10"), plan);
    assertTrue(plan.contains("the trace's lr is group 1's"), plan);
  }

  @Test
  void explainShowsAGroupsRuleKernelForItsOwnTensors() {
    Capture c = Capture.run(MOONS + """
        rule Sign(lr = 0.01) {
          p = p - lr * sign(g)
        }
        explain run Sign(lr = 0.1) for matrices + Adam(lr = 0.01) for others on mlp for 10 steps
        """);
    String plan = c.printed.get(c.printed.size() - 1);
    assertTrue(plan.contains("      kernel: rule Sign, compiled for each parameter shape\n"
        + "        shape [2, 8] (W1):\n"), plan);
    assertTrue(plan.contains("        shape [8, 2] (W2):\n"), plan);
    assertFalse(plan.contains("shape [8] (b1)"), "b1 is the other group's: " + plan);
    assertTrue(plan.contains("element-wise: runs as one program over all 32 parameters"), plan);
    assertFalse(plan.contains("kernel CompiledRule"), plan);
  }

  @Test
  void plotScheduleOfAGroupedOptimizerDrawsEachGroupsSchedule(@TempDir Path dir)
      throws java.io.IOException {
    Path svg = dir.resolve("s.svg");
    Capture.run(ROSEN + """
        optimizer mix = SGD(lr = 0.001, schedule = cosine(T_max = 100)) for [x] + Adam(lr = 0.01) for others
        plot schedule mix for 100 steps to "%s"
        """.formatted(svg));
    String drawn = Files.readString(svg);
    assertTrue(drawn.contains("mix for [x]"), "a curve for the first group");
    assertTrue(drawn.contains("mix for others"), "a curve for the second group");
  }

  @Test
  void aSweepVariesAGroupsHyperparameters() {
    Capture c = Capture.run(ROSEN + """
        sweep SGD(lr = {0.001, 0.0005}) for [x] + Adam(lr = {0.01, 0.02}) for others on rosen for 20 steps
        """);
    // 2 x 2 trials; the second group's lr is the column lr#2
    String table = c.printed.get(0);
    assertTrue(table.startsWith("sweep SGD for [x] + Adam for others on rosen: 4 trials"), table);
    assertTrue(table.contains("lr#2"), table);
    assertTrue(table.contains("best: trial 0, lr = 0.001, lr#2 = 0.01"), table);
  }
}

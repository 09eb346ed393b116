package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.tensor.Capture;
import dev.optlab.trace.RunSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compare's "reached" column counts steps exactly however long the runs are. */
class CompareReachedTest {
  private static final String OBJECTIVE =
      "objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n";

  @Test
  void pastTenMillionStepsReachedIsTheStepNotTheRowInterval() {
    // Beyond 10M steps the losses are not kept; the hardening issue saw 1000001 for both runs.
    List<RunSummary> longRun = Capture.run(OBJECTIVE
        + "compare SGD(lr = 1e-3, momentum = 0.9), Adam(lr = 0.01) on rosenbrock"
        + " for 10000001 steps every 1000000\n").ranked;
    List<RunSummary> kept = Capture.run(OBJECTIVE
        + "compare SGD(lr = 1e-3, momentum = 0.9), Adam(lr = 0.01) on rosenbrock"
        + " for 100000 steps\n").ranked;
    // Both reach the best loss (0 or its floor) long before 100000 steps: same steps either way.
    long momentum = reached(kept, "SGD");
    assertTrue(momentum > 1000 && momentum < 3000, "momentum reached " + momentum);
    assertEquals(momentum, reached(longRun, "SGD"));
    assertEquals(reached(kept, "Adam"), reached(longRun, "Adam"));
    assertEquals(1484, momentum); // what `compare ... for 10000001 steps` prints
  }

  private static long reached(List<RunSummary> runs, String prefix) {
    return runs.stream().filter(r -> r.run().startsWith(prefix)).findFirst().orElseThrow()
        .stepsToTolerance();
  }
}

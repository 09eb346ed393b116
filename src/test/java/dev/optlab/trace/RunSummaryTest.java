package dev.optlab.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.trace.RunSummary.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  private static RunSummary at(Status status, long step) {
    return new RunSummary("r" + step, status, new TraceRow("r", step, 0.1, 1, 1, new double[0]),
        -1, 0);
  }

  @Test
  void interruptedRunsAtDifferentStepsAreNotRanked() {
    // the hardening issue's case: a third run waiting for a core had done 4,095 steps
    assertFalse(RunSummary.rankable(List.of(at(Status.INTERRUPTED, 192_159_743),
        at(Status.INTERRUPTED, 207_785_983), at(Status.INTERRUPTED, 4_095))));
    assertFalse(RunSummary.rankable(List.of(at(Status.COMPLETED, 100),
        at(Status.INTERRUPTED, 99))));
  }

  @Test
  void finishedOrEquallyFarRunsAreRanked() {
    assertTrue(RunSummary.rankable(List.of(at(Status.COMPLETED, 100), at(Status.DIVERGED, 7))));
    assertTrue(RunSummary.rankable(List.of(at(Status.INTERRUPTED, 50),
        at(Status.INTERRUPTED, 50))));
  }
}

package dev.optlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.source.Source;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fuzz harness's caps: what it refuses to run is what would take long or write outside. */
class FuzzHarnessTest {
  @TempDir Path sandbox;

  private boolean runnable(String script) {
    return FuzzHarness.runnable(new Engine().check(new Source("t.opt", script, sandbox), false),
        sandbox);
  }

  @Test
  void shortRunsWritingIntoTheSandboxRun() {
    assertTrue(runnable("objective f(x = 1) = x^2\nrun Adam on f for 100 steps trace \"t.csv\"\n"
        + "plot run Adam on f for 10 steps to \"p.svg\"\nreport \"r.html\""));
  }

  @Test
  void hugeStepCountsAreOnlyChecked() {
    assertFalse(runnable("objective f(x = 1) = x^2\nrun Adam on f for 1e15 steps"));
    assertFalse(runnable("objective f(x = 1) = x^2\ncompare Adam, SGD(lr = 0.1) on f for 20001 steps"));
    assertFalse(runnable("plot schedule cosine(T_max = 10) for 1000000 steps"));
  }

  @Test
  void filesOutsideTheSandboxAreNeverWritten() {
    Path outside = sandbox.getParent().resolve("x.csv");
    assertFalse(runnable("objective f(x = 1) = x^2\nrun Adam on f for 3 steps trace \""
        + outside + "\""));
    assertFalse(runnable("report \"../r.html\""));
  }

  @Test
  void trainingIsCappedByRowsTimesFeaturesTimesSteps() {
    String data = "data b = blobs(n = 2000, features = 100)\n"
        + "objective m(W[100, 3] = 0) = cross_entropy(b.x @ W, b.y)\n";
    assertTrue(runnable(data + "run Adam on m for 50 steps"));
    assertFalse(runnable(data + "run Adam on m for 500 steps"));
  }

  @Test
  void bigDataSetsAreNeitherTimedNorRunEvenBesideAnError() {
    String big = "data b = blobs(n = 20000, features = 100)\n";
    assertFalse(FuzzHarness.timed(new Source("t.opt", big + "print nosuch", sandbox)));
    assertFalse(runnable(big));
    assertTrue(FuzzHarness.timed(new Source("t.opt", "data b = blobs(n = 100)\nprint 1", sandbox)));
  }
}

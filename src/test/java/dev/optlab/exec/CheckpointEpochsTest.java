package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resume "FILE" for N more epochs}: N epochs' worth of updates beyond the checkpoint's,
 * counted on from its step, so 1 epoch and 2 more are 3 epochs straight, and a checkpoint taken
 * mid-epoch goes on as many updates past it; every column of every row the same.
 */
class CheckpointEpochsTest {
  @TempDir
  Path dir;

  // 195 training rows in batches of 30: 7 updates an epoch
  private static final String DECL = CheckpointResumeTest.MLP + "optimizer o = Adam(lr = 0.01, "
      + "schedule = plateau(patience = 1, threshold = 0.2))\n";
  private static final String CLAUSES = "batch 30 seed 3 every 1 per epoch "
      + CheckpointResumeTest.METRICS;

  @Test
  void oneEpochAndTwoMoreAreThreeStraight() throws Exception {
    assertSame("3 epochs", "1 epochs", "2 more epochs", 7, 21);
  }

  @Test
  void moreEpochsFromMidEpochAreThatManyEpochsOfUpdatesPastTheCheckpoint() throws Exception {
    assertSame("31 steps", "17 steps", "2 more epochs", 17, 31);
  }

  /**
   * Runs {@code straight}, then {@code first} with a checkpoint after {@code n} updates and
   * {@code more} from it; each resumed row equals the straight run's row of its step, and the
   * resumed run ends at {@code last}.
   */
  private void assertSame(String straight, String first, String more, int n, int last)
      throws Exception {
    ResumeTraces r = new ResumeTraces(dir);
    Path ckpt = dir.resolve("e.safetensors");
    ResumeTraces.run(DECL + r.line("mlp", straight, CLAUSES, "straight.csv", "")
        + r.line("mlp", first, CLAUSES, "first.csv", " checkpoint \"" + ckpt + "\"")
        + r.line("mlp", more, CLAUSES, "second.csv", " resume \"" + ckpt + "\""));
    Map<String, String> byStep = new HashMap<>();
    for (String row : Files.readAllLines(dir.resolve("straight.csv"))) {
      byStep.put(row.split(",")[1], row);
    }
    List<String> second = Files.readAllLines(dir.resolve("second.csv"));
    assertEquals(Integer.toString(n), second.get(1).split(",")[1], "it starts at the checkpoint");
    assertEquals(Integer.toString(last), second.get(second.size() - 1).split(",")[1]);
    assertTrue(second.size() > 3);
    for (String row : second) {
      assertEquals(byStep.get(row.split(",")[1]), row);
    }
  }
}

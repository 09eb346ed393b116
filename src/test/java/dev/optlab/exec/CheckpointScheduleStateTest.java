package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.io.SafeTensors;
import dev.optlab.trace.Numbers;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resumes from the moments where a schedule's state is hardest to carry: plateau inside its
 * cooldown, and with bad epochs counted after a reduction (alone and as a mid-segment part of a
 * {@code then} chain), and cyclic and onecycle half-way through a cycle of the momentum. Each
 * test first reads the checkpoint's {@code schedule_state} to show the moment is the one named
 * (so a change of objective cannot make it pass vacuously), then compares the resumed trace
 * with the straight one, every column of every row.
 */
class CheckpointScheduleStateTest {
  @TempDir
  Path dir;

  private static final String OBJECTIVE = CheckpointResumeTest.OBJECTIVE;
  private static final String PLATEAU = "plateau(factor = 0.5, patience = 2, threshold = 0.5, "
      + "cooldown = 3)";
  private static final int STEPS = 90;

  @Test
  void plateauResumesInItsCooldownAndWhileCountingBadEpochs() throws Exception {
    String opt = "optimizer o = SGD(lr = 0.01, momentum = 0.9, schedule = " + PLATEAU + ")\n";
    // plateau's state: lr, t, best, num_bad_epochs, cooldown_counter
    assertMoments(opt, 0, "f");
  }

  @Test
  void plateauInsideAThenChainResumesMidSegment() throws Exception {
    String first = "linear(total_iters = 10)";
    // the chain's state: t, segment, held momentum, then each part's; plateau's is the second
    int offset = 3 + state(OBJECTIVE + "optimizer o = SGD(lr = 0.01, momentum = 0.9, schedule = "
        + first + ")\n", "f", 5).length;
    String opt = "optimizer o = SGD(lr = 0.01, momentum = 0.9, schedule = " + first + " for 20 "
        + "then " + PLATEAU + " for 50 then cyclic(base_lr = 0.001, max_lr = 0.01, "
        + "step_size_up = 5))\n";
    List<Integer> at = assertMoments(opt, offset, "f");
    for (int n : at) {
      assertEquals(1.0, state(OBJECTIVE + opt, "f", n)[1], "plateau is the current segment");
      assertTrue(n > 20 && n < 70, "mid-segment: " + n);
    }
  }

  @Test
  void cyclicAndOnecycleResumeHalfWayThroughTheirMomentumCycle() throws Exception {
    for (String opt : List.of(
        "SGD(lr = 0.01, momentum = 0.9, schedule = cyclic(base_lr = 0.001, max_lr = 0.01, "
            + "step_size_up = 20, base_momentum = 0.7, max_momentum = 0.95))",
        "Adam(lr = 0.01, schedule = onecycle(max_lr = 0.05, total_steps = 100))",
        "RMSprop(lr = 0.01, momentum = 0.5, schedule = cyclic(base_lr = 0.001, max_lr = 0.01, "
            + "step_size_up = 9, mode = \"triangular2\"))",
        "NAdam(lr = 0.01, schedule = onecycle(max_lr = 0.02, total_steps = 95, three_phase = "
            + "true))")) {
      String decl = OBJECTIVE + "optimizer o = " + opt + "\n";
      int n = 31;
      double[] s = state(decl, "f", n);
      // cyclic's and onecycle's state: t, lr, momentum; momentum neither end of its cycle
      assertEquals(n, s[0]);
      assertTrue(s[2] == s[2] && s[2] > 0.5 && s[2] < 0.95 && s[2] != 0.9, opt + ": " + s[2]);
      assertResumes(decl, "f", "every 1", n, STEPS - n);
      String mlp = CheckpointResumeTest.MLP + "optimizer o = " + opt + "\n";
      assertResumes(mlp, "mlp", "batch 30 seed 3 every 1 " + CheckpointResumeTest.METRICS,
          17, 40);
    }
  }

  /**
   * Finds the steps after which plateau (its state at {@code offset} of the schedule's) is in
   * its cooldown, and where it counts bad epochs after having reduced the lr, resumes from one
   * of each, and returns them.
   */
  private List<Integer> assertMoments(String opt, int offset, String obj) throws Exception {
    String decl = OBJECTIVE + opt;
    int cooling = -1;
    int counting = -1;
    for (int n = 1; n < STEPS && (cooling < 0 || counting < 0); n++) {
      double[] s = state(decl, obj, n);
      boolean reduced = s[offset] < 0.01;
      if (cooling < 0 && s[offset + 4] > 0 && reduced && s[offset + 4] < 3) {
        cooling = n; // a cooldown part-way done
      }
      if (counting < 0 && s[offset + 3] > 0 && reduced) {
        counting = n;
      }
    }
    assertTrue(cooling > 0, "plateau never in cooldown part-way");
    assertTrue(counting > 0, "plateau never counting bad epochs after a reduction");
    assertNotEquals(cooling, counting);
    for (int n : List.of(cooling, counting)) {
      assertResumes(decl, obj, "every 1", n, STEPS - n);
    }
    return List.of(cooling, counting);
  }

  /** The schedule_state of a checkpoint after {@code n} steps. */
  private double[] state(String decl, String obj, int n) throws Exception {
    Path ckpt = dir.resolve("s.safetensors");
    run(decl + "run o on " + obj + " for " + n + " steps checkpoint \"" + ckpt + "\"\n");
    Map<String, String> meta = SafeTensors.read(ckpt).metadata();
    return Arrays.stream(meta.get("schedule_state").split(",")).mapToDouble(Numbers::parseRepr)
        .toArray();
  }

  private void assertResumes(String decl, String obj, String clauses, int n, int m)
      throws Exception {
    new ResumeTraces(dir).assertResumes(decl, obj, clauses, n, m);
  }

  private static void run(String script) {
    ResumeTraces.run(script);
  }
}

package dev.optlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.optlab.Engine;
import dev.optlab.exec.RunControl;
import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of the checkpoint loader (safetensors, its header's JSON, the checks
 * against the run): the first byte picks the statement that reads the file (resuming Adam,
 * resuming SGD with momentum and a {@code then} chain, or a warm start), the rest is the file.
 * Any bytes either run or end in a located error ({@code t.opt:2:..: error:}), never an internal
 * error, in under 2 s. {@code mvn verify} replays {@code CheckpointFuzzTestInputs/}, seeded with
 * checkpoints optlab wrote and the bad files of errors/checkpoint_*; {@code JAZZER_FUZZ=1}
 * fuzzes for real (bench/fuzz.sh).
 */
class CheckpointFuzzTest {
  static final List<String> RUNS = List.of(
      "run Adam(lr = 0.1) on f resume \"FILE\" for 3 more steps",
      "run SGD(lr = 0.01, momentum = 0.9, schedule = linear(total_iters = 3) for 4 then "
          + "multistep(milestones = [2], gamma = 0.5)) on f resume \"FILE\" for 3 more steps",
      "run RMSprop(lr = 0.01) on f from \"FILE\" for 3 steps");

  static {
    // the first statement loads and compiles the whole pipeline (2.7 s under the instrumented
    // agent): not the loader's time, so it is paid before any input is timed
    Capture.run("objective f(x = 1, y = 2) = x^2 + 3 * y^2\nrun Adam on f for 3 steps\n");
  }

  @FuzzTest(maxDuration = "30s")
  void anyCheckpointResumesOrFailsAtTheStatement(byte[] bytes) throws Exception {
    if (bytes.length == 0) {
      return;
    }
    Path file = Files.createTempFile("fuzz", ".safetensors");
    try {
      Files.write(file, Arrays.copyOfRange(bytes, 1, bytes.length));
      String run = RUNS.get(Math.floorMod(bytes[0], RUNS.size())).replace("FILE",
          file.toString());
      long start = System.nanoTime();
      try {
        new Engine().run(new Source("t.opt", "objective f(x = 1, y = 2) = x^2 + 3 * y^2\n"
            + run + "\n"), false, new Capture(), RunControl.none());
      } catch (OptlabError e) {
        assertNull(e.bug(), () -> DiagnosticRenderer.render(e));
        String shown = DiagnosticRenderer.render(e);
        assertTrue(shown.startsWith("t.opt:2:"), shown);
        assertTrue(shown.indexOf('\u001b') < 0, "raw escape: " + shown);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < 2000, "took " + ms + " ms");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}

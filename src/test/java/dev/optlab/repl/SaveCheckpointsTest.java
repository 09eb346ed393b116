package dev.optlab.repl;

import static dev.optlab.repl.ReplDriver.session;
import static dev.optlab.repl.ReplDriver.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code :save} includes the checkpoints of the runs the session made: after the declarations,
 * as comments (loading the script declares, it does not train again), each run that wrote one
 * with its file names rewritten for the saved script's directory, the last run to write a file
 * only; and the saved script's run, turned into a resume, goes on from the file.
 */
class SaveCheckpointsTest {
  @TempDir Path dir;

  private static final String DECL = "objective f(x = -1.5, y = 2) = (1 - x)^2 + 3 * (y - x^2)^2\n"
      + "optimizer o = Adam(lr = 0.05)\n";

  @Test
  void saveListsTheRunsThatWroteCheckpointsForTheSavedScriptsDirectory() throws IOException {
    Files.createDirectories(dir.resolve("out"));
    Files.createDirectories(dir.resolve("saved"));
    String typed = session(DECL
        + "run o on f for 5 steps checkpoint \"out/a.safetensors\"\n"
        + "run o on f for 3 steps\n"
        + "run o on f for 7 steps trace \"out/t.csv\" checkpoint \"out/b.safetensors\" every 2\n"
        + "run o on f for 9 steps checkpoint \"out/a.safetensors\"\n"
        + ":save saved/s.opt\n", settings(dir));
    assertTrue(typed.contains("saved 2 declarations and the 2 checkpoints of runs to saved/s.opt"),
        typed);
    String saved = Files.readString(dir.resolve("saved/s.opt"));
    String runs = saved.substring(saved.indexOf("\n# runs of this session"));
    assertEquals("""

        # runs of this session that wrote checkpoints; to go on from one, run it again with
        # resume "FILE" for N more steps (or epochs) in place of its checkpoint clause:
        # run o on f for 7 steps trace "../out/t.csv" checkpoint "../out/b.safetensors" every 2
        # run o on f for 9 steps checkpoint "../out/a.safetensors"
        """, runs);
    // the saved script loads back (the runs are comments), and the run goes on from its file
    String back = session(":load saved/s.opt\n"
        + "run o on f resume \"out/a.safetensors\" for 1 more steps\n", settings(dir));
    assertTrue(!back.contains("error"), back);
    assertTrue(back.contains("resumed from \"a.safetensors\""), back);
    assertTrue(back.contains("after 10 steps"), back);
  }

  @Test
  void aSessionWithoutCheckpointsSavesItsDeclarationsAlone() throws IOException {
    session(DECL + "run o on f for 5 steps\n:save s.opt\n", settings(dir));
    String saved = Files.readString(dir.resolve("s.opt"));
    assertTrue(!saved.contains("#  run") && !saved.contains("checkpoint"), saved);
  }
}

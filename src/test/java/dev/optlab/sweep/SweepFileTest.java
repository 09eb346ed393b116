package dev.optlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.exec.RunControl;
import dev.optlab.plan.SweepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's file and table are the same bytes for any thread count; random draws depend on the
 * sweep's seed and the trial's number alone; a killed or stopped sweep leaves whole rows, and
 * {@code resume} goes on from them to the file an uninterrupted sweep writes.
 */
class SweepFileTest {
  private static final String GRID = "sweep Adam(lr = logspace(1e-4, 1e-1, 7), betas = {(0.9, "
      + "0.999), (0.95, 0.99)}) on rosenbrock for 400 steps minimize best loss";

  private static String script(Path file, String extra) {
    return Sweeps.ROSENBROCK + GRID + " to \"" + file + "\" " + extra;
  }

  @Test
  void oneThreadAndSixWriteTheSameBytes(@TempDir Path dir) throws IOException {
    Sweeps one = Sweeps.sweep(script(dir.resolve("one.csv"), "threads 1"));
    Sweeps six = Sweeps.sweep(script(dir.resolve("six.csv"), "threads 6"));
    byte[] a = Files.readAllBytes(dir.resolve("one.csv"));
    assertEquals(15, Files.readAllLines(dir.resolve("one.csv")).size()); // header + 14 trials
    assertEquals(new String(a), Files.readString(dir.resolve("six.csv")));
    assertEquals(one.tables(), six.tables());
  }

  @Test
  void drawsDependOnTheSeedAndTheTrialNumberAlone() {
    String draw = "sweep AdamW(lr ~ loguniform(1e-5, 1e-1), weight_decay ~ uniform(0, 0.1), "
        + "amsgrad ~ choice(true, false)) on rosenbrock for 10 steps ";
    SweepResult five = Sweeps.sweep(Sweeps.ROSENBROCK + draw + "sample 5 seed 7").only();
    SweepResult ten = Sweeps.sweep(Sweeps.ROSENBROCK + draw + "sample 10 seed 7").only();
    SweepResult other = Sweeps.sweep(Sweeps.ROSENBROCK + draw + "sample 5 seed 8").only();
    for (int k = 0; k < 5; k++) {
      assertEquals(five.trials().get(k).trial().values(), ten.trials().get(k).trial().values());
      assertNotEquals(five.trials().get(k).trial().values(),
          other.trials().get(k).trial().values());
      double lr = five.trials().get(k).trial().numbers()[0];
      double wd = five.trials().get(k).trial().numbers()[1];
      assertTrue(lr >= 1e-5 && lr < 1e-1 && wd >= 0 && wd < 0.1, lr + " " + wd);
    }
    assertTrue(five.plan().columns().get(0).log());
    assertEquals(false, five.plan().columns().get(1).log());
  }

  @Test
  void resumeGoesOnFromWholeRowsToTheSameFile(@TempDir Path dir) throws IOException {
    Path full = dir.resolve("full.csv");
    Sweeps.sweep(script(full, ""));
    List<String> lines = Files.readAllLines(full);
    // a sweep killed after five trials, in the middle of writing the sixth row
    Path cut = dir.resolve("cut.csv");
    Files.writeString(cut, String.join("\n", lines.subList(0, 6)) + "\n"
        + lines.get(6).substring(0, 20));
    Sweeps resumed = Sweeps.sweep(script(cut, "resume threads 2"));
    assertEquals(Files.readString(full), Files.readString(cut));
    SweepResult r = resumed.only();
    assertEquals(5, r.trials().stream().filter(t -> t.resumed()).count());
    assertEquals(14, r.trials().size());
    assertTrue(resumed.tables().contains("(file)"), resumed.tables());
  }

  @Test
  void aStoppedSweepKeepsItsFinishedTrialsAsWholeRows(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("stopped.csv");
    // Ctrl-C pressed while the fourth trial is about to start: the worker asks before each
    // trial (a 400-step trial never reaches a loop's poll), so the fourth ask is the stop
    RunControl stopAfterThree = new RunControl() {
      private final java.util.concurrent.atomic.AtomicInteger asked =
          new java.util.concurrent.atomic.AtomicInteger();

      @Override
      public boolean stopRequested() {
        boolean worker = Thread.currentThread().getName().startsWith("optlab-sweep");
        return worker ? asked.incrementAndGet() > 3 : asked.get() > 3;
      }
    };
    Sweeps s = Sweeps.sweep(script(file, "threads 1"), stopAfterThree);
    SweepResult r = s.only();
    assertTrue(r.interrupted());
    int finished = r.trials().size();
    assertEquals(3, finished);
    List<String> lines = Files.readAllLines(file);
    assertEquals(1 + finished, lines.size());
    assertTrue(Files.readString(file).endsWith("\n"));
    for (int i = 0; i < finished; i++) {
      assertTrue(lines.get(1 + i).startsWith(r.trials().get(i).trial().index() + ","));
    }
    assertTrue(s.tables().contains("interrupted: " + finished + " of 14 trials finished"),
        s.tables());
  }

  @Test
  void aFileOfAnotherSweepIsRefusedSayingWhichColumnsDiffer(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("other.csv");
    Files.writeString(file, "trial,lr,steps,status,loss,best_loss,config\n");
    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.optlab.source.OptlabError.class,
        () -> Sweeps.sweep(script(file, "resume")));
    assertTrue(e.getMessage().contains("it lacks betas"), e.getMessage());
    assertEquals("trial,lr,steps,status,loss,best_loss,config\n", Files.readString(file));
  }
}

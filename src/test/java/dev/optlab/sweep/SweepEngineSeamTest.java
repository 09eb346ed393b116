package dev.optlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.SweepTrials;
import dev.optlab.exec.RunControl;
import dev.optlab.exec.SweepScript;
import dev.optlab.exec.TrialExecutor;
import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepTrial;
import dev.optlab.plan.TrialResult;
import dev.optlab.source.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam another engine (optlab-spark) plugs into: trials run elsewhere from the {@link
 * SweepScript}'s text alone, checked again, in any order, and the file has the local pool's
 * bytes; resume submits only the trials not in the file.
 */
class SweepEngineSeamTest {
  /** An engine like Spark's, on one thread: last trial first, each from a copy of the data. */
  static final class Elsewhere implements TrialExecutor {
    final SweepScript script;
    final Path scratch;
    final List<Integer> ran = new ArrayList<>();

    Elsewhere(SweepScript script, Path scratch) {
      this.script = script;
      this.scratch = scratch;
    }

    @Override
    public void start(SweepPlan plan, List<SweepTrial> pending, RunControl stop, Done done) {
      try {
        List<String> copies = new ArrayList<>();
        for (String f : script.dataFiles()) { // "shipped": the worker reads its own copy
          Path copy = scratch.resolve(copies.size() + "-" + Path.of(f).getFileName());
          Files.copy(Path.of(f), copy);
          copies.add(copy.toString());
        }
        SweepPlan there = SweepTrials.plan(script.name(),
            script.forWorker(copies, scratch.toString()));
        for (SweepTrial t : pending.reversed()) {
          ran.add(t.index());
          TrialResult r = SweepTrials.run(there, t.index(), t.key());
          done.finished(t, new TrialResult(t, r.steps(), r.status(), r.loss(), r.bestLoss(),
              r.metrics(), r.bestGoal(), false));
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static final String DATA = "data pts = csv(\"pts.csv\", target = \"y\")\n"
      + "objective fit(w[2] = 0, b = 0) = mse(pts.x @ w + b, pts.y)\n";

  private static Path data(Path dir) throws IOException {
    StringBuilder csv = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 20; i++) {
      csv.append(i % 7).append(',').append(i % 3).append(',').append(2 * (i % 7) - i % 3 + 1)
          .append('\n');
    }
    return Files.writeString(dir.resolve("pts.csv"), csv);
  }

  private static List<Elsewhere> run(Path dir, String script, boolean elsewhere) {
    Engine engine = new Engine();
    List<Elsewhere> made = new ArrayList<>();
    if (elsewhere) {
      engine.runSweepsOn(s -> {
        Path scratch = dir.resolve("worker" + made.size());
        try {
          Files.createDirectories(scratch);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        Elsewhere e = new Elsewhere(s, scratch);
        made.add(e);
        return e;
      });
    }
    engine.run(new Source("seam.opt", script, dir), false, new Sweeps(), RunControl.none());
    return made;
  }

  @Test
  void trialsRunFromTheScriptsTextWriteTheLocalPoolsBytes(@TempDir Path dir) throws IOException {
    data(dir);
    String sweep = DATA + "sweep SGD(lr = {0.001, 0.01, 0.03}) on fit batch {4, 20} for 2 epochs"
        + " seeds 0..1 to \"%s\" threads 2\n";
    run(dir, sweep.formatted("local.csv"), false);
    List<Elsewhere> e = run(dir, sweep.formatted("elsewhere.csv"), true);
    assertEquals(12, Files.readAllLines(dir.resolve("local.csv")).size() - 1);
    assertEquals(Files.readString(dir.resolve("local.csv")),
        Files.readString(dir.resolve("elsewhere.csv")));
    assertTrue(e.get(0).script.text().contains("\"" + dir.resolve("pts.csv") + "\""),
        e.get(0).script.text()); // relative data paths are made absolute, then shipped
  }

  @Test
  void aThreadLentToTrialsRunsACompareAfterwardsWithAGraphPerRun(@TempDir Path dir)
      throws IOException {
    // the trials here run on this thread (as a Spark task's); a compare on it afterwards once
    // found the trials' shared graph and failed with an ArrayIndexOutOfBoundsException
    data(dir);
    run(dir, DATA + "sweep SGD(lr = {0.001, 0.01}) on fit batch 4 for 1 epoch to \"t.csv\"\n",
        true);
    dev.optlab.tensor.Capture out = dev.optlab.tensor.Capture.run("data m = moons(n = 100, "
        + "noise = 0.1, test = 0.25, seed = 0)\nobjective net(W1[2, 8] ~ he, b1[8] = 0, W2[8, 2] "
        + "~ xavier, b2[2] = 0) = cross_entropy(tanh(m.x @ W1 + b1) @ W2 + b2, m.y)\n"
        + "compare SGD(lr = 0.5), RMSprop(lr = 0.01) on net for 20 steps metrics test_loss\n");
    assertEquals(2, out.summaries.size(), "both runs of the compare finished");
    assertEquals(20, out.summaries.get(1).last().step());
  }

  @Test
  void aPlotSweepsTrialsRunElsewhereToTheSamePicture(@TempDir Path dir) throws IOException {
    String plot = Sweeps.ROSENBROCK + "plot sweep Adam(lr = logspace(1e-3, 1e-1, 5)) on "
        + "rosenbrock for 300 steps to \"%s\"\n";
    run(dir, plot.formatted("local.svg"), false);
    List<Elsewhere> e = run(dir, plot.formatted("elsewhere.svg"), true);
    assertEquals(List.of(4, 3, 2, 1, 0), e.get(0).ran);
    assertEquals(Files.readString(dir.resolve("local.svg")),
        Files.readString(dir.resolve("elsewhere.svg")));
    try (var drawn = Files.list(dir.resolve("worker0"))) {
      assertEquals(0, drawn.count()); // the worker drew nothing: the picture is the driver's
    }
  }

  @Test
  void resumeSendsOnlyTheTrialsNotInTheFile(@TempDir Path dir) throws IOException {
    String sweep = Sweeps.ROSENBROCK + "sweep Adam(lr = logspace(1e-3, 1e-1, 5)) on rosenbrock "
        + "for 300 steps to \"%s\" resume\n";
    run(dir, sweep.formatted("full.csv"), false);
    List<String> lines = Files.readAllLines(dir.resolve("full.csv"));
    Files.writeString(dir.resolve("cut.csv"), String.join("\n", lines.subList(0, 3)) + "\n");
    List<Elsewhere> e = run(dir, sweep.formatted("cut.csv"), true);
    assertEquals(List.of(4, 3, 2), e.get(0).ran);
    assertEquals(Files.readString(dir.resolve("full.csv")),
        Files.readString(dir.resolve("cut.csv")));
  }
}

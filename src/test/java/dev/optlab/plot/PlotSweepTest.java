package dev.optlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.exec.RunControl;
import dev.optlab.plan.SweepResult;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plot sweep} drawn as lines (docs/plots.md, "plot sweep"): the measure against the first
 * numeric column, one line per value of the others, means over seeds, diverged points left out.
 */
class PlotSweepTest {
  static final String ROSENBROCK =
      "objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n";
  static final String THREE = "SGD(lr = logspace(1e-5, 1e-2, 7)), "
      + "SGD(lr = logspace(1e-5, 1e-2, 7), momentum = 0.9), Adam(lr = logspace(1e-4, 1, 9)) "
      + "on rosenbrock for 1000 steps";

  /** What a script plotted (and swept, for comparing with the table's numbers). */
  static final class Plots extends Capture {
    final List<Figure> figures = new ArrayList<>();
    final List<SweepResult> sweeps = new ArrayList<>();

    static Plots of(String script) {
      Plots p = new Plots();
      new Engine().run(new Source("t.opt", script), false, p, RunControl.none());
      return p;
    }

    @Override
    public void plotted(Figure figure, Path file) {
      figures.add(figure);
    }

    @Override
    public void swept(SweepResult result) {
      sweeps.add(result);
    }

    Figure.Lines lines() {
      return (Figure.Lines) figures.get(0).panels().get(0);
    }
  }

  @Test
  void anOptimizerColumnGivesOneLinePerOptimizerAgainstLrOnALogAxis() {
    Plots p = Plots.of(ROSENBROCK + "plot sweep " + THREE);
    assertEquals(1, p.figures.size());
    assertEquals("sweep SGD, SGD(momentum = 0.9), Adam on rosenbrock", p.figures.get(0).title());
    Figure.Lines l = p.lines();
    assertEquals(List.of("SGD", "SGD(momentum = 0.9)", "Adam"),
        l.series().stream().map(Series::name).toList());
    assertTrue(l.logX(), "logspace puts lr on a log axis");
    assertTrue(l.logY(), "losses spanning decades: a log loss axis");
    assertEquals("lr", l.xLabel());
    assertEquals("final loss", l.yLabel());
    Series adam = l.series().get(2);
    assertEquals(9, adam.size());
    assertEquals(1e-4, adam.x()[0]);
    assertEquals(1.0, adam.x()[8]);
    assertEquals(1e-3, adam.x()[2], 1e-18);
    Series sgd = l.series().get(0);
    assertEquals(7, sgd.size());
    // plain SGD on this valley blows up from lr 0.00316: left out, and the legend says where
    assertTrue(Double.isNaN(sgd.y()[5]) && Double.isNaN(sgd.y()[6]), sgd.toString());
    assertTrue(Double.isFinite(sgd.y()[4]));
    assertEquals("SGD (diverged at lr >= 0.00316228)", sgd.label());
    assertEquals(null, adam.note());
  }

  @Test
  void eachPointIsTheTablesScoreOfItsTrial() {
    Plots p = Plots.of(ROSENBROCK + "sweep " + THREE + "\nplot sweep " + THREE);
    SweepResult table = p.sweeps.get(0);
    Series momentum = p.lines().series().get(1);
    for (int i = 0; i < 7; i++) {
      double score = table.trials().get(7 + i).score(table.plan());
      assertEquals(score, momentum.y()[i], 0.0, "trial " + (7 + i));
    }
  }

  @Test
  void withSeedsEachPointIsTheMeanOverItsSeeds() {
    String sweep = "Adam(lr = logspace(1e-3, 1e-1, 3)) on net batch 16 for 2 epochs seeds 0..2";
    Plots p = Plots.of("""
        data moons = moons(n = 60, test = 0.25, seed = 2)
        objective net(W1[2, 8] ~ he, b1[8] = 0, W2[8, 2] ~ he, b2[2] = 0) = \
        cross_entropy(relu(moons.x @ W1 + b1) @ W2 + b2, moons.y)
        """ + "sweep " + sweep + "\nplot sweep " + sweep);
    SweepResult table = p.sweeps.get(0);
    Figure.Lines l = p.lines();
    assertEquals(1, l.series().size(), "the seed column is averaged over, not a line each");
    assertEquals("final loss, mean of 3 seeds", l.yLabel());
    assertArrayEquals(new double[] {1e-3, 1e-2, 1e-1}, l.series().get(0).x(), 1e-18);
    for (int point = 0; point < 3; point++) {
      double sum = 0;
      for (int s = 0; s < 3; s++) {
        sum += table.trials().get(3 * point + s).score(table.plan());
      }
      assertEquals(sum / 3, l.series().get(0).y()[point], 1e-15);
    }
  }

  @Test
  void aRandomSearchIsDrawnInOrderOfItsDrawsAndItsOtherNumbersAreNotLines() {
    Plots p = Plots.of(ROSENBROCK + "plot sweep Adam(lr ~ loguniform(1e-4, 1), "
        + "eps ~ loguniform(1e-8, 1e-6)) on rosenbrock for 100 steps sample 12");
    Figure.Lines l = p.lines();
    assertEquals(1, l.series().size());
    double[] x = l.series().get(0).x();
    assertEquals(12, x.length);
    for (int i = 1; i < x.length; i++) {
      assertTrue(x[i - 1] < x[i], "sorted along lr: " + java.util.Arrays.toString(x));
    }
    assertTrue(l.logX());
  }

  @Test
  void aValueSetSpanningDecadesGetsALogAxisAndANonNumericColumnNamesTheLines() {
    Plots p = Plots.of(ROSENBROCK + "plot sweep Adam(lr = {1e-3, 1e-2, 1e-1}, "
        + "betas = {(0.9, 0.999), (0.5, 0.9)}) on rosenbrock for 100 steps");
    Figure.Lines l = p.lines();
    assertTrue(l.logX());
    assertEquals(List.of("betas = (0.9, 0.999)", "betas = (0.5, 0.9)"),
        l.series().stream().map(Series::name).toList());
    Plots linear = Plots.of(ROSENBROCK + "plot sweep SGD(lr = 1e-4, momentum = "
        + "linspace(0, 0.9, 4)) on rosenbrock for 100 steps");
    assertTrue(!linear.lines().logX(), "linspace stays linear");
    assertEquals("momentum", linear.lines().xLabel());
  }

  @Test
  void theTerminalShowsTitleAxesAndLegend() {
    Scripts r = Scripts.run(ROSENBROCK + "plot sweep " + THREE);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("sweep SGD, SGD(momentum = 0.9), Adam on rosenbrock\n"), r.out());
    assertTrue(r.out().contains("final loss (log scale)"), r.out());
    assertTrue(r.out().contains("lr (log scale)"), r.out());
    assertTrue(r.out().contains("* SGD (diverged at lr >= 0.00316228)"), r.out());
    assertTrue(r.out().contains("x Adam"), r.out());
    assertTrue(!r.out().contains("rank"), "a plot prints no table: " + r.out());
  }

  @Test
  void anSvgHasALinePerOptimizerAndACsvStaysTheSweepsFile(@TempDir Path dir) throws Exception {
    Path svg = dir.resolve("lr.svg");
    Path csv = dir.resolve("rows.csv");
    Scripts r = Scripts.run(ROSENBROCK + "plot sweep " + THREE + " to " + Scripts.quote(csv)
        + " to " + Scripts.quote(svg));
    assertEquals(0, r.code(), r.err());
    assertEquals("plot written to " + svg + "\n", r.out());
    String text = Files.readString(svg);
    assertTrue(text.contains("data-series=\"SGD\" data-points=\"5\""), text);
    assertTrue(text.contains("data-series=\"SGD(momentum = 0.9)\""), text);
    assertTrue(text.contains("data-series=\"Adam\" data-points=\"9\""), text);
    assertTrue(text.contains(">lr (log scale)</text>"), text);
    List<String> rows = Files.readAllLines(csv);
    assertEquals(24, rows.size(), "the header and a row per trial");
    assertTrue(rows.get(0).startsWith("trial,optimizer,lr,"), rows.get(0));
  }

  @Test
  void withFormatCsvThePictureGoesToStandardErrorAndTheCsvStaysEmpty() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = dev.optlab.Main.run(new String[] {"--format", "csv", "-e", ROSENBROCK
        + "plot sweep SGD(lr = logspace(1e-3, 1e-1, 3), momentum = {0, 0.9}) on rosenbrock "
        + "for 20 steps"}, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
    assertEquals(0, code, err.toString());
    assertEquals("", out.toString(), "a plot's runs are not part of the CSV");
    assertTrue(err.toString().contains("\nfinal loss\nmomentum\n"), err.toString());
    assertTrue(!err.toString().contains("\u001b["), "plain characters: " + err);
  }

  @Test
  void aStoppedPlotSweepWritesNoPicture(@TempDir Path dir) {
    Path svg = dir.resolve("stopped.svg");
    RunControl stopAfterOne = new RunControl() {
      @Override
      public void sweepProgress(int done, int total, String best, long elapsed, long eta) {
        requestStop();
      }
    };
    Plots p = new Plots();
    new Engine().run(new Source("t.opt", ROSENBROCK + "plot sweep Adam(lr = logspace(1e-4, 1, 9))"
        + " on rosenbrock for 20000 steps threads 1 to " + Scripts.quote(svg)), false, p,
        stopAfterOne);
    assertEquals(1, p.figures.size(), "the finished trials are still shown");
    assertTrue(!Files.exists(svg), "an interrupted plot writes no half-finished picture");
  }
}

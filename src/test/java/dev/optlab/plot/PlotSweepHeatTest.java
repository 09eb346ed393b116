package dev.optlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.plan.SweepResult;
import dev.optlab.plan.TrialResult;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plot sweep} of a grid over exactly two numbers: a heat map, a cell per pair coloured by
 * the measure (docs/plots.md, "plot sweep").
 */
class PlotSweepHeatTest {
  static final String GRID = "SGD(lr = logspace(1e-5, 1e-2, 7), momentum = linspace(0, 0.9, 4)) "
      + "on rosenbrock for 500 steps";

  @Test
  void twoNumericColumnsMakeAHeatMapOfTheTablesScores() {
    PlotSweepTest.Plots p = PlotSweepTest.Plots.of(PlotSweepTest.ROSENBROCK + "sweep " + GRID
        + "\nplot sweep " + GRID);
    Figure f = p.figures.get(0);
    Figure.Heat heat = (Figure.Heat) f.panels().get(0);
    assertTrue(f.legend().isEmpty(), "a heat map's legend is its colour scale");
    assertEquals("lr", heat.xLabel());
    assertEquals("momentum", heat.yLabel());
    HeatMap map = heat.map();
    assertEquals("final loss", map.name());
    assertEquals(7, map.xs().length);
    assertEquals(1e-5, map.xs()[0]);
    assertEquals(0.01, map.xs()[6]);
    assertArrayEquals(new double[] {0, 0.3, 0.6, 0.9}, map.ys(), 1e-15);
    assertTrue(map.logZ(), "losses from 0.004 to 6: log colours");
    SweepResult table = p.sweeps.get(0);
    int diverged = 0;
    for (TrialResult t : table.trials()) {
      // the table's trial order: lr slowest, momentum fastest
      int i = t.trial().index() / 4;
      int j = t.trial().index() % 4;
      assertTrue(map.ran()[j][i]);
      double score = t.score(table.plan());
      assertEquals(score, map.z()[j][i], 0.0, t.trial().values().toString());
      diverged += Double.isNaN(score) ? 1 : 0;
    }
    assertEquals(8, diverged, "lr 0.00316 and 0.01 diverge at every momentum");
  }

  @Test
  void anOptimizerColumnOrARandomSearchStaysLines() {
    PlotSweepTest.Plots p = PlotSweepTest.Plots.of(PlotSweepTest.ROSENBROCK
        + "plot sweep SGD(lr = {1e-4, 1e-3}, momentum = {0, 0.9}), Adam(lr = {1e-4, 1e-3}) "
        + "on rosenbrock for 50 steps\n"
        + "plot sweep SGD(lr ~ loguniform(1e-5, 1e-3), momentum ~ uniform(0, 0.9)) "
        + "on rosenbrock for 50 steps sample 6");
    Figure.Lines several = (Figure.Lines) p.figures.get(0).panels().get(0);
    // a line per optimizer and momentum; Adam sweeps no momentum, so its name has none
    assertEquals(List.of("SGD, momentum = 0", "SGD, momentum = 0.9", "Adam"),
        several.series().stream().map(Series::name).toList());
    Figure.Lines random = (Figure.Lines) p.figures.get(1).panels().get(0);
    assertEquals(1, random.series().size());
    assertEquals(6, random.series().get(0).size());
  }

  @Test
  void anSvgHasACellPerPairMarkedUpWithItsValues(@TempDir Path dir) throws Exception {
    Path svg = dir.resolve("heat.svg");
    Path png = dir.resolve("heat.png");
    Scripts r = Scripts.run(PlotSweepTest.ROSENBROCK + "plot sweep " + GRID + " to "
        + Scripts.quote(svg) + "\nplot sweep " + GRID + " to " + Scripts.quote(png));
    assertEquals(0, r.code(), r.err());
    String text = Files.readString(svg);
    assertEquals(28, count(text, "<rect class=\"cell"), text);
    assertEquals(8, count(text, "<rect class=\"cell diverged\""), text);
    assertTrue(text.contains("data-x=\"0.001\" data-y=\"0.9\""), text);
    assertTrue(text.contains(">momentum</text>") && text.contains(">lr</text>"), text);
    assertTrue(text.contains(">log scale</text>") && text.contains(">diverged</text>"), text);
    assertTrue(text.contains(">3.2e-5</text>"), "values along the axis: " + text);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(2 * FigureRenderer.MARGIN + FigureRenderer.CONTOUR_W, image.getWidth());
  }

  @Test
  void theTerminalShowsTheNumbersOrShadesWhereTheyDoNotFit() {
    Scripts r = Scripts.run(PlotSweepTest.ROSENBROCK + "plot sweep " + GRID);
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals("sweep SGD on rosenbrock", lines[0]);
    assertEquals("final loss (log colour scale)", lines[1]);
    assertEquals("momentum", lines[2].strip());
    assertTrue(lines[3].startsWith("     0.9 |"), "the largest value on top: " + lines[3]);
    assertTrue(lines[6].startsWith("       0 |"), lines[6]);
    assertTrue(lines[3].endsWith("x        x"), "diverged cells: " + lines[3]);
    assertTrue(lines[8].strip().startsWith("1e-5   3.2e-5") && lines[8].endsWith("  lr"),
        lines[8]);
    assertTrue(lines[9].contains("x diverged"), lines[9]);

    PlotSweepTest.Plots p = PlotSweepTest.Plots.of(PlotSweepTest.ROSENBROCK + "plot sweep "
        + GRID);
    String narrow = TerminalPlots.render(p.figures.get(0), new TerminalStyle(30, 20, false,
        false));
    String row = narrow.split("\n")[3];
    assertTrue(row.matches(" +0\\.9 \\|[.:\\-=+*#%@]+x+"), "shades, one per cell: " + row);
  }

  @Test
  void cellNumbersAreShort() {
    assertEquals("1e-5", HeatMap.compact(1e-5));
    assertEquals("3.2e-5", HeatMap.compact(3.1622776601683795e-05));
    assertEquals("1e-4", HeatMap.compact(9.96e-5));
    assertEquals("0.00443", HeatMap.compact(0.0044321));
    assertEquals("5", HeatMap.compact(5.0));
    assertEquals("0.1", HeatMap.compact(0.1));
    assertEquals("1.2e5", HeatMap.compact(123456));
    assertEquals("-2.5e-6", HeatMap.compact(-2.5e-6));
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}

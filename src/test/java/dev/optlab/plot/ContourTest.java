package dev.optlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Contour lines lie where they should: circles of radius sqrt(level) for x^2 + y^2. */
class ContourTest {
  @TempDir Path dir;

  @Test
  void aQuadraticBowlGetsEvenRoundLevelsAndCircularLines() {
    ContourMap map = Contours.map("bowl", (x, y) -> x * x + y * y, -2, 2, -2, 2);
    assertEquals(false, map.logLevels());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7},
        map.levels().stream().mapToDouble(ContourMap.Level::value).toArray());
    for (ContourMap.Level level : map.levels()) {
      for (double[] line : level.lines()) {
        for (int k = 0; k < line.length; k += 2) {
          double r2 = line[k] * line[k] + line[k + 1] * line[k + 1];
          assertEquals(level.value(), r2, 0.01 * level.value(), "level " + level.value());
        }
      }
    }
    // Levels 1 to 4 are whole circles inside the square: one closed line each.
    for (int i = 0; i < 4; i++) {
      List<double[]> lines = map.levels().get(i).lines();
      assertEquals(1, lines.size(), "level " + (i + 1));
      double[] line = lines.get(0);
      assertEquals(line[0], line[line.length - 2], 1e-12);
      assertEquals(line[1], line[line.length - 1], 1e-12);
    }
    // Levels above 4 leave the square through its sides: four open arcs, one per corner.
    assertEquals(4, map.levels().get(5).lines().size());
  }

  @Test
  void aNarrowValleyGetsLevelsSpacedByRatio() {
    ContourMap map = Contours.map("rosenbrock",
        (x, y) -> Math.pow(1 - x, 2) + 100 * Math.pow(y - x * x, 2), -2, 2, -1, 3);
    assertTrue(map.logLevels());
    List<Double> values = map.levels().stream().map(ContourMap.Level::value).toList();
    assertTrue(values.size() >= 8 && values.size() <= Levels.MAX_LEVELS, values.toString());
    assertTrue(values.containsAll(List.of(1.0, 10.0, 100.0, 1000.0)), values.toString());
  }

  @Test
  void aSaddleCellIsSplitByItsCentreAndFunctionGapsAreSkipped() {
    ContourMap map = Contours.map("gap", (x, y) -> x < 0 ? Double.NaN : x + y, -1, 1, -1, 1);
    for (ContourMap.Level level : map.levels()) {
      for (double[] line : level.lines()) {
        for (int k = 0; k < line.length; k += 2) {
          assertTrue(line[k] >= 0, "a line in the gap");
        }
      }
    }
  }

  @Test
  void theSvgOfAQuadraticsPathsCarriesLinesAtTheExpectedLevels() throws Exception {
    Path svg = dir.resolve("bowl.svg");
    Scripts r = Scripts.run("objective bowl(x = 1.5, y = 1) = x^2 + y^2\n"
        + "plot paths SGD(lr = 0.1) on bowl for 20 steps over (x = -2 to 2, y = -2 to 2) to "
        + Scripts.quote(svg));
    assertEquals(0, r.code(), r.err());
    Document doc = SvgFileTest.parse(svg);
    assertEquals(List.of("1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0"),
        SvgFileTest.byClass(doc, "path", "contour").stream()
            .map(e -> e.getAttribute("data-level")).toList());
    assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), SvgFileTest.texts(doc, "scale-label"));
    Element path = SvgFileTest.byClass(doc, "path", "series").get(0);
    assertEquals(21, SvgFileTest.points(path));
  }
}

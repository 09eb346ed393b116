package dev.optlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plot lrfind}: smoothed loss against lr on a log axis, each suggestion a marked point. */
class PlotLrFindTest {
  private static final String ROSENBROCK =
      "objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n";

  @Test
  void theTerminalDrawsTheCurveOnALogLrAxisWithEachRuleInTheLegend() {
    Scripts r = Scripts.run(ROSENBROCK + "plot lrfind Adam on rosenbrock suggest valley, steep");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("lrfind Adam on rosenbrock\n"), r.out());
    assertTrue(r.out().contains("lr (log scale)"), r.out());
    assertTrue(r.out().contains("valley 0.0020893"), r.out()); // the reference's valley
    assertTrue(r.out().contains("steep 0.0109648"), r.out());
    assertTrue(!r.out().contains("minimum"), "only the rules asked for: " + r.out());
  }

  @Test
  void anSvgMarksEverySuggestion(@TempDir Path dir) throws Exception {
    Path svg = dir.resolve("lr.svg");
    Scripts r = Scripts.run(ROSENBROCK + "plot lrfind Adam on rosenbrock to "
        + Scripts.quote(svg));
    assertEquals(0, r.code(), r.err());
    String text = Files.readString(svg);
    // four suggestion dots of radius 5 (curves are paths)
    assertEquals(4, text.split("r=\"5\"", -1).length - 1, text);
    assertTrue(text.contains("minimum 0.275423"), text);
  }
}

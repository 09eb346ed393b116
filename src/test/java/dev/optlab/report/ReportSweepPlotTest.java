package dev.optlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** A report shows {@code plot sweep}'s pictures, lines and heat map alike, as well-formed SVG. */
class ReportSweepPlotTest {
  @Test
  void bothKindsOfSweepPictureAreOnThePage(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("sweep.html");
    ReportStatementTest.Result r = ReportStatementTest.run("-e", """
        objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2
        plot sweep SGD(lr = logspace(1e-5, 1e-2, 4)), Adam(lr = logspace(1e-4, 1, 5)) \
        on rosenbrock for 200 steps
        plot sweep SGD(lr = logspace(1e-5, 1e-2, 4), momentum = {0, 0.9}) on rosenbrock \
        for 200 steps
        report\s""" + ReportStatementTest.quote(report));
    assertEquals(0, r.code(), r.err());
    String html = Files.readString(report);
    Document page = ReportStatementTest.parse(html);
    List<String> svgs = ReportStatementTest.svgs(html);
    assertEquals(2, svgs.size(), html);
    for (String svg : svgs) {
      ReportStatementTest.parse(svg); // each picture is an SVG document of its own
    }
    assertEquals(2, ReportStatementTest.byClass(page, "path", "series").size());
    assertEquals(8, ReportStatementTest.byClass(page, "rect", "cell").size());
    assertTrue(svgs.get(0).contains("data-series=\"Adam\""), svgs.get(0));
  }
}

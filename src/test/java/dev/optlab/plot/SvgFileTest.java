package dev.optlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Written SVG files are XML with one path per optimizer, a point per traced row, and labels. */
class SvgFileTest {
  static final String ROSENBROCK =
      "objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n"
      + "optimizer sgd = SGD(lr = 1e-3)\n"
      + "optimizer momentum = SGD(lr = 1e-3, momentum = 0.9)\n"
      + "optimizer adam = Adam(lr = 0.05)\n";

  @TempDir Path dir;

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  /** The elements of one tag with a class attribute. */
  static List<Element> byClass(Document doc, String tag, String cls) {
    List<Element> found = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getAttribute("class").equals(cls)) {
        found.add(e);
      }
    }
    return found;
  }

  static List<String> texts(Document doc, String cls) {
    return byClass(doc, "text", cls).stream().map(Element::getTextContent).toList();
  }

  /** Points in a path's d attribute: one M or L each. */
  static int points(Element path) {
    return path.getAttribute("d").replaceAll("[^ML]", "").length();
  }

  @Test
  void compareWritesOnePathPerOptimizerWithAPointPerTracedRow() throws Exception {
    Path svg = dir.resolve("loss.svg");
    Scripts r = Scripts.run(ROSENBROCK + "plot compare sgd, momentum, adam on rosenbrock "
        + "for 200 steps every 10 to " + Scripts.quote(svg));
    assertEquals(0, r.code(), r.err());
    assertEquals("plot written to " + svg + "\n", r.out());
    Document doc = parse(svg);
    List<Element> series = byClass(doc, "path", "series");
    assertEquals(List.of("sgd", "momentum", "adam"),
        series.stream().map(e -> e.getAttribute("data-series")).toList());
    for (Element e : series) {
      assertEquals(21, points(e), e.getAttribute("data-series")); // steps 0, 10, ..., 200
      assertEquals("21", e.getAttribute("data-points"));
    }
    assertEquals(List.of("step", "loss"), texts(doc, "axis-label")); // 12.5 to 0.3: linear
    assertEquals(List.of("sgd", "momentum", "adam"), texts(doc, "legend-entry"));
    assertEquals(List.of("loss on rosenbrock from (x = -1.5, y = 2), 200 steps"),
        texts(doc, "title"));
  }

  @Test
  void lossesSpanningDecadesGetALogAxis() throws Exception {
    Path svg = dir.resolve("log.svg");
    Scripts r = Scripts.run(ROSENBROCK + "plot run momentum on rosenbrock for 1000 steps to "
        + Scripts.quote(svg));
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("step", "loss (log scale)"), texts(parse(svg), "axis-label"));
  }

  @Test
  void withLrAddsALearningRatePanelWithTheSameSeries() throws Exception {
    Path svg = dir.resolve("lr.svg");
    Scripts r = Scripts.run(ROSENBROCK + "optimizer cos = Adam(lr = 0.05, schedule = "
        + "cosine(T_max = 100))\nplot run cos on rosenbrock for 100 steps every 5 with lr to "
        + Scripts.quote(svg));
    assertEquals(0, r.code(), r.err());
    Document doc = parse(svg);
    List<Element> series = byClass(doc, "path", "series");
    assertEquals(2, series.size()); // the loss panel's path and the lr panel's
    assertTrue(series.stream().allMatch(e -> points(e) == 21));
    assertEquals(List.of("step", "loss", "step", "lr"), texts(doc, "axis-label"));
    assertEquals(List.of("loss", "learning rate"), texts(doc, "panel-title"));
  }

  @Test
  void theDefaultIntervalOfAPlotTracesEveryStepOfAShortRun() throws Exception {
    Path svg = dir.resolve("fine.svg");
    Scripts r = Scripts.run(ROSENBROCK + "plot run sgd on rosenbrock for 300 steps to "
        + Scripts.quote(svg));
    assertEquals(0, r.code(), r.err());
    assertEquals(301, points(byClass(parse(svg), "path", "series").get(0)));
  }

  @Test
  void pathsCarryTheirPointsTheMapItsLevelsAndTheStartAndEndMarks() throws Exception {
    Path svg = dir.resolve("paths.svg");
    Scripts r = Scripts.run(ROSENBROCK + "plot paths sgd, adam on rosenbrock for 50 steps "
        + "every 5 over (x = -2 to 2, y = -1 to 3) to " + Scripts.quote(svg));
    assertEquals(0, r.code(), r.err());
    Document doc = parse(svg);
    List<Element> series = byClass(doc, "path", "series");
    assertEquals(2, series.size());
    assertTrue(series.stream().allMatch(e -> points(e) == 11));
    assertEquals(List.of("x", "y"), texts(doc, "axis-label"));
    assertEquals(List.of("sgd", "adam", "start", "end"), texts(doc, "legend-entry"));
    List<Element> levels = byClass(doc, "path", "contour");
    assertTrue(levels.size() >= 8, "levels: " + levels.size());
    assertEquals(List.of("rosenbrock"), texts(doc, "scale-title"));
    assertEquals(levels.size(), texts(doc, "scale-label").size());
  }

  @Test
  void scheduleIsSteppedForTheStepsAskedWithoutAnOptimizer() throws Exception {
    Path svg = dir.resolve("schedules.svg");
    Scripts r = Scripts.run("schedule warm(t) = lr0 * min(1, (t + 1) / 10)\n"
        + "plot schedule warm, linear(start_factor = 0.1, total_iters = 10) for 10 steps to "
        + Scripts.quote(svg));
    assertEquals(0, r.code(), r.err());
    Document doc = parse(svg);
    List<Element> series = byClass(doc, "path", "series");
    assertEquals(List.of("warm", "linear(start_factor = 0.1, total_iters = 10)"),
        series.stream().map(e -> e.getAttribute("data-series")).toList());
    assertTrue(series.stream().allMatch(e -> points(e) == 11));
    assertEquals(List.of("step", "lr"), texts(doc, "axis-label"));
    assertTrue(Files.readString(svg).startsWith("<?xml"));
  }
}

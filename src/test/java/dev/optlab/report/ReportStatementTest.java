package dev.optlab.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.optlab.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code report "FILE.html"} through the command line: the page parses as XML (the whole page
 * and each inline SVG), holds the script escaped, one section per run, compare and plot in order
 * with their tables and pictures; mistakes are exact diagnostics and leave no file.
 */
class ReportStatementTest {
  @TempDir Path dir;

  /** A script that reports at its top, before anything has run. */
  static String script(Path report) {
    return "# <fast> & \"slow\": three optimizers on a bowl\n"
        + "report " + quote(report) + "\n"
        + "objective bowl(x = 1, y = -2) = x^2 + 3 * y^2\n"
        + "optimizer sgd = SGD(lr = 0.1)\n"
        + "optimizer adam = Adam(lr = 0.1)\n"
        + "run sgd on bowl for 20 steps every 5\n"
        + "compare sgd, adam, RMSprop(lr = 0.05) on bowl for 50 steps\n"
        + "plot schedule cosine(T_max = 10) for 10 steps\n";
  }

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Result(code, out.toString(UTF_8), err.toString(UTF_8));
  }

  static String quote(Path path) {
    return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
  }

  /** Elements of one tag (any namespace) whose class list holds {@code cls}, in document order. */
  static List<Element> byClass(Document doc, String tag, String cls) {
    List<Element> found = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (cls == null || List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        found.add(e);
      }
    }
    return found;
  }

  static List<Element> children(Element parent, String tag, String cls) {
    List<Element> found = new ArrayList<>();
    NodeList all = parent.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (cls == null || List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        found.add(e);
      }
    }
    return found;
  }

  /** Each inline {@code <svg>...</svg>} of the page, as text. */
  static List<String> svgs(String html) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("<svg[ >].*?</svg>", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  @Test
  void aScriptsPageHoldsItsSourceThenEveryRunCompareAndPlotInOrder() throws Exception {
    Path report = dir.resolve("report.html");
    Path file = dir.resolve("bowl.opt");
    String source = script(report);
    Files.writeString(file, source);
    Result r = run(file.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().endsWith("report written to " + report + "\n"), r.out());
    String html = Files.readString(report);
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""),
        html.substring(0, 80));

    // The whole page is well-formed XML, and so is each picture on its own.
    Document page = parse(html);
    assertEquals("html", page.getDocumentElement().getLocalName());
    List<String> svgs = svgs(html);
    assertEquals(5, svgs.size(), "run: loss and paths; compare: loss and paths; one plot");
    for (String svg : svgs) {
      Document d = parse(svg);
      assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
    }

    // No scripts and nothing fetched from elsewhere: the page stands alone.
    assertFalse(html.contains("<script"), "no JavaScript");
    assertFalse(Pattern.compile("(src|href)=\"(?!#)").matcher(html).find(),
        "no links out of the page");

    // The script, escaped in the markup and exactly itself as text.
    assertTrue(html.contains("# &lt;fast&gt; &amp; &quot;slow&quot;: three optimizers on a bowl"));
    List<Element> sources = byClass(page, "pre", "source");
    assertEquals(1, sources.size());
    assertEquals(source, sources.get(0).getTextContent());

    // One section per statement that ran, in order, after the script.
    List<String> kinds = byClass(page, "section", null).stream()
        .map(e -> e.getAttribute("class")).toList();
    assertEquals(List.of("script", "run", "compare", "plot"), kinds);
    List<Element> sections = byClass(page, "section", null);

    // The run: its statement, its traced rows and closing line, its loss curve and its path.
    Element run = sections.get(1);
    assertEquals("run sgd on bowl for 20 steps every 5",
        children(run, "pre", "statement").get(0).getTextContent());
    Element trace = children(run, "table", "trace").get(0);
    List<String> steps = new ArrayList<>();
    for (Element row : children(trace, "tr", null).subList(1, 6)) {
      steps.add(children(row, "td", null).get(0).getTextContent());
    }
    assertEquals(List.of("0", "5", "10", "15", "20"), steps);
    assertEquals(6, children(trace, "tr", null).size(), "a header and five rows");
    assertTrue(children(run, "p", "closing").get(0).getTextContent()
        .startsWith("sgd: final loss "));
    assertEquals(1, children(run, "div", "loss").size());
    assertEquals(1, children(run, "div", "paths").size());

    // The compare: its ranked summary names every optimizer; its loss plot has a line each.
    Element compare = sections.get(2);
    List<String> ranked = children(children(compare, "table", "summary").get(0), "td", "name")
        .stream().map(Element::getTextContent).toList();
    assertEquals(3, ranked.size());
    assertTrue(ranked.containsAll(List.of("sgd", "adam", "RMSprop(lr = 0.05)")), ranked.toString());
    Element loss = children(compare, "div", "loss").get(0);
    List<String> lines = children(loss, "path", "series").stream()
        .map(e -> e.getAttribute("data-series")).toList();
    assertEquals(List.of("sgd", "adam", "RMSprop(lr = 0.05)"), lines, "one path per optimizer");
    Element paths = children(compare, "div", "paths").get(0);
    assertEquals(3, children(paths, "path", "series").size());

    // The plot: its figure.
    Element plot = sections.get(3);
    assertEquals(1, children(plot, "svg", null).size());
    assertTrue(children(plot, "h2", null).get(0).getTextContent()
        .contains("schedule cosine(T_max = 10), 10 steps"));

    // Ids stay unique when several pictures share a page.
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      assertFalse(ids.contains(m.group(1)), "id " + m.group(1) + " twice");
      ids.add(m.group(1));
    }
  }

  @Test
  void trainingRunsShowTheirNormsAndMetricsAndNoContourMap() throws Exception {
    Path report = dir.resolve("train.html");
    Result r = run("-e", """
        data moons = moons(n = 60, test = 0.25, seed = 2)
        objective logreg(W[2, 2] = 0, b[2] = 0) = cross_entropy(moons.x @ W + b, moons.y)
        run Adam(lr = 0.1) on logreg for 3 epochs metrics accuracy
        compare Adam(lr = 0.1), SGD(lr = 0.5) on logreg batch 15 for 2 epochs
        report\s""" + quote(report));
    assertEquals(0, r.code(), r.err());
    String html = Files.readString(report);
    Document page = parse(html);
    for (String svg : svgs(html)) {
      parse(svg);
    }
    List<Element> sections = byClass(page, "section", null);
    assertEquals(List.of("script", "run", "compare"),
        sections.stream().map(e -> e.getAttribute("class")).toList());
    Element run = sections.get(1);
    List<String> header = children(children(run, "table", "trace").get(0), "th", null).stream()
        .map(Element::getTextContent).toList();
    assertEquals(List.of("step", "lr", "loss", "grad_norm", "epoch", "|W|", "|b|", "accuracy"),
        header);
    assertEquals(1, children(run, "div", "loss").size());
    assertEquals(1, children(run, "div", "metric").size(), "accuracy against step");
    assertEquals(0, children(run, "div", "paths").size(), "no contour map for tensors");
    Element compare = sections.get(2);
    assertEquals(2, children(children(compare, "div", "loss").get(0), "path", "series").size());
    assertEquals(0, children(compare, "div", "paths").size());
  }

  @Test
  void theReportStatementCanStandAnywhereAndSeesTheWholeInput() throws Exception {
    Path first = dir.resolve("first.html");
    Path last = dir.resolve("last.html");
    Result r = run("-e", "report " + quote(first) + "; objective f(x = 3) = x^2; "
        + "run SGD(lr = 0.1) on f for 4 steps; report " + quote(last));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().endsWith("report written to " + first + "\nreport written to " + last
        + "\n"), r.out());
    // Both are written when the input has finished, so both hold the same sections.
    for (Path p : List.of(first, last)) {
      Document page = parse(Files.readString(p));
      assertEquals(List.of("script", "run"), byClass(page, "section", null).stream()
          .map(e -> e.getAttribute("class")).toList());
    }
  }

  @Test
  void aSweepAndARangeTestAppearAsTheirTables() throws Exception {
    Path report = dir.resolve("sweep.html");
    Result r = run("-e", "objective f(x = 3) = x^2; sweep SGD(lr = {0.1, 0.2}) on f for 4 steps; "
        + "lrfind SGD on f steps 20; report " + quote(report));
    assertEquals(0, r.code(), r.err());
    String html = Files.readString(report);
    Document page = parse(html);
    assertEquals(List.of("script", "sweep", "lrfind"), byClass(page, "section", null).stream()
        .map(e -> e.getAttribute("class")).toList());
    assertTrue(html.contains("sweep SGD on f: 2 trials, minimize final loss"), html);
    assertTrue(html.contains("best: trial 1, lr = 0.2: final loss"), html);
    assertTrue(html.contains("1 sweep, 1 range test"), html);
  }

  @Test
  void longTracesAreThinnedAndFoldedAndAZeroStepRunHasNoCurve() throws Exception {
    Path report = dir.resolve("long.html");
    Result r = run("-e", "objective f(x = 1) = x^2; run SGD(lr = 1e-4) on f for 10000 steps "
        + "every 1; run SGD(lr = 0.1) on f for 0 steps; report " + quote(report));
    assertEquals(0, r.code(), r.err());
    String html = Files.readString(report);
    Document page = parse(html);
    Element run = byClass(page, "section", "run").get(0);
    assertTrue(html.contains("<p class=\"note\">The run traced 10001 rows; every 4th is shown,"
        + " and the last.</p>"), html.substring(0, 2000));
    List<Element> rows = children(children(run, "table", "trace").get(0), "tr", null);
    assertEquals(1 + 2501, rows.size(), "steps 0, 4, ..., 10000");
    assertEquals("10000", children(rows.get(rows.size() - 1), "td", null).get(0)
        .getTextContent());
    assertEquals("the 2501 rows", children(run, "summary", null).get(0).getTextContent());
    int points = Integer.parseInt(children(run, "path", "series").get(0)
        .getAttribute("data-points"));
    assertEquals(2501, points);

    Element none = byClass(page, "section", "run").get(1);
    assertEquals(0, children(none, "svg", null).size(), "one point draws no line");
    assertEquals(2, children(none, "tr", null).size());
  }

  @Test
  void anEmptySessionStillGetsAPage() throws Exception {
    Path report = dir.resolve("empty.html");
    Result r = run("-e", "report " + quote(report));
    assertEquals(0, r.code(), r.err());
    Document page = parse(Files.readString(report));
    assertEquals(List.of("script"), byClass(page, "section", null).stream()
        .map(e -> e.getAttribute("class")).toList());
    assertTrue(Files.readString(report).contains("Nothing has run"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      report "x.txt"             | 8  | cannot write report file "x.txt": unknown extension '.txt'; use .html
      report "notes"             | 8  | cannot write report file "notes": no extension; use .html
      report "x.svg"             | 8  | cannot write report file "x.svg": unknown extension '.svg'; use .html
      report "no/such/r.html"    | 8  | cannot write report file "no/such/r.html": no such directory 'no/such'
      report x.html              | 8  | expected a string, found 'x'
      report                     | 7  | expected a string, found end of input
      """)
  void mistakesAreReportedWhereTheyAreBeforeAnythingRuns(String statement, int column,
      String message) {
    Result r = run("-e", statement.strip());
    assertEquals("<-e>:1:" + column + ": error: " + message, r.err().lines().findFirst().orElse(""),
        r.err());
    assertEquals(1, r.code());
    assertEquals("", r.out());
  }

  @Test
  void aDirectoryOrAnUnwritableDirectoryIsAnErrorAtTheFileName() throws Exception {
    Path taken = Files.createDirectory(dir.resolve("taken.html"));
    Result r = run("-e", "print 1; report " + quote(taken));
    assertEquals("<-e>:1:17: error: cannot write report file \"" + taken + "\": it is a directory",
        r.err().lines().findFirst().orElse(""));
    assertEquals(1, r.code());
    assertEquals("", r.out(), "nothing ran");

    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(locked), "running as root: every directory is writable");
      Path inside = locked.resolve("r.html");
      r = run("-e", "report " + quote(inside));
      assertEquals("<-e>:1:8: error: cannot write report file \"" + inside
          + "\": permission denied", r.err().lines().findFirst().orElse(""));
      assertFalse(Files.exists(inside));
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aScriptWithAnErrorWritesNoReportAndLeavesAnOldOneAlone() throws Exception {
    Path report = dir.resolve("report.html");
    Result r = run("-e", "report " + quote(report) + "\nobjective f(x) = x^2\n"
        + "run SGD(lr = 0.1) on f for 5 steps\nrun Adamm(lr = 0.1) on f for 5 steps");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("<-e>:4:5: error: unknown optimizer 'Adamm'"), r.err());
    assertFalse(Files.exists(report));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "no temporary file either");
    }

    Files.writeString(report, "old");
    r = run("-e", "report " + quote(report) + "; run SGD(lr = 0.1) on nowhere for 5 steps");
    assertEquals(1, r.code());
    assertEquals("old", Files.readString(report));
  }

  @Test
  void checkingAScriptWritesNothing() throws Exception {
    Path report = dir.resolve("report.html");
    Path file = dir.resolve("s.opt");
    Files.writeString(file, script(report));
    Result r = run("--check", file.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(file + ": ok (7 statements)\n", r.out());
    assertFalse(Files.exists(report));
  }

  @Test
  void csvOutputStaysCleanAndTheNoteGoesToStandardError() throws Exception {
    Path report = dir.resolve("report.html");
    Result r = run("--format", "csv", "-e", "objective f(x = 1) = x^2; "
        + "run SGD(lr = 0.1) on f for 2 steps; report " + quote(report));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("run,step,lr,loss,grad_norm,x\n"), r.out());
    assertFalse(r.out().contains("report"), r.out());
    assertEquals("report written to " + report + "\n", r.err());
    assertTrue(Files.exists(report));
  }

  @Test
  void laterScriptsOfOneCommandLineAddToTheSessionsReport() throws Exception {
    Path a = dir.resolve("a.opt");
    Path b = dir.resolve("b.opt");
    Path report = dir.resolve("both.html");
    Files.writeString(a, "objective f(x = 1) = x^2\nrun SGD(lr = 0.1) on f for 3 steps\n");
    Files.writeString(b, "run Adam(lr = 0.1) on f for 3 steps\nreport " + quote(report) + "\n");
    Result r = run(a.toString(), b.toString());
    assertEquals(0, r.code(), r.err());
    Document page = parse(Files.readString(report));
    assertEquals(2, byClass(page, "pre", "source").size(), "both scripts");
    assertEquals(List.of("script", "run", "run"), byClass(page, "section", null).stream()
        .map(e -> e.getAttribute("class")).toList());
    List<String> files = byClass(page, "p", "file").stream().map(Element::getTextContent)
        .toList();
    assertEquals(List.of(a.toString(), b.toString()), files);
  }
}

package dev.optlab.repl;

import static dev.optlab.repl.ReplDriver.lastAnswer;
import static dev.optlab.repl.ReplDriver.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} in the REPL: a page of the whole session so far, written at once. */
class ReplReportTest {
  @TempDir Path dir;

  @Test
  void aReportTypedAtThePromptCoversTheSessionSoFar() throws Exception {
    Path report = dir.resolve("session.html");
    String out = session("""
        objective bowl(x = 1, y = -2) = x^2 + 3 * y^2
        run SGD(lr = 0.1) on bowl for 10 steps
        compare SGD(lr = 0.1), Adam(lr = 0.1) on bowl for 20 steps
        report "%s"
        """.formatted(report));
    assertEquals("report written to " + report + "\n", lastAnswer(out), out);
    String html = Files.readString(report);
    assertTrue(html.contains("<title>optlab report: REPL session</title>"), html);
    // The inputs that ran, one listing, the report itself last.
    assertTrue(html.contains("""
        objective bowl(x = 1, y = -2) = x^2 + 3 * y^2
        run SGD(lr = 0.1) on bowl for 10 steps
        compare SGD(lr = 0.1), Adam(lr = 0.1) on bowl for 20 steps
        report &quot;%s&quot;</code></pre>""".formatted(report)), html);
    assertTrue(html.contains("<section id=\"s1\" class=\"run\">"), html);
    assertTrue(html.contains("<section id=\"s2\" class=\"compare\">"), html);
  }

  @Test
  void helpKnowsTheStatement() {
    String out = session(":help report\n");
    assertTrue(out.contains("report \"FILE.html\"\n  Writes one self-contained HTML page"), out);
    assertTrue(session(":help\n").contains(" data report lrfind sweep rule\n"));
  }
}

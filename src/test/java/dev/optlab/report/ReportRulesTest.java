package dev.optlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report lists the rules the session declared, as written, escaped. */
class ReportRulesTest {
  @TempDir Path dir;

  @Test
  void theReportListsEachRuleOnceWithItsLatestText() throws IOException {
    Path page = dir.resolve("r.html");
    String script = "report " + ReportStatementTest.quote(page) + "\n"
        + "objective f(x = 1, y = 2) = x^2 + y^2\n"
        + "rule Half(lr = 0.1) {\n  p = p - lr * g / 2  # a < b & c\n}\n"
        + "rule Sign(lr = 0.1) {\n  p = p - lr * sign(g)\n}\n"
        + "rule Half(lr = 0.2) {\n  p = p - lr * g / 2\n}\n"
        + "compare Half, Sign on f for 5 steps\n";
    Path file = Files.writeString(dir.resolve("s.opt"), script);
    ReportStatementTest.Result r = ReportStatementTest.run(file.toString());
    assertEquals(0, r.code(), r.err());
    String html = Files.readString(page);
    int rules = html.indexOf("<span class=\"kind\">rules</span>2 rules declared</h2>");
    assertTrue(rules > 0, html);
    String section = html.substring(rules, html.indexOf("</section>", rules));
    assertTrue(section.indexOf(">Half<") < section.indexOf(">Sign<"), section);
    assertTrue(section.contains("rule Half(lr = 0.2) {\n  p = p - lr * g / 2\n}"), section);
    assertFalse(section.contains("lr = 0.1) {\n  p = p - lr * g / 2"), "the replaced text");
  }

  @Test
  void withoutRulesThereIsNoRulesSection() throws IOException {
    Path page = dir.resolve("r.html");
    Path file = Files.writeString(dir.resolve("s.opt"), "report "
        + ReportStatementTest.quote(page) + "\nobjective f(x = 1) = x^2\nrun Adam on f for 2 steps\n");
    assertEquals(0, ReportStatementTest.run(file.toString()).code());
    assertFalse(Files.readString(page).contains("id=\"rules\""));
  }
}

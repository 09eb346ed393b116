package dev.optlab.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.optlab.Engine;
import dev.optlab.exec.RunControl;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the rule language means, each shown by two ways of writing the same update that must give
 * the same trace (and a third that must not): lr0 against lr under a schedule, repeat against
 * lines written out, a condition on the step, a row statistic broadcast along the columns.
 */
class RuleLanguageTest {
  @TempDir
  Path dir;

  static final String F = "objective f(x = -1.5, y = 2) = (1 - x)^2 + 3 * (y - x^2)^2\n";
  static final String M = "objective m(W[3, 2] = 0.5, v[4] = 1) = sum((W - 0.25)^2) + sum(v^2)\n";

  @Test
  void lr0IsTheGivenLrWhatEverTheScheduleDoes() throws IOException {
    String rules = "rule Fixed(lr = 0.01) { p = p - lr0 * g }\n"
        + "rule Scheduled(lr = 0.01) { p = p - lr * g }\n";
    String sched = ", schedule = cosine(T_max = 50)";
    List<String> fixed = trace(F + rules, "Fixed(lr = 0.01" + sched + ")", "f");
    assertEquals(trace(F + rules, "Scheduled(lr = 0.01)", "f"), fixed);
    assertNotEquals(trace(F + rules, "Scheduled(lr = 0.01" + sched + ")", "f"), fixed);
  }

  @Test
  void repeatIsItsBodyWrittenOutNTimes() throws IOException {
    String rules = "rule Thrice(lr = 0.01, n = 3) { d = g\n repeat n { d = d * 0.5 }\n"
        + " p = p - lr * d }\n"
        + "rule Written(lr = 0.01) { d = g\n d = d * 0.5\n d = d * 0.5\n d = d * 0.5\n"
        + " p = p - lr * d }\n";
    assertEquals(trace(F + rules, "Written", "f"), trace(F + rules, "Thrice", "f"));
    assertNotEquals(trace(F + rules, "Written", "f"), trace(F + rules, "Thrice(n = 2)", "f"));
  }

  @Test
  void aConditionOnTheStepRunsItsBranchAtThatStepOnly() throws IOException {
    // the first update is a plain SGD step of 0.1, the others of 0.01: as SGD with a schedule
    String rules = "rule Kick(lr = 0.01) { if t == 1 { p = add(p, g, alpha = -0.1) } else {"
        + " p = add(p, g, alpha = -lr) } }\n";
    List<String> kick = trace(F + rules, "Kick", "f");
    assertEquals(trace(F + "schedule kick(t) = 0.1 * max(0, 1 - t) + 0.01 * min(1, t)\n",
        "SGD(lr = 0.01, schedule = kick)", "f"), kick);
  }

  @Test
  void aRowStatisticBroadcastsAlongTheColumnsOfItsMatrix() throws IOException {
    // every entry of W moves alike, so each row's mean of |g| over its two columns is exactly
    // each entry's |g| (a sum of two equal numbers halves exactly): row_mean(abs(g)) broadcast
    // along the columns must give the element-wise rule's bits, and differ from plain SGD
    String rules = "rule RowScaled(lr = 0.1) { if ndim(p) == 2 { s = row_mean(abs(g)) + 1\n"
        + " p = p - lr * g / s } else { p = p - lr * g } }\n"
        + "rule ElementScaled(lr = 0.1) { if ndim(p) == 2 { s = abs(g) + 1\n"
        + " p = p - lr * g / s } else { p = p - lr * g } }\n"
        + "rule Plain(lr = 0.1) { p = p - lr * g }\n";
    List<String> scaled = trace(M + rules, "RowScaled", "m");
    assertEquals(trace(M + rules, "ElementScaled", "m"), scaled);
    assertNotEquals(trace(M + rules, "Plain", "m"), scaled);
  }

  private List<String> trace(String decls, String optimizer, String obj) throws IOException {
    Path file = dir.resolve("t" + System.nanoTime() + ".csv");
    String script = decls + "run " + optimizer + " on " + obj + " for 60 steps every 1 trace \""
        + file + "\"\n";
    new Engine().run(new Source("t.opt", script), false, new Capture(), RunControl.none());
    List<String> rows = Files.readAllLines(file);
    // loss, gradient norm and parameters: the run's name and its lr column may differ
    return rows.subList(1, rows.size()).stream().map(RuleLanguageTest::afterLr).toList();
  }

  private static String afterLr(String row) {
    int at = row.startsWith("\"") ? row.indexOf('"', 1) + 1 : 0;
    for (int commas = 0; commas < 3; commas++) {
      at = row.indexOf(',', at) + 1;
    }
    return row.substring(at);
  }
}

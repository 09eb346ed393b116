package dev.optlab.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A rule whose update makes the loss NaN stops its run as a built-in's divergence does: a normal
 * outcome printed as {@code diverged at step k}, not an error, and the script goes on.
 */
class RuleDivergenceTest {
  @Test
  void aRuleProducingNanStopsTheRunAtThatStep() {
    // sqrt of a negative momentum is NaN at the first update (g = 2, 4 > 0 at x = 1, y = 2)
    String script = """
        objective f(x = 1, y = 2) = x^2 + y^2
        rule Blowup(lr = 0.1) {
          state m = 0
          m = m + g
          p = p - lr * sqrt(-m)
        }
        run Blowup on f for 10 steps every 1
        print 7
        """;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"-e", script},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(text.contains("Blowup: diverged at step 1 (loss = nan)"), text);
    assertTrue(!text.contains("\n   2 "), "no step after the divergence:\n" + text);
    assertTrue(text.endsWith("7.0\n"), "the script goes on after the divergence:\n" + text);
  }
}

package dev.optlab.repl;

import static dev.optlab.repl.ReplDriver.session;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** lrfind typed into the REPL: the table and the suggestions, and the session goes on. */
class ReplLrFindTest {
  @Test
  void aRangeTestPrintsItsStepsAndEverySuggestionByName() {
    String out = session("objective f(x = 3) = x^2\nlrfind Adam on f steps 40\nprint 1\n");
    assertTrue(out.contains("lrfind Adam on f: lr from 1e-07 to 10 over 40 steps (fast.ai's "
        + "LRFinder)\n"), out);
    assertTrue(out.contains("\n     0         1e-07             9             9\n"), out);
    for (String rule : new String[] {"valley", "slide", "minimum", "steep"}) {
      assertTrue(out.contains("\n  " + rule + " "), rule + " in " + out);
    }
    assertTrue(out.contains("optlab> 1.0\n"), "the session goes on: " + out);
  }
}

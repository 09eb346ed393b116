package dev.optlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.optlab.Engine;
import dev.optlab.data.DataError;
import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;

/**
 * Coverage-guided fuzzing of the language's front end (the hardening issue's "fuzzing that
 * stays"): any text, parsed and checked as a script and as REPL input, ends in under 2 s with
 * success or a located diagnostic — never another exception. Checking runs no statement, so a
 * fuzzed {@code run ... for 1e15 steps} or {@code trace "..."} neither hangs nor writes. In
 * {@code mvn verify} it replays {@code ScriptFuzzTestInputs/} (every reproducer of the issue);
 * {@code JAZZER_FUZZ=1} (bench/fuzz.sh) fuzzes for real.
 */
class ScriptFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyScriptIsCheckedOrRefusedWithALocatedError(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    for (boolean repl : new boolean[] {false, true}) {
      long start = System.nanoTime();
      try {
        new Engine().check(new Source("fuzz.opt", text), repl);
      } catch (OptlabError e) {
        String shown = DiagnosticRenderer.render(e);
        assertTrue(shown.startsWith("fuzz.opt:") && shown.contains(": error: "), shown);
        assertTrue(e.bug() == null, "an internal error: " + shown);
      } catch (DataError e) {
        throw new AssertionError("a data error escaped the checker: " + e.getMessage(), e);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < 2000, "took " + ms + " ms");
    }
  }
}

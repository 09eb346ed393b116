package dev.optlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.optlab.Engine;
import dev.optlab.check.Action;
import dev.optlab.console.TableOutput;
import dev.optlab.data.HeapCheck;
import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Coverage-guided fuzzing of whole scripts (the hardening issue's "fuzzing that stays"): any
 * text, parsed, checked and run as a script file in a sandbox directory with its output
 * captured, ends in under 2 s with success or a located diagnostic ({@code FILE:LINE:COL:
 * error:}); never an internal error, a Java exception, an out-of-memory, or a file left in the
 * working directory. Inputs too long to run honestly are only checked ({@link FuzzHarness}, "The
 * caps"). In {@code mvn verify} it replays {@code ScriptFuzzTestInputs/} (every reproducer of the
 * issue); {@code JAZZER_FUZZ=1} (bench/fuzz.sh) fuzzes for real.
 */
class ScriptFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyScriptRunsOrFailsWithALocatedError(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Set<String> before = FuzzHarness.workingDirectory();
    Path sandbox = FuzzHarness.sandbox();
    Source source = new Source(sandbox.resolve("fuzz.opt").toString(), text, sandbox);
    boolean timed = FuzzHarness.timed(source);
    long start = System.nanoTime();
    try {
      Engine engine = new Engine();
      ByteArrayOutputStream shown = new ByteArrayOutputStream();
      try {
        List<Action> actions = engine.check(source, false);
        if (FuzzHarness.runnable(actions, sandbox)) {
          engine.run(source, false, new TableOutput(new PrintStream(shown, true,
              StandardCharsets.UTF_8)), new FuzzHarness.Deadline(1000));
        }
      } catch (OptlabError e) {
        String message = DiagnosticRenderer.render(e);
        assertTrue(message.startsWith(source.name() + ":")
            && message.matches("(?s)[^\\n]*:\\d+:\\d+: error: .*"), message);
        assertTrue(e.bug() == null, "an internal error: " + message);
        assertTrue(!message.contains(HeapCheck.outOfMemory()), "ran out of memory: " + message);
      }
    } finally {
      FuzzHarness.delete(sandbox);
    }
    FuzzHarness.assertClean(start, before, timed);
  }
}

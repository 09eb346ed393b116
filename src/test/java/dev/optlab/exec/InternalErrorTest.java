package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.source.Debug;
import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A bug met while running is an internal error located at its statement that asks for a report
 * (no longer "run failed: ..." as if the script were wrong), with its stack trace kept for {@code
 * OPTLAB_DEBUG=1}; a language error has none.
 */
class InternalErrorTest {
  private static final IllegalStateException BUG = new IllegalStateException("broken invariant");

  /** A control whose progress report throws: a stand-in for a bug inside the loop. */
  private static RunControl buggy() {
    return new RunControl() {
      @Override
      public void progress(String run, long step, long steps, double loss, long nanos) {
        throw BUG;
      }
    };
  }

  @Test
  void aBugInARunIsAnInternalErrorAtTheStatementAskingForAReport() {
    Source source = new Source("t.opt", "objective f(x = 1) = x^2\n"
        + "run SGD(lr = 0.1) on f for 100000 steps\n");
    OptlabError e = assertThrows(OptlabError.class,
        () -> new Engine().run(source, false, new Capture(), buggy()));
    assertSame(BUG, e.bug());
    String shown = DiagnosticRenderer.render(e);
    assertTrue(shown.startsWith("t.opt:2:1: error: internal error: IllegalStateException: broken"
        + " invariant (a bug in optlab, not in the script: please report it with the script;"
        + " OPTLAB_DEBUG=1 prints the stack trace)\n"), shown);
    assertFalse(shown.contains("run failed"), shown);
    assertFalse(shown.contains("\tat "), "no stack trace unless asked: " + shown);
  }

  @Test
  void debugPrintsTheStackTraceAndALanguageErrorHasNone() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Debug.stackTrace(BUG, err);
    assertEquals("", bytes.toString(StandardCharsets.UTF_8), "off by default");
    System.setProperty("optlab.debug", "1");
    try {
      Debug.stackTrace(BUG, err);
    } finally {
      System.clearProperty("optlab.debug");
    }
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("\tat dev.optlab.exec."
        + "InternalErrorTest.<clinit>"), bytes.toString(StandardCharsets.UTF_8));
    OptlabError language = assertThrows(OptlabError.class, () -> Capture.run("print nope\n"));
    assertEquals(null, language.bug());
  }
}

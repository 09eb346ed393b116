package dev.optlab.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ctrl-C during a long run: the terminal raises SIGINT as a real one does, the run stops after
 * its current step with the rows so far and a line saying so, and the session goes on.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InterruptTest {
  private PipedOutputStream keys;
  private ByteArrayOutputStream screen;
  private DumbTerminal terminal;
  private Thread repl;

  @BeforeEach
  void start() throws IOException {
    keys = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keys, 1 << 16);
    screen = new ByteArrayOutputStream();
    terminal = ReplDriver.terminal(in, screen);
    repl = new Thread(() -> Repl.run(terminal, ReplDriver.settings(Path.of(""))), "repl");
    repl.start();
  }

  @AfterEach
  void stop() throws Exception {
    keys.close();
    repl.join(TimeUnit.MINUTES.toMillis(1));
  }

  private void type(String text) throws IOException {
    keys.write(text.getBytes(UTF_8));
    keys.flush();
  }

  /**
   * Presses Ctrl-C until the screen shows {@code text}. Call it only once the statement to
   * interrupt is running (its output has begun): a press at the prompt would drop the line.
   */
  private String interruptUntil(String text) throws InterruptedException {
    while (!screen.toString(UTF_8).contains(text)) {
      terminal.raise(Terminal.Signal.INT);
      Thread.sleep(20);
    }
    return screen.toString(UTF_8);
  }

  private String waitFor(String text) throws InterruptedException {
    while (!screen.toString(UTF_8).contains(text)) {
      Thread.sleep(10);
    }
    return screen.toString(UTF_8);
  }

  @Test
  void aLongRunStopsWithItsRowsSoFarAndTheSessionGoesOn() throws Exception {
    type("objective f(x = 1, y = 2) = x^2 + 10 * y^2\n");
    type("run Adam(lr = 1e-9) on f for 50000000 steps every 10000000\n");
    waitFor("grad_norm"); // the table's header: the run has begun
    interruptUntil("interrupted at step");
    type("print 1 + 1\n");
    String shown = ReplDriver.normalize(waitFor("optlab> 2.0\n"));
    assertTrue(shown.contains("""
            step            lr          loss     grad_norm             x             y
               0         1e-09            41         40.05             1             2
        """), shown);
    assertTrue(shown.matches("(?s).*\\n +\\d+ +1e-09 +[0-9.e+-]+ .*\\nAdam\\(lr = 1e-9\\): "
        + "interrupted at step \\d+: loss [0-9.e+-]+ at \\(x = [0-9.e+-]+, y = [0-9.e+-]+\\) "
        + "\\(TIME\\)\\n\\noptlab> 2.0\\n.*"), shown);
    assertFalse(shown.contains("after 50000000 steps"), shown);
  }

  @Test
  void aLongCompareStopsAndShowsEachRunSoFar() throws Exception {
    type("objective f(x = 1, y = 2) = x^2 + 10 * y^2\n");
    // The print shows when the input has begun to run, so Ctrl-C can no longer hit the prompt.
    type("print 7; compare Adam(lr = 1e-9), SGD(lr = 1e-12) on f for 50000000 steps\n");
    waitFor("optlab> 7.0\n");
    interruptUntil("compare interrupted at step");
    type("print 3\n");
    String shown = ReplDriver.normalize(waitFor("optlab> 3.0\n"));
    assertTrue(shown.matches("(?s).*optlab> 7.0\\ncompare interrupted at step \\d+ of 50000000: "
        + "the rows show each run so far\\ncompare on f from \\(x = 1, y = 2\\), 50000000 steps"
        + "\\n.*\\noptlab> 3.0\\n.*"), shown);
    // Stopped at different steps, they are listed as given and not ranked (the table says so);
    // at the same step, ranked by loss, so in either order.
    boolean unranked = shown.contains("\nnot ranked: interrupted after different numbers of steps");
    String rank = unranked ? " -" : " [12]";
    assertTrue(shown.matches("(?s).*\\n" + rank + " Adam\\(lr = 1e-9\\) .*"), shown);
    assertTrue(shown.matches("(?s).*\\n" + rank + " SGD\\(lr = 1e-12\\) .*"), shown);
    if (unranked) {
      assertTrue(shown.indexOf(" - Adam") < shown.indexOf(" - SGD"), "listed order: " + shown);
    }
  }

  @Test
  void anInterruptedInputWritesNoReportAndALaterOneShowsTheRunSoFar(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path report = dir.resolve("r.html");
    type("objective f(x = 1, y = 2) = x^2 + 10 * y^2\n");
    type("run Adam(lr = 1e-9) on f for 50000000 steps every 10000000; report \"" + report
        + "\"\n");
    waitFor("grad_norm");
    String shown = interruptUntil("report not written");
    assertTrue(shown.contains("report not written (interrupted): " + report + "\n"), shown);
    assertFalse(java.nio.file.Files.exists(report));
    type("report \"" + report + "\"\n");
    waitFor("report written to " + report);
    assertTrue(java.nio.file.Files.readString(report).contains(": interrupted at step "));
  }
}

package dev.optlab.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The live progress line: shown after a second, one line rewritten in place, then erased. */
class ProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, UTF_8);

  private String shown() {
    String s = bytes.toString(UTF_8);
    bytes.reset();
    return s;
  }

  @Test
  void aRunShowsItsStepLossAndRateAfterASecondAndErasesItAtTheEnd() {
    Progress p = new Progress(out, true, () -> 200);
    p.begin();
    p.progress("adam", 4095, 100_000_000, 0.5, 500_000_000L);
    assertEquals("", shown(), "nothing in the first second");
    p.progress("adam", 24_000_000, 100_000_000, 1.25e-5, 2_000_000_000L);
    assertEquals("\radam  step 24000000/100000000 (24%)  loss 1.25e-05  12.0M steps/s\033[K",
        shown());
    p.clear();
    assertEquals("\r\033[K", shown());
    p.clear();
    assertEquals("", shown(), "erased once");
    p.end();
    assertEquals("", shown());
  }

  @Test
  void aCompareShowsItsRunsBrieflyOnOneLineCutToTheTerminal() {
    Progress p = new Progress(out, true, () -> 60);
    p.begin();
    p.progress("sgd", 1000, 2000, 0.5, 2_000_000_000L);
    shown();
    p.clear();
    shown();
    p.progress("adam", 1500, 2000, 0.25, 2_000_000_000L);
    String line = shown();
    assertEquals("\rsgd 50% loss 0.5  |  adam 75% loss 0.25\033[K", line);
    p.clear();
    p.progress("a_very_long_optimizer_name", 1000, 2000, 0.5, 2_000_000_000L);
    assertEquals("\r\033[K\rsgd 50% loss 0.5  |  adam 75% loss 0.25  |  a_very_long_op…"
        + "\033[K", shown(), "cut to one character less than the terminal's width");
    p.end();
  }

  @Test
  void dumbTerminalsGetNoProgressLineAndCtrlCStillStops() {
    Progress p = new Progress(out, false, () -> 80);
    p.begin();
    p.progress("adam", 8191, 100_000_000, 0.5, 5_000_000_000L);
    p.clear();
    assertEquals("", shown());
    p.requestStop();
    assertTrue(p.stopRequested());
    p.begin();
    assertTrue(!p.stopRequested(), "a new statement starts unstopped");
  }

  @Test
  void ratesReadNaturally() {
    assertEquals("12.3M steps/s", Progress.rate(12_300_000, 1_000_000_000L));
    assertEquals("950k steps/s", Progress.rate(950_000, 1_000_000_000L));
  }

  @Test
  void workWithoutALossShowsNoneAndARestartBeginsANewLine() {
    Progress p = new Progress(out, true, () -> 80);
    p.begin();
    p.progress("adam", 1000, 2000, 0.5, 2_000_000_000L);
    shown();
    p.restart(); // a script printed the run's summary: the next statement has a line of its own
    p.progress("plot schedule", 3 << 20, 8 << 20, Double.NaN, 2_000_000_000L);
    assertEquals("\r\033[K\rplot schedule  step 3145728/8388608 (37%)  1.6M steps/s\033[K",
        shown());
    p.end();
  }
}

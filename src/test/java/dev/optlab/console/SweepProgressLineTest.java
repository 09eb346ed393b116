package dev.optlab.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * A sweep's live line ({@link Progress#sweepProgress}): trials done, the best so far and the
 * time left, rewritten in place, cut to the terminal's width, not before a second has passed and
 * never on a dumb terminal.
 */
class SweepProgressLineTest {
  private static final long SECOND = 1_000_000_000L;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, UTF_8);

  private String shown() {
    String s = bytes.toString(UTF_8);
    bytes.reset();
    return s;
  }

  @Test
  void showsTrialsDoneTheBestAndTheTimeLeftAfterASecond() {
    Progress p = new Progress(out, true, () -> 200);
    p.begin();
    p.sweepProgress(1, 64, "loss 0.5 (trial 0)", SECOND / 2, 40 * SECOND);
    assertEquals("", shown(), "nothing in the first second");
    p.sweepProgress(12, 64, "loss 0.0012 (trial 5)", 2 * SECOND, 41 * SECOND);
    assertEquals("\rsweep 12/64 trials  best loss 0.0012 (trial 5)  ETA 41 s\033[K", shown());
    p.sweepProgress(13, 64, "loss 0.0012 (trial 5)", 3 * SECOND, 125 * SECOND + SECOND / 3);
    assertEquals("\rsweep 13/64 trials  best loss 0.0012 (trial 5)  ETA 2 min 5 s\033[K",
        shown(), "rewritten in place, each time a trial finishes");
    p.end();
    assertEquals("\r\033[K", shown(), "erased when the statement ends");
  }

  @Test
  void noBestWhileEveryTrialDivergedAndNoTimeLeftAtTheEnd() {
    Progress p = new Progress(out, true, () -> 200);
    p.begin();
    p.sweepProgress(3, 8, "", 2 * SECOND, 3 * 3600 * SECOND + 7 * 60 * SECOND);
    assertEquals("\rsweep 3/8 trials  ETA 3 h 7 min\033[K", shown());
    p.sweepProgress(8, 8, "accuracy 0.975 (trial 6)", 5 * SECOND, 0);
    assertEquals("\rsweep 8/8 trials  best accuracy 0.975 (trial 6)\033[K", shown());
    p.end();
  }

  @Test
  void cutToOneCharacterLessThanTheTerminalWidthReadAtEachRedraw() {
    int[] width = {30};
    Progress p = new Progress(out, true, () -> width[0]);
    p.begin();
    p.sweepProgress(12, 64, "loss 0.0012 (trial 5)", 2 * SECOND, 41 * SECOND);
    String line = shown();
    assertEquals("\rsweep 12/64 trials  best los…\033[K", line);
    assertEquals(29, line.length() - "\r\033[K".length());
    width[0] = 5; // resized very narrow: still a line of at least 10 characters, cut
    p.sweepProgress(13, 64, "loss 0.0012 (trial 5)", 3 * SECOND, 40 * SECOND);
    assertEquals("\rsweep 13/…\033[K", shown());
    p.end();
  }

  @Test
  void dumbTerminalsGetNoSweepLine() {
    Progress p = new Progress(out, false, () -> 80);
    p.begin();
    p.sweepProgress(12, 64, "loss 0.0012 (trial 5)", 20 * SECOND, 41 * SECOND);
    p.end();
    assertEquals("", shown());
  }
}

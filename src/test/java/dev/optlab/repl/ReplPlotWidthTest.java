package dev.optlab.repl;

import dev.optlab.console.Progress;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.exec.RunControl;
import dev.optlab.plot.TerminalStyle;
import dev.optlab.source.Source;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Pictures in the REPL take the terminal's width, whatever ran before them. */
class ReplPlotWidthTest {
  /** Issue #15: the first compare drew 80 columns in a 160-column terminal. */
  @Test
  void aCompareBeforeAnyPlotDrawsAcrossAWideTerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, UTF_8);
    // what Repl.plotStyle reads off a 160-column UTF-8 terminal with colour off
    ReplOutput output = new ReplOutput(out, new Progress(out, false, () -> 160),
        () -> new TerminalStyle(160, 20, true, false));
    new Engine().run(new Source("<test>", "objective q(x = 3, y = 1) = x^2 + 10 * y^2\n"
        + "compare SGD(lr = 0.01), Adam(lr = 0.1) on q for 200 steps\n"), true, output,
        RunControl.none());
    String text = bytes.toString(UTF_8);
    int widest = text.substring(text.indexOf("loss (log scale)")).lines()
        .filter(l -> l.matches(" *[0-9.e-]* *[|+].*")).mapToInt(String::length).max().orElse(0);
    assertTrue(widest > 120, "the plot's widest line has " + widest + " columns:\n" + bytes);
  }
}

package dev.optlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plot statements through the command line, as a user runs them. */
class PlotStatementTest {
  @TempDir Path dir;

  @Test
  void aCompareDrawsInTheTerminalWithALegendAndNoTable() {
    Scripts r = Scripts.run(SvgFileTest.ROSENBROCK
        + "plot compare sgd, momentum on rosenbrock for 500 steps");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("loss on rosenbrock from (x = -1.5, y = 2), 500 steps", lines.get(0));
    assertEquals("loss (log scale)", lines.get(1));
    // Not a terminal here: plain characters, one per optimizer.
    assertTrue(r.out().contains("* sgd   o momentum"), r.out());
    assertFalse(r.out().contains("final loss"), r.out());
    assertFalse(r.out().contains("\u001b["), "colour in a pipe");
  }

  @Test
  void pathsInTheTerminalMarkStartAndEndAndListTheContourLevels() {
    Scripts r = Scripts.run(SvgFileTest.ROSENBROCK
        + "plot paths momentum on rosenbrock for 300 steps");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("S"), r.out());
    assertTrue(r.out().contains("E"), r.out());
    assertTrue(r.out().contains("contours of rosenbrock at "), r.out());
    assertTrue(r.out().contains("S start  E end"), r.out());
  }

  @Test
  void aScheduleChainDrawsWithoutAnOptimizerAndAnOptimizerNameStandsForItsSchedule() {
    Scripts r = Scripts.run("optimizer adam = Adam(lr = 0.05, schedule = linear(start_factor = "
        + "0.1, total_iters = 10) for 10 then cosine(T_max = 90))\n"
        + "plot schedule adam, step(step_size = 30) for 100 steps lr 0.05");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("schedules, 100 steps\nlr\n"), r.out());
    assertTrue(r.out().contains("* adam   o step(step_size = 30)"), r.out());
  }

  @Test
  void csvOutputKeepsPicturesOffStandardOutput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--format", "csv", "-e", SvgFileTest.ROSENBROCK
        + "run sgd on rosenbrock for 2 steps every 1\nplot run sgd on rosenbrock for 20 steps"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code);
    assertEquals(4, out.toString(StandardCharsets.UTF_8).lines().count()); // header + 3 rows
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("* sgd"));
  }

  @Test
  void aFileIsReplacedWholeAndNoTemporaryFileStaysBehind() throws Exception {
    Path svg = dir.resolve("a.svg");
    Files.writeString(svg, "old");
    Scripts r = Scripts.run(SvgFileTest.ROSENBROCK + "plot run sgd on rosenbrock for 10 steps to "
        + Scripts.quote(svg));
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(svg).startsWith("<?xml"));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("a.svg"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void nothingRunsWhenALaterPlotCannotBeWritten() {
    Path svg = dir.resolve("first.svg");
    Scripts r = Scripts.run(SvgFileTest.ROSENBROCK + "plot run sgd on rosenbrock for 10 steps to "
        + Scripts.quote(svg) + "\nplot run sgd on rosenbrock for 10 steps to \"no/such/x.svg\"");
    assertEquals(1, r.code());
    assertFalse(Files.exists(svg), "the first plot ran before the script was checked");
  }

  @Test
  void aPlotEndsAtTheNextStatementLikeAnyOther() {
    Scripts r = Scripts.run(SvgFileTest.ROSENBROCK
        + "plot run sgd on rosenbrock for 5 steps; print 1 + 1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().endsWith("  * sgd\n\n2.0\n"), r.out());
  }
}

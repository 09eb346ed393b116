package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.plot.Figure;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long {@code plot schedule} reports progress and stops on request, like a run. */
class SchedulePlotProgressTest {
  @Test
  void aLongSchedulePlotReportsProgressAndStopsWhenAsked(@org.junit.jupiter.api.io.TempDir Path dir) {
    List<Long> reported = new ArrayList<>();
    RunControl control = new RunControl() {
      @Override
      public void progress(String run, long step, long steps, double loss, long nanos) {
        assertEquals("plot schedule", run);
        assertEquals(200_000_000L, steps);
        assertTrue(Double.isNaN(loss), "a schedule has no loss");
        reported.add(step);
        requestStop(); // Ctrl-C at the first report
      }
    };
    Path svg = dir.resolve("s.svg");
    List<Figure> figures = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Capture output = new Capture() {
      @Override
      public void plotted(Figure figure, Path file) {
        figures.add(figure);
        files.add(file);
      }
    };
    new Engine().run(new Source("t.opt", "plot schedule cosine(T_max = 100) for 200000000 steps"
        + " to \"" + svg + "\"\n"), false, output, control);
    assertEquals(List.of((1L << 20) - 1), reported);
    assertNull(files.get(0), "an interrupted plot writes no file");
    assertTrue(!svg.toFile().exists());
    var series = ((Figure.Lines) figures.get(0).panels().get(0)).series().get(0);
    double lastStep = series.x()[series.size() - 1];
    assertTrue(lastStep <= (1 << 20) && lastStep > 1000, "the curve ends where it stopped: "
        + lastStep);
  }
}

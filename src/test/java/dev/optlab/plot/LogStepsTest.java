package dev.optlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.exec.RunControl;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code plot ... log steps}: a long run's curve with the step on a log axis. */
class LogStepsTest {
  private static List<Figure> plots(String script) {
    List<Figure> figures = new ArrayList<>();
    Capture output = new Capture() {
      @Override
      public void plotted(Figure figure, Path file) {
        figures.add(figure);
      }
    };
    new Engine().run(new Source("t.opt", script), false, output, RunControl.none());
    return figures;
  }

  @Test
  void rowsAreSpacedEvenlyPerDecadeAndTheAxisIsLog() {
    Figure f = plots("objective f(x = 3) = x^2\n"
        + "plot run SGD(lr = 1e-6) on f for 1000000 steps log steps with lr\n").get(0);
    for (Figure.Panel p : f.panels()) {
      assertTrue(((Figure.Lines) p).logX(), "both panels share the log step axis");
      assertEquals("step (log scale)", Frame.xLabel(p));
    }
    double[] steps = f.panels().get(0).series().get(0).x();
    assertEquals(0, steps[0]);
    assertEquals(1_000_000, steps[steps.length - 1]);
    // as many points in the decade 10^5-10^6 as in 10^3-10^4: about 230 each (1% apart)
    long high = java.util.Arrays.stream(steps).filter(s -> s >= 1e5 && s < 1e6).count();
    long mid = java.util.Arrays.stream(steps).filter(s -> s >= 1e3 && s < 1e4).count();
    assertTrue(high > 200 && high < 260 && Math.abs(high - mid) <= 6, high + " vs " + mid);
    assertEquals(101, java.util.Arrays.stream(steps).filter(s -> s <= 100).count(),
        "every step up to 100");
    Axis x = Frame.x(f.panels().get(0));
    assertEquals(1, x.lo);
    assertEquals(1e6, x.hi);
  }

  @Test
  void withoutLogStepsTheAxisStaysLinearAndEvenlySampled() {
    Figure f = plots("objective f(x = 3) = x^2\n"
        + "plot run SGD(lr = 1e-6) on f for 1000000 steps\n").get(0);
    assertTrue(!((Figure.Lines) f.panels().get(0)).logX());
    assertEquals("step", Frame.xLabel(f.panels().get(0)));
  }
}

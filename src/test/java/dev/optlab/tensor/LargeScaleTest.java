package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.check.Declaration;
import dev.optlab.data.Dataset;
import dev.optlab.exec.RunControl;
import dev.optlab.source.Source;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A million parameters on 100,000 rows by 100 features, in the test JVM's default heap: the
 * data, the flat parameter vector and Adam's state fit, the buffers are planned in chunks, and
 * the loss over all the rows (taken in chunks) is the loss computed directly.
 */
class LargeScaleTest {
  @Test
  @Timeout(120)
  void aMillionParametersOnAHundredThousandRows() {
    String script = """
        data big = linear(n = 100000, features = 100, noise = 0.1, seed = 5)
        objective fit(w[100] = 0, c = 0, E[1000, 1000] ~ normal(0, 0.01)) =
            mse(big.x @ w + c, big.y) + 1e-6 * sum(E^2)
        run Adam(lr = 0.01) on fit batch 1000 for 2 epochs every 1
        """;
    Engine engine = new Engine();
    Capture c = new Capture();
    engine.run(new Source("big.opt", script), false, c, RunControl.none());
    Model model = ((Declaration.Model) engine.lookup("fit")).model();
    assertEquals(1_000_101, model.size());
    assertTrue(c.plan.training().chunk() < 100_000, "the full-set loss is taken in chunks");
    List<TraceRow> rows = c.rows;
    assertEquals(3, rows.size());
    // At the start w = 0 and c = 0: the data term is mean(y^2), plus the penalty on E.
    Dataset data = model.data();
    double s = 0;
    for (double y : data.train().y()) {
      s += y * y;
    }
    double[] e = model.initialize(0);
    double penalty = 0;
    for (int i = 101; i < e.length; i++) {
      penalty += e[i] * e[i];
    }
    double expected = s / data.train().rows() + 1e-6 * penalty;
    assertEquals(expected, rows.get(0).loss(), 1e-12 * expected);
    assertEquals(RunSummary.Status.COMPLETED, c.summaries.get(0).status());
    assertTrue(rows.get(2).loss() < 0.5 * rows.get(0).loss(), "it learns: " + rows);
  }
}

package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.plan.LrFinder;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole range tests against the project's reference written from fast.ai's source and run with
 * torch 1.13 ({@code src/test/resources/lrfind/lrfind_reference.py}): every step's lr, loss and
 * smoothed loss, where it stops, and the four suggestions. Scalar objectives bit for bit; iris
 * (a matrix product and cross-entropy, summed in another order than torch's, then amplified
 * by the last steps' lr near 2: 3e-12 at step 81) within 1e-9.
 */
class LrFindGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/lrfind");
  private static final String ROSENBROCK =
      "objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n";
  private static final String IRIS = "data iris = csv(\"examples/data/iris.csv\", target = "
      + "\"species\")\nobjective logreg(W[4, 3] = 0, b[3] = 0) = cross_entropy(iris.x @ W + b,"
      + " iris.y)\n";

  static LrFindResult lrfind(String script) {
    List<LrFindResult> found = new ArrayList<>();
    Capture output = new Capture() {
      @Override
      public void lrFound(LrFindResult result) {
        found.add(result);
      }
    };
    new Engine().run(new Source("t.opt", script), false, output, RunControl.none());
    assertEquals(1, found.size());
    return found.get(0);
  }

  @ParameterizedTest
  @CsvSource({"adam_rosenbrock, ROSENBROCK, lrfind Adam on rosenbrock, 0",
      "momentum_rosenbrock, ROSENBROCK, lrfind SGD(momentum = 0.9) on rosenbrock, 0",
      "adam_iris, IRIS, lrfind Adam on logreg, 1e-9"})
  void aRangeTestIsFastAisStepByStep(String name, String objective, String statement,
      double tolerance) throws IOException {
    LrFindResult r = lrfind((objective.equals("IRIS") ? IRIS : ROSENBROCK) + statement + "\n");
    LrFinder f = r.finder();
    List<String[]> rows = SuggestionsTestAccess.csv(DIR.resolve("run_" + name + ".csv"));
    assertEquals(rows.size(), f.lrs().size(), "where it stops");
    for (int i = 0; i < rows.size(); i++) {
      check(rows.get(i)[1], f.lrs().get(i), 0, name + " lr " + i);
      check(rows.get(i)[2], f.rawLosses().get(i), tolerance, name + " loss " + i);
      check(rows.get(i)[3], f.smoothedLosses().get(i), tolerance, name + " smoothed " + i);
    }
    List<String[]> want = SuggestionsTestAccess.csv(DIR.resolve("suggest_" + name + ".csv"));
    assertEquals(want.size(), r.suggestions().size());
    for (int k = 0; k < want.size(); k++) {
      LrFinder.Suggestion s = r.suggestions().get(k);
      assertEquals(want.get(k)[0], s.rule().text());
      check(want.get(k)[1], s.lr(), tolerance, name + " " + s.rule().text());
      check(want.get(k)[3], s.markLoss(), tolerance, name + " " + s.rule().text() + " loss");
    }
  }

  private static void check(String want, double got, double tolerance, String what) {
    double w = Double.parseDouble(want);
    if (tolerance == 0) {
      assertEquals(Double.doubleToLongBits(w), Double.doubleToLongBits(got), what + ": want "
          + want + ", got " + got);
    } else {
      assertTrue(Math.abs(w - got) <= tolerance * Math.max(1, Math.abs(w)), what + ": want "
          + want + ", got " + got);
    }
  }
}

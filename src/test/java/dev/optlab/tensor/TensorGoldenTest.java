package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.trace.TraceRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full-batch logistic regression on iris, zero-initialised, float64: every row of optlab's trace
 * against PyTorch 1.13's ({@code src/test/resources/tensor/torch_logreg.py} wrote the goldens;
 * the tests never need Python). The matrix product, log-softmax and mean are summed in a
 * different order than PyTorch's BLAS and vectorised kernels, so values agree to within
 * rounding, not to the bit: within a relative 1e-12 over 200 steps (4e-15 seen). The same holds
 * for the runs that clip the gradient (clip_grad_norm's norms are summed as PyTorch sums them,
 * but of gradients that already differ in the last bits).
 */
class TensorGoldenTest {
  static final double TOLERANCE = 1e-12;

  @ParameterizedTest
  @ValueSource(strings = {"sgd", "momentum", "adam", "rmsprop", "adagrad", "sgd_clip_norm",
      "momentum_clip_value"})
  void matchesPyTorch(String name) throws IOException {
    List<String> lines = Files.readAllLines(
        Path.of("src/test/resources/tensor/iris_logreg_" + name + ".csv"));
    // "# OPTIMIZER", or "# OPTIMIZER | CLAUSE" for a run that clips its gradient
    String[] written = lines.get(0).substring(2).split(" \\| ");
    String optimizer = written[0];
    String clip = written.length > 1 ? " " + written[1] : "";
    Capture c = Capture.run("""
        data iris = csv("examples/data/iris.csv", target = "species", scale = "standard",
            test = 0.2, seed = 1)
        objective logreg(W[4, 3] = 0, b[3] = 0) = cross_entropy(iris.x @ W + b, iris.y)
        run %s on logreg for 200 steps every 1%s
        """.formatted(optimizer, clip));
    List<String> golden = lines.subList(2, lines.size());
    assertEquals(golden.size(), c.rows.size());
    double worst = 0;
    for (int k = 0; k < golden.size(); k++) {
      String[] cells = golden.get(k).split(",");
      TraceRow row = c.rows.get(k);
      assertEquals(Long.parseLong(cells[0]), row.step());
      double[] actual = {row.loss(), row.gradNorm(), row.params()[1], row.params()[2]};
      for (int j = 0; j < actual.length; j++) {
        double expected = Double.parseDouble(cells[j + 1]);
        double error = Math.abs(actual[j] - expected) / Math.max(1e-3, Math.abs(expected));
        worst = Math.max(worst, error);
        int column = j;
        int step = k;
        assertTrue(error <= TOLERANCE, () -> name + " step " + step + " column " + column
            + ": " + actual[column] + " vs PyTorch " + expected);
      }
    }
    System.out.println(name + ": largest relative difference from PyTorch " + worst);
  }
}

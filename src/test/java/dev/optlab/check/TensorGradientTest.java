package dev.optlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.tensor.Capture;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code print grad(g)} for a tensor objective: once "'g' is an objective, not an objective". */
class TensorGradientTest {
  @Test
  void eachParameterByNameAndShapeAtTheInitialWeights() {
    Capture c = Capture.run("objective g(w[2] = 1, b = 0.5) = sum(w * w) + b^2\nprint grad(g)\n");
    assertEquals("grad g at its initial weights (seed 0):\n  w[2] = [2.0, 2.0]\n  b = 1.0",
        c.printed.get(0));
  }

  @Test
  void aDataObjectivesGradientIsOverTheTrainingRowsAsTorchComputesIt() {
    Capture c = Capture.run("data iris = csv(\"examples/data/iris.csv\", target = \"species\")\n"
        + "objective logreg(W[4, 3] = 0, b[3] = 0) = cross_entropy(iris.x @ W + b, iris.y)\n"
        + "print grad(logreg)\n");
    String shown = c.printed.get(0);
    assertTrue(shown.startsWith("grad logreg at its initial weights (seed 0), over the 150 "
        + "training rows of iris:\n  W[4, 3] = ["), shown);
    // torch 1.13, float64: cross_entropy(X @ W + b, y).backward() at zeros (first 8 of W.grad)
    double[] torch = {0.2791111111111109, -0.030888888888888816, -0.24822222222222212,
        -0.12355555555555543, 0.0957777777777778, 0.027777777777778425, 0.7653333333333333,
        -0.16733333333333392};
    String[] cells = shown.substring(shown.indexOf('[', shown.indexOf("W[4, 3]") + 7) + 1)
        .split(", ");
    for (int i = 0; i < torch.length; i++) {
      assertEquals(torch[i], Double.parseDouble(cells[i]), 1e-15, "W.grad[" + i + "] "
          + Arrays.toString(cells));
    }
    assertTrue(shown.contains("... (12 values, norm "), shown);
  }
}

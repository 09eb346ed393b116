package dev.optlab.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optlab.tensor.Capture;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code print f(P)} gives the very loss a run of f reports at P on step 0. Folding the body as
 * numbers differed by an ulp or two: {@code Math.pow} for a constant power, {@code c / x} where
 * the compiled objective (as PyTorch) multiplies by the reciprocal.
 */
class ObjectiveCallTest {
  @ParameterizedTest
  @ValueSource(strings = {"(x - 1.4)^3", "1.1 / (1 + x^2)", "(1 + x^2)^-0.5", "exp(x) / 3 + x^4"})
  void printOfAnObjectiveAtAPointIsTheRunsStepZeroLoss(String body) {
    Random random = new Random(42);
    StringBuilder script = new StringBuilder("objective f(x = 0) = " + body + "\n");
    int points = 40;
    for (int i = 0; i < points; i++) {
      double x = Math.round(random.nextDouble(-3, 3) * 1e6) / 1e6;
      script.append("print f(").append(x).append(")\n");
      script.append("run SGD(lr = 0.1) on f from (x = ").append(x).append(") for 0 steps\n");
    }
    Capture c = Capture.run(script.toString());
    assertEquals(points, c.printed.size());
    for (int i = 0; i < points; i++) {
      double printed = Double.parseDouble(c.printed.get(i));
      assertEquals(Double.doubleToRawLongBits(c.rows.get(i).loss()),
          Double.doubleToRawLongBits(printed), "point " + i + " of " + body);
    }
  }
}

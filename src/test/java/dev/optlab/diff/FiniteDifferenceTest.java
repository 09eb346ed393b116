package dev.optlab.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in's value and gradient against central finite differences, at seeded random
 * points in (-2, 2)^2 away from kinks, poles and the softplus threshold.
 */
class FiniteDifferenceTest {
  private static final List<String> XY = List.of("x", "y");

  private record Row(String expr, BiPredicate<Double, Double> ok) {}

  private static Row row(String expr) {
    return new Row(expr, (x, y) -> true);
  }

  private static Row row(String expr, BiPredicate<Double, Double> ok) {
    return new Row(expr, ok);
  }

  private static boolean far(double v, double from) {
    return Math.abs(v - from) > 1e-3;
  }

  private static boolean offInteger(double v) {
    return far(v, Math.rint(v));
  }

  private static final List<Row> ROWS = List.of(
      row("sqrt(x*x + y*y + 1)"),
      row("sqrt(x + 2)"),
      row("exp(x) * y + exp(-x*y)"),
      row("log(x*x + 1) + log(y + 2.5)"),
      row("abs(x) * y + abs(y - 0.5)", (x, y) -> far(x, 0) && far(y, 0.5)),
      row("sin(x*y) + sin(x)"),
      row("cos(x + 2*y) * cos(y)"),
      row("tan(x / 4) + tan(x * y / 5)"),
      row("tanh(x * y) + tanh(3 * x)"),
      row("sigmoid(x - y) * sigmoid(4 * y)"),
      row("relu(x) * relu(y) + relu(x - y)", (x, y) -> far(x, 0) && far(y, 0) && far(x, y)),
      row("softplus(x * 3) + softplus(y * 15)", (x, y) -> far(y * 15, 20)),
      row("floor(x) * y + ceil(y) * x + floor(x * y)",
          (x, y) -> offInteger(x) && offInteger(y) && offInteger(x * y)),
      row("sign(x) * y^2 + sign(x - y)", (x, y) -> far(x, 0) && far(x, y)),
      row("min(x, y) * 2 + max(x, 0.5) - min(0, y)",
          (x, y) -> far(x, y) && far(x, 0.5) && far(y, 0)),
      row("max(x * y, x + y)", (x, y) -> far(x * y, x + y)),
      row("(x*x + 1)^y + (y*y + 0.5)^(x - 1)"),
      row("2^x + x^3 - 3^(x*y) + e^y"),
      row("x / y + y / (x*x + 1)", (x, y) -> Math.abs(y) > 0.2),
      row("1 / (x*x + 1) - 3 / (y + 2.5)"),
      row("(x*x + 0.1)^0.5 + (y*y + 0.2)^-0.5 + (x*x + 1)^1.5 + (y*y + 1)^-1.5"),
      row("(x - 3)^-1 + (y + 3)^-2 + x^4 + y^0 + x^1 + (x*x + 1)^(1/3)"),
      row("-x^2 + +y - -(x*y)"),
      row("(1 - x)^2 + 100 * (y - x^2)^2"));

  static Stream<Arguments> cases() {
    Random random = new Random(20261129);
    List<Arguments> out = new ArrayList<>();
    for (Row r : ROWS) {
      for (int n = 0; n < 8; ) {
        double x = random.nextDouble() * 4 - 2;
        double y = random.nextDouble() * 4 - 2;
        if (r.ok().test(x, y)) {
          out.add(Arguments.of(r.expr(), x, y));
          n++;
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} at ({1}, {2})")
  @MethodSource("cases")
  void gradientMatchesCentralDifferences(String expr, double x, double y) {
    CompiledFunction f =
        ExprCompiler.compile(TestParse.source(expr), TestParse.expr(expr), XY, Scope.EMPTY);
    double[] point = {x, y};
    double[] grad = new double[2];
    double value = f.valueAndGradient(point, grad);
    assertEquals(value, f.value(point));
    assertTrue(Double.isFinite(value), expr);
    for (int i = 0; i < 2; i++) {
      double h = 1e-6 * Math.max(1, Math.abs(point[i]));
      double[] up = point.clone();
      double[] down = point.clone();
      up[i] += h;
      down[i] -= h;
      double fd = (f.value(up) - f.value(down)) / (up[i] - down[i]);
      double tolerance = 1e-6 * Math.max(1, Math.abs(fd)) + 1e-8 * Math.max(1, Math.abs(value));
      assertEquals(fd, grad[i], tolerance, expr + " d/d" + XY.get(i));
    }
  }
}

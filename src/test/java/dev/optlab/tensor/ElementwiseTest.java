package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optlab.diff.CompiledFunction;
import dev.optlab.diff.ExprCompiler;
import dev.optlab.diff.Scope;
import dev.optlab.source.Source;
import dev.optlab.syntax.SyntaxParser;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tensor kernels compute each element as the objective compiler computes the same function
 * of one number (one table of scalar operations): value and gradient bit for bit, at special
 * values too. Before, they disagreed on relu(-0.0), sign(NaN), tanh's gradient and exp.
 */
class ElementwiseTest {
  private static final double[] SPECIAL = {0.0, -0.0, 1, -1, 0.5, -2.5, 20, 20.000001, -30, 1e-300,
      710, -745, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.PI / 2};

  private static double[] points() {
    Random r = new Random(7);
    double[] x = new double[SPECIAL.length + 300];
    System.arraycopy(SPECIAL, 0, x, 0, SPECIAL.length);
    for (int i = SPECIAL.length; i < x.length; i++) {
      x[i] = r.nextGaussian() * (i % 3 == 0 ? 30 : 2);
    }
    return x;
  }

  @ParameterizedTest
  @CsvSource({"NEG, -x, 0", "EXP, exp(x), 0", "LOG, log(x), 0", "SQRT, sqrt(x), 0",
      "ABS, abs(x), 0", "SIN, sin(x), 0", "COS, cos(x), 0", "TAN, tan(x), 0", "TANH, tanh(x), 0",
      "SIGMOID, sigmoid(x), 0", "RELU, relu(x), 0", "SOFTPLUS, softplus(x), 0",
      "SIGN, sign(x), 0", "FLOOR, floor(x), 0", "CEIL, ceil(x), 0", "POW_C, x^3, 3",
      "POW_C, x^2, 2", "POW_C, x^0.5, 0.5", "POW_C, x^-1, -1", "POW_C, x^2.7, 2.7",
      "POW_C, x^0, 0"})
  void eachElementIsTheScalarFunctionsValueAndGradient(Op op, String scalar, double c) {
    Source s = new Source("t", scalar);
    CompiledFunction f = ExprCompiler.compile(s, SyntaxParser.parseExpression(s), List.of("x"),
        Scope.EMPTY);
    double[] x = points();
    int n = x.length;
    double[] y = new double[n];
    Elementwise.forward(op, c, x, 0, y, 0, n);
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    double[] gx = new double[n];
    java.util.Arrays.fill(gx, -0.0); // -0.0 + v is v for every v, signed zeros included
    Elementwise.backward(op, c, x, 0, y, 0, ones, 0, gx, 0, n);
    double[] g = new double[1];
    // bits, signed zeros included; every NaN as one (a NaN's sign and payload depend on whether
    // the JIT has made Math.fma the CPU's instruction yet, in either path)
    for (int i = 0; i < n; i++) {
      double v = f.valueAndGradient(new double[] {x[i]}, g);
      assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(y[i]),
          scalar + " at " + x[i]);
      if (!(op == Op.SIGN || op == Op.FLOOR || op == Op.CEIL)) { // no gradient node in tensors
        assertEquals(Double.doubleToLongBits(g[0]), Double.doubleToLongBits(gx[i]),
            "d/dx " + scalar + " at " + x[i]);
      }
    }
  }

  @Test
  void pyTorchsRoundingsAsMeasuredOnTorch113Tensors() {
    double[] y = new double[1];
    Elementwise.forward(Op.RELU, 0, new double[] {-0.0}, 0, y, 0, 1);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(y[0]), "relu(-0.0)");
    Elementwise.forward(Op.SIGN, 0, new double[] {Double.NaN}, 0, y, 0, 1);
    assertEquals(0.0, y[0], "sign(NaN)");
    // tanh's gradient is one fused multiply-add: 1 - y*y rounded once
    double t = -0.8981453777685073; // a tanh where 1 - t * t rounds differently
    double[] gx = {0};
    Elementwise.backward(Op.TANH, 0, new double[] {1}, 0, new double[] {t}, 0,
        new double[] {1}, 0, gx, 0, 1);
    assertEquals(Math.fma(-t, t, 1.0), gx[0]);
  }
}

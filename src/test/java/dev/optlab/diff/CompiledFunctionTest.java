package dev.optlab.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The runtime: copies, both execution paths, argument checks. */
class CompiledFunctionTest {
  private static final List<String> XYZ = List.of("x", "y", "z");

  private static CompiledFunction compile(String expr, List<String> vars) {
    return ExprCompiler.compile(TestParse.source(expr), TestParse.expr(expr), vars,
        Scope.EMPTY);
  }

  @Test
  void evaluatorsHaveTheirOwnBuffers() {
    CompiledFunction f = compile("(1 - x)^2 + 100 * (y - x^2)^2 + sin(z) * x", XYZ);
    Evaluator a = f.evaluator();
    Evaluator b = f.evaluator();
    assertNotSame(a, b);
    double[] p = {0.3, -0.7, 2.0};
    double[] q = {-1.5, 2.0, -0.25};
    double[] ga = new double[3];
    double[] gb = new double[3];
    double va = a.valueAndGradient(p, ga);
    double vb = b.valueAndGradient(q, gb);
    // Interleaved calls do not disturb each other.
    double[] ga2 = new double[3];
    assertEquals(va, a.valueAndGradient(p, ga2));
    assertArrayEquals(ga, ga2);
    double[] gb2 = new double[3];
    assertEquals(vb, f.evaluator().valueAndGradient(q, gb2));
    assertArrayEquals(gb, gb2);
  }

  @Test
  void evaluatorsRunInParallel() throws Exception {
    CompiledFunction f = compile("exp(-x*x - y*y) * cos(3*x) + softplus(z - x*y)", XYZ);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> runs = IntStream.range(0, 4).mapToObj(t -> pool.submit(() -> {
        Evaluator mine = f.evaluator();
        double[] sum = new double[4];
        double[] g = new double[3];
        for (int i = 0; i < 20_000; i++) {
          double[] p = {Math.sin(i), Math.cos(i), i * 1e-4};
          sum[0] += mine.valueAndGradient(p, g);
          for (int j = 0; j < 3; j++) {
            sum[j + 1] += g[j];
          }
        }
        return sum;
      })).toList();
      double[] first = runs.get(0).get();
      for (Future<double[]> r : runs) {
        assertArrayEquals(first, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void argumentsAreChecked() {
    CompiledFunction f = compile("x * y", List.of("x", "y"));
    assertEquals(2, f.arity());
    assertEquals(List.of("x", "y"), f.variables());
    assertThrows(IllegalArgumentException.class, () -> f.value(new double[1]));
    assertThrows(IllegalArgumentException.class,
        () -> f.valueAndGradient(new double[2], new double[1]));
    CompiledFunction c = compile("3", List.of("x"));
    assertThrows(IllegalArgumentException.class, () -> c.value(new double[0]));
    double[] g = {7};
    assertEquals(3, c.valueAndGradient(new double[1], g));
    assertArrayEquals(new double[] {0}, g);
  }

  @Test
  void theBytecodeTranslationIsSharedAndMadeOnce() {
    CompiledFunction f = compile("x * y + 1", List.of("x", "y"));
    Fused fused = f.fuseNow();
    assertNotNull(fused);
    assertSame(fused, f.fuseNow());
    double[] g = new double[2];
    Evaluator e = f.evaluator();
    for (int i = 0; i < CompiledFunction.FUSE_AFTER + 5; i++) {
      assertEquals(7, e.valueAndGradient(new double[] {2, 3}, g));
    }
    assertSame(fused, f.fuseNow(), "made once, shared by every evaluator");
    assertArrayEquals(new double[] {3, 2}, g);
  }

  @Test
  void numbersInListingsReadBack() {
    assertEquals("2", CompiledFunction.number(2));
    assertEquals("-0.5", CompiledFunction.number(-0.5));
    assertEquals("1.0E-8", CompiledFunction.number(1e-8));
    assertEquals("-0.0", CompiledFunction.number(-0.0));
    assertEquals("1.0E20", CompiledFunction.number(1e20));
    assertEquals("inf", CompiledFunction.number(Double.POSITIVE_INFINITY));
    assertEquals("nan", CompiledFunction.number(Double.NaN));
  }

  // Random expressions: the interpreter and the bytecode give the same bits.

  private static final String[] UNARY = {"sqrt", "exp", "log", "abs", "sin", "cos", "tan",
      "tanh", "sigmoid", "relu", "softplus", "floor", "ceil", "sign"};
  private static final String[] CONSTANTS = {"0", "1", "2", "3", "0.5", "-0.5", "-1", "-2",
      "1.5", "2.5", "0.1", "7.25", "pi"};

  private static String randomExpr(Random r, int depth) {
    if (depth == 0 || r.nextInt(5) == 0) {
      return r.nextInt(3) == 0 ? CONSTANTS[r.nextInt(CONSTANTS.length)]
          : XYZ.get(r.nextInt(3));
    }
    return switch (r.nextInt(9)) {
      case 0 -> UNARY[r.nextInt(UNARY.length)] + "(" + randomExpr(r, depth - 1) + ")";
      case 1 -> (r.nextBoolean() ? "min(" : "max(") + randomExpr(r, depth - 1) + ", "
          + randomExpr(r, depth - 1) + ")";
      case 2 -> "-(" + randomExpr(r, depth - 1) + ")";
      case 3 -> "(" + randomExpr(r, depth - 1) + ")^(" + (r.nextBoolean()
          ? CONSTANTS[r.nextInt(CONSTANTS.length)] : randomExpr(r, depth - 1)) + ")";
      default -> "(" + randomExpr(r, depth - 1) + ")" + "+-*/".charAt(r.nextInt(4)) + "("
          + randomExpr(r, depth - 1) + ")";
    };
  }

  static Stream<String> randomExpressions() {
    Random r = new Random(7);
    return IntStream.range(0, 300).mapToObj(i -> randomExpr(r, 5));
  }

  @ParameterizedTest
  @MethodSource("randomExpressions")
  void bytecodeAndInterpreterAgreeBitForBit(String expr) {
    String text = expr;
    CompiledFunction f = compile(text, XYZ);
    Fused fused = f.isConstant() ? null : f.fuseNow();
    if (!f.isConstant()) {
      assertNotNull(fused, "translation failed for " + text);
    }
    double[] specials = {0, -0.0, 1, -1, 0.5, 2.5, -3.75, 21, 1e-300, Double.NaN,
        Double.POSITIVE_INFINITY};
    Random r = new Random(expr.hashCode());
    for (int i = 0; i < 30; i++) {
      double[] p = new double[3];
      for (int j = 0; j < 3; j++) {
        p[j] = i < 10 ? specials[r.nextInt(specials.length)] : r.nextGaussian() * 3;
      }
      double[] g1 = new double[3];
      double v1 = f.interpretValueAndGradient(p, g1);
      if (fused == null) {
        continue;
      }
      double[] g2 = new double[3];
      double v2 = fused.valueAndGradient(p, g2);
      assertEquals(Double.doubleToLongBits(v1), Double.doubleToLongBits(v2), text);
      assertEquals(Double.doubleToLongBits(v1), Double.doubleToLongBits(fused.value(p)), text);
      for (int j = 0; j < 3; j++) {
        assertEquals(Double.doubleToLongBits(g1[j]), Double.doubleToLongBits(g2[j]),
            text + " d/d" + XYZ.get(j) + " at " + java.util.Arrays.toString(p));
      }
    }
  }
}

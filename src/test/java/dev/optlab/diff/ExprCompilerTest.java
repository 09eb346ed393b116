package dev.optlab.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Semantics: exact gradients, subgradients at kinks, folding, inlining, sharing, listings. */
class ExprCompilerTest {
  static CompiledFunction compile(String expr, Scope scope, String... vars) {
    return ExprCompiler.compile(
        TestParse.source(expr), TestParse.expr(expr), List.of(vars), scope);
  }

  static CompiledFunction compile(String expr, String... vars) {
    return compile(expr, Scope.EMPTY, vars);
  }

  static double eval(String expr, Scope scope) {
    return ExprCompiler.evaluate(TestParse.source(expr), TestParse.expr(expr), scope);
  }

  /** {value, d/dv1, d/dv2, ...} at {@code point}. */
  static double[] vg(CompiledFunction f, double... point) {
    double[] grad = new double[f.arity()];
    double v = f.valueAndGradient(point, grad);
    double[] out = new double[grad.length + 1];
    out[0] = v;
    System.arraycopy(grad, 0, out, 1, grad.length);
    return out;
  }

  @Test
  void rosenbrockHasItsTextbookGradient() {
    CompiledFunction f = compile("(1 - x)^2 + 100 * (y - x^2)^2", "x", "y");
    // f = 2.5^2 + 100 * (2 - 2.25)^2 = 12.5; df/dx = -2(1-x) - 400x(y-x^2); df/dy = 200(y-x^2)
    assertArrayEquals(new double[] {12.5, -155.0, -50.0}, vg(f, -1.5, 2));
    assertArrayEquals(new double[] {0, -0.0, 0}, vg(f, 1, 1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "x^3 - 2*x*y + y^2; 2; 3; 5; 6; 2",
      "x*x*x*x + 4*x*y*y - 7; 1.5; -2; 22.0625; 29.5; -24",
      "(x + y)^2 - (x - y)^2; 0.25; 8; 8; 32; 1",
      "3*x/4 - y/8 + x*y/2; 2; 4; 5; 2.75; 0.875",
      "x^-1 + y^-2; 2; 4; 0.5625; -0.25; -0.03125",
      "-x^2 + +y - -(x*y); 3; 5; 11; -1; 4",
  })
  void polynomialsHaveExactGradients(String expr, double x, double y, double value, double gx,
      double gy) {
    assertArrayEquals(new double[] {value, gx, gy}, vg(compile(expr, "x", "y"), x, y), expr);
  }

  @Test
  void aVariableUsedManyTimesSumsItsGradients() {
    CompiledFunction f = compile("x + x + x + x*x + x*y + y", "x", "y");
    assertArrayEquals(new double[] {3 + 3 + 3 + 9 + 6 + 2, 1 + 1 + 1 + 6 + 2, 3 + 1},
        vg(f, 3, 2));
  }

  @Test
  void kinksTakePyTorchsSubgradients() {
    assertArrayEquals(new double[] {0, 0}, vg(compile("abs(x)", "x"), 0));
    assertArrayEquals(new double[] {0, 0}, vg(compile("abs(x)", "x"), -0.0));
    assertArrayEquals(new double[] {0, 0}, vg(compile("relu(x)", "x"), 0));
    assertArrayEquals(new double[] {-0.0, 0}, vg(compile("relu(x)", "x"), -0.0));
    assertArrayEquals(new double[] {0, 0}, vg(compile("relu(x) * 5", "x"), -3));
    assertArrayEquals(new double[] {2, -1}, vg(compile("abs(x)", "x"), -2));
    // min/max ties split the gradient in halves.
    assertArrayEquals(new double[] {1.5, 0.5, 0.5}, vg(compile("max(x, y)", "x", "y"), 1.5, 1.5));
    assertArrayEquals(new double[] {1.5, 0.5, 0.5}, vg(compile("min(x, y)", "x", "y"), 1.5, 1.5));
    assertArrayEquals(new double[] {0, 0.5}, vg(compile("max(x, 0)", "x"), 0));
    assertArrayEquals(new double[] {4, 1, 0}, vg(compile("max(x, y)", "x", "y"), 4, 1));
    assertArrayEquals(new double[] {1, 0, 1}, vg(compile("min(x, y)", "x", "y"), 4, 1));
    // max(x, x): both halves reach x.
    assertArrayEquals(new double[] {3, 1}, vg(compile("max(x, x)", "x"), 3));
    // Like std::max, a tie of signed zeros gives the first operand.
    assertEquals(Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(vg(compile("max(x, y)", "x", "y"), -0.0, 0.0)[0]));
    // floor, ceil and sign have zero gradients; sqrt at 0 an infinite one.
    assertArrayEquals(new double[] {8, 0}, vg(compile("floor(x) + ceil(x) + sign(x)", "x"), 3.5));
    assertArrayEquals(new double[] {0, Double.POSITIVE_INFINITY}, vg(compile("sqrt(x)", "x"), 0));
  }

  @Test
  void nanInputsPropagateLikePyTorch() {
    double nan = Double.NaN;
    // maximum's masks compare false with NaN, so both operands get the whole gradient.
    assertArrayEquals(new double[] {nan, 1, 1}, vg(compile("max(x, y)", "x", "y"), nan, 1));
    assertArrayEquals(new double[] {0, 0}, vg(compile("sign(x)", "x"), nan));
    assertArrayEquals(new double[] {nan, 1}, vg(compile("relu(x)", "x"), nan));
    // floor'(log x) = 0, then log's backward 0 / 0 at x = 0.
    assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, nan},
        vg(compile("floor(log(x))", "x"), 0));
  }

  @Test
  void powerWithConstantExponentUsesTheKernelsSpecialCases() {
    CompiledFunction f = compile("x^0", "x");
    assertArrayEquals(new double[] {1, 0}, vg(f, 0));
    assertArrayEquals(new double[] {0, 0}, vg(compile("0^x", "x"), 2));
    assertArrayEquals(new double[] {8, 12}, vg(compile("x^3", "x"), 2));
    assertArrayEquals(new double[] {0.5, -0.25}, vg(compile("x^-1", "x"), 2));
    assertArrayEquals(new double[] {2, 0.25}, vg(compile("x^0.5", "x"), 4));
    assertArrayEquals(new double[] {8, 8 * Math.log(2)}, vg(compile("2^x", "x"), 3));
  }

  @Test
  void constantSubexpressionsAreFolded() {
    CompiledFunction f = compile("x * (2 + 3) / (4 - 1) + sqrt(16) * x^2 + pi - pi", "x");
    assertEquals(List.of("r0 = input x", "r1 = mul r0 5", "r2 = div r1 3", "r3 = pow r0 2",
        "r4 = mul r3 4", "r5 = add r2 r4", "r6 = add r5 3.141592653589793",
        "r7 = sub r6 3.141592653589793", "return r7"), f.listing());
    assertEquals(7, f.operationCount());
    CompiledFunction c = compile("2^10 + exp(0) - min(3, 4) * max(1, 2)", "x");
    assertTrue(c.isConstant());
    assertEquals(0, c.operationCount());
    assertArrayEquals(new double[] {1019, 0}, vg(c, 123));
    assertEquals(List.of("r0 = input x", "return 1019"), c.listing());
  }

  @Test
  void constantOverVariableIsReciprocalTimesConstantAsInPython() {
    CompiledFunction f = compile("3 / x", "x");
    assertEquals(List.of("r0 = input x", "r1 = recip r0", "r2 = mul r1 3", "return r2"),
        f.listing());
    double x = -11256.319533471338;
    assertEquals((1 / x) * 3, f.value(new double[] {x}));
    assertTrue((1 / x) * 3 != 3 / x, "the test point must tell the two apart");
  }

  @Test
  void namesResolveToVariablesThenLetsThenBuiltinConstants() {
    TestScope scope = new TestScope().let("a", 2).let("x", 100).let("e", 3);
    CompiledFunction f = compile("a * x + e + pi", scope, "x");
    assertEquals(2 * 5 + 3 + Math.PI, f.value(new double[] {5}));
    assertEquals(Math.E, eval("e", Scope.EMPTY));
    assertEquals(Math.PI * 2, eval("pi * 2", Scope.EMPTY));
    assertEquals(3, eval("e", scope));
    assertEquals(-8, eval("-2^3", scope));
    assertEquals(0.125, eval("2^-3", scope));
    assertEquals(Math.pow(2, 9), eval("2^3^2", scope));
  }

  @Test
  void defsAreInlinedWithEachArgumentComputedOnce() {
    TestScope scope = new TestScope()
        .def("def sq(u) = u * u")
        .def("def f(u, v) = sq(u) + 3 * v");
    CompiledFunction f = compile("f(x + y, y)", scope, "x", "y");
    assertEquals(List.of("r0 = input x", "r1 = input y", "r2 = add r0 r1", "r3 = mul r2 r2",
        "r4 = mul r1 3", "r5 = add r3 r4", "return r5"), f.listing());
    // (x+y)^2 + 3y at (1, 2): 15; d/dx = 2(x+y) = 6; d/dy = 6 + 3 = 9
    assertArrayEquals(new double[] {15, 6, 9}, vg(f, 1, 2));
    assertEquals(49, eval("sq(f(1, 2))", scope));
  }

  @Test
  void defParametersShadowLetsAndDefBodiesDoNotSeeTheCallersVariables() {
    TestScope scope = new TestScope().let("u", 100).def("def twice(u) = 2 * u");
    assertEquals(14, compile("twice(x)", scope, "x").value(new double[] {7}));
  }

  @Test
  void anUnusedDefArgumentIsNeverDifferentiated() {
    TestScope scope = new TestScope().def("def first(u, v) = u");
    CompiledFunction f = compile("first(x^2, log(y)) + y * 0", scope, "x", "y");
    assertArrayEquals(new double[] {0.49, 1.4, 0}, vg(f, 0.7, 0), 1e-15);
    assertEquals(3, f.operationCount());
  }

  @Test
  void aRepeatedSubexpressionIsComputedOnceButDifferentiatedPerUse() {
    CompiledFunction f = compile("(y - x^2)^2 + (y - x^2)", "x", "y");
    assertEquals(List.of("r0 = input x", "r1 = input y", "r2 = pow r0 2", "r3 = sub r1 r2",
        "r4 = pow r3 2", "r5 = add r4 r3", "return r5"), f.listing());
    assertEquals(4, f.operationCount());
    assertEquals(6, f.backwardCount());
    // s = y - x^2 = -3 at (2, 1): f = 9 - 3 = 6; df/ds = 2s + 1 = -5; df/dx = -5 * -2x = 20
    assertArrayEquals(new double[] {6, 20, -5}, vg(f, 2, 1));
  }

  @Test
  void anUnusedVariableHasAZeroGradientAndAVariableAloneHasOne() {
    assertArrayEquals(new double[] {4, 0, 4}, vg(compile("y^2", "x", "y"), 9, 2));
    CompiledFunction id = compile("y", "x", "y");
    assertEquals(0, id.operationCount());
    assertArrayEquals(new double[] {2, 0, 1}, vg(id, 9, 2));
    assertEquals(List.of("r0 = input x", "r1 = input y", "return r1"), id.listing());
  }

  @Test
  void listingShowsEveryOpKind() {
    CompiledFunction f = compile("min(0, x) + 2^x - (1 - x) + x^y + sigmoid(-x)", "x", "y");
    assertEquals(List.of("r0 = input x", "r1 = input y", "r2 = min 0 r0", "r3 = pow 2 r0",
        "r4 = add r2 r3", "r5 = sub 1 r0", "r6 = sub r4 r5", "r7 = pow r0 r1", "r8 = add r6 r7",
        "r9 = neg r0", "r10 = sigmoid r9", "r11 = add r8 r10", "return r11"), f.listing());
  }

  @Test
  void scheduleExpressionsCompileOverTAndLr0() {
    CompiledFunction s = compile("lr0 * 0.5^floor(t / 100)", "t", "lr0");
    assertEquals(0.1 * 0.25, s.value(new double[] {250, 0.1}));
    assertFalse(s.isConstant());
  }
}

package dev.optlab.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.ast.Expr;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deep and huge expressions compile without recursion, or fail with a clean error; never a
 * StackOverflowError. ASTs are built by hand: a parser would need the depth first.
 */
class LimitsTest {
  private static final Source SOURCE = new Source("<deep>", "x");
  private static final Span AT = new Span(0, 1);

  private static Expr x() {
    return new Expr.Name("x", AT);
  }

  private static Expr num(double v) {
    return new Expr.Num(v, AT);
  }

  private static Expr bin(Expr.BinaryOp op, Expr a, Expr b) {
    return new Expr.Binary(op, a, b, AT);
  }

  @Test
  void aLongLeftLeaningSumCompiles() {
    Expr e = x();
    for (int i = 1; i < 10_000; i++) {
      e = bin(Expr.BinaryOp.ADD, e, x());
    }
    CompiledFunction f = ExprCompiler.compile(SOURCE, e, List.of("x"), Scope.EMPTY);
    double[] g = new double[1];
    assertEquals(10_000 * 1.5, f.valueAndGradient(new double[] {1.5}, g));
    assertEquals(10_000, g[0]);
    assertEquals(9_999, f.operationCount());
  }

  @Test
  void aLongRightLeaningChainCompiles() {
    Expr e = x();
    for (int i = 1; i < 10_000; i++) {
      e = bin(Expr.BinaryOp.SUB, x(), e);
    }
    CompiledFunction f = ExprCompiler.compile(SOURCE, e, List.of("x"), Scope.EMPTY);
    double[] g = new double[1];
    // x - (x - (x - ... x)) with 10000 x's is 0 and its derivative alternates to 0.
    assertEquals(0, f.valueAndGradient(new double[] {2.5}, g));
    assertEquals(0, g[0]);
  }

  @Test
  void aDeepConstantChainFolds() {
    Expr e = num(1);
    for (int i = 1; i < 10_000; i++) {
      e = bin(Expr.BinaryOp.ADD, e, num(1));
    }
    assertEquals(10_000, ExprCompiler.evaluate(SOURCE, e, Scope.EMPTY));
  }

  @Test
  void deeplyNestedUnaryMinusCompiles() {
    Expr e = x();
    for (int i = 0; i < 50_001; i++) {
      e = new Expr.Unary(Expr.UnaryOp.NEG, e, AT);
    }
    CompiledFunction f = ExprCompiler.compile(SOURCE, e, List.of("x"), Scope.EMPTY);
    double[] g = new double[1];
    assertEquals(-3, f.valueAndGradient(new double[] {3}, g));
    assertArrayEquals(new double[] {-1}, g);
  }

  @Test
  void tooManyOperationsIsACleanError() {
    // A balanced product of 2^17 x's: shallow, but 131071 multiplications.
    java.util.ArrayList<Expr> level = new java.util.ArrayList<>();
    for (int i = 0; i < 1 << 17; i++) {
      level.add(x());
    }
    while (level.size() > 1) {
      java.util.ArrayList<Expr> next = new java.util.ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(bin(Expr.BinaryOp.MUL, level.get(i), level.get(i + 1)));
      }
      level = next;
    }
    Expr big = level.get(0);
    OptlabError err = assertThrows(OptlabError.class,
        () -> ExprCompiler.compile(SOURCE, big, List.of("x"), Scope.EMPTY));
    assertEquals("expression too large", err.getMessage());
  }

  @Test
  void tooDeepIsACleanError() {
    Expr e = num(1);
    for (int i = 0; i < Lowering.MAX_DEPTH + 10; i++) {
      e = bin(Expr.BinaryOp.ADD, e, num(1));
    }
    Expr deep = e;
    OptlabError err = assertThrows(OptlabError.class,
        () -> ExprCompiler.evaluate(SOURCE, deep, Scope.EMPTY));
    assertEquals("expression nested too deeply", err.getMessage());
  }

  /** d0(u) = u*u + u; dk(u) = d(k-1)(u) + d(k-1)(u * 2): 2^k copies of d0. */
  private static TestScope doubling(int levels) {
    TestScope s = new TestScope().def("def d0(u) = u * u + u");
    for (int k = 1; k <= levels; k++) {
      s.def("def d" + k + "(u) = d" + (k - 1) + "(u) + d" + (k - 1) + "(u * 2)");
    }
    return s;
  }

  @Test
  void aDefExpansionThatExplodesIsACleanErrorAtTheCall() {
    TestScope scope = doubling(24);
    String text = "1 + d24(x)";
    OptlabError err = assertThrows(OptlabError.class, () -> ExprCompiler.compile(
        TestParse.source(text), TestParse.expr(text), List.of("x"), scope));
    assertEquals("expression too large after inlining defs", err.getMessage());
    assertEquals("d24(x)", text.substring(err.diagnostics().get(0).span().start(),
        err.diagnostics().get(0).span().end()));
    // Constant arguments fold, but the work is bounded all the same.
    String constant = "d24(3)";
    OptlabError err2 = assertThrows(OptlabError.class, () -> ExprCompiler.evaluate(
        TestParse.source(constant), TestParse.expr(constant), scope));
    assertEquals("expression too large after inlining defs", err2.getMessage());
  }

  @Test
  void aModestDefExpansionCompiles() {
    TestScope scope = doubling(8);
    String text = "d8(x)";
    CompiledFunction f = ExprCompiler.compile(
        TestParse.source(text), TestParse.expr(text), List.of("x"), scope);
    // Each copy of d0 applies to x * 2^j, so the values are sums over 2^8 copies.
    double[] g = new double[1];
    double v = f.valueAndGradient(new double[] {0.5}, g);
    double want = 0;
    double wantGrad = 0;
    for (int mask = 0; mask < 256; mask++) {
      double scale = Math.pow(2, Integer.bitCount(mask));
      double u = 0.5 * scale;
      want += u * u + u;
      wantGrad += (2 * u + 1) * scale;
    }
    assertEquals(want, v, 1e-9 * want);
    assertEquals(wantGrad, g[0], 1e-9 * wantGrad);
    assertTrue(f.operationCount() < f.backwardCount(), "shared subexpressions are computed once");
  }
}

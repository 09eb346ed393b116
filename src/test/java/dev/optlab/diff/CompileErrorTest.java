package dev.optlab.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.optlab.ast.Stmt;
import dev.optlab.source.Diagnostic;
import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors: message, the text under the caret, hints. */
class CompileErrorTest {
  private static final TestScope SCOPE = new TestScope()
      .let("alpha", 0.5)
      .let("beta", 2)
      .def("def f(u, v) = u * v")
      .def("def sq(u) = u * u")
      .def("def self(u) = self(u) + 1")
      .def("def ping(u) = pong(u) * 2")
      .def("def pong(u) = 1 + ping(u)")
      .def("def leaky(u) = u * x")
      .other("adam");

  private static Diagnostic error(String expr, List<String> vars) {
    Source source = TestParse.source(expr);
    OptlabError e = assertThrows(OptlabError.class,
        () -> ExprCompiler.compile(source, TestParse.expr(expr), vars, SCOPE));
    assertEquals(1, e.diagnostics().size());
    Diagnostic d = e.diagnostics().get(0);
    assertSame(source, d.source());
    return d;
  }

  private static void check(String expr, String message, String underCaret, String... hints) {
    Diagnostic d = error(expr, List.of("x", "y"));
    assertEquals(message, d.message());
    assertEquals(underCaret, d.source().text(d.span()), "the span of: " + message);
    assertEquals(List.of(hints), d.hints());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "xx + 1                | unknown name 'xx'; did you mean 'x'?       | xx",
      "y * alpah             | unknown name 'alpah'; did you mean 'alpha'? | alpah",
      "2 * Pi                | unknown name 'Pi'; did you mean 'pi'?      | Pi",
      "x + zzzzzz            | unknown name 'zzzzzz'                     | zzzzzz",
      "sqr(x)                | unknown function 'sqr'; did you mean 'sqrt'? | sqr",
      "x + sq2(x)            | unknown function 'sq2'; did you mean 'sq'? | sq2",
      "foo(x)                | unknown function 'foo'                    | foo",
      "sqrt(x, 1)            | sqrt takes 1 argument, got 2               | sqrt(x, 1)",
      "min(x)                | min takes 2 arguments, got 1               | min(x)",
      "1 + f(x)              | f takes 2 arguments, got 1                 | f(x)",
      "sq()                  | sq takes 1 argument, got 0                 | sq()",
      "`\"s\" + x`           | expected a number, got a string            | `\"s\"`",
      "true * x              | expected a number, got a boolean           | true",
      "x + (1, 2)            | expected a number, got a tuple             | (1, 2)",
      "[1, 2] * x            | expected a number, got a list              | [1, 2]",
      "sqrt(k = x)           | sqrt does not take named arguments         | k = x",
      "f(u = x, v = y)       | f does not take named arguments            | u = x",
      "grad(f, (1, 2))       | grad(...) cannot be used inside an objective | `grad(f, (1, 2))`",
      "sqrt + x              | 'sqrt' is a function; call it as sqrt(...) | sqrt",
      "2 * sq                | 'sq' is a function; call it as sq(...)     | sq",
      "x(2)                  | 'x' is not a function                      | x",
      "beta(2)               | 'beta' is not a function                   | beta",
      "adam * x              | 'adam' is not a number                     | adam",
  })
  void reportsTheErrorAtTheNode(String expr, String message, String underCaret) {
    check(expr.strip(), message.strip(), underCaret.strip());
  }

  @Test
  void recursionIsReportedAtTheCallThatLeadsToIt() {
    check("x + self(y)", "recursive def 'self'", "self(y)", "in the body of def 'self'");
    check("sq(ping(x))", "recursive def 'ping'", "ping(x)", "in the body of def 'pong'");
  }

  @Test
  void recursionPointsIntoTheBodyWhenTheDefsSourceIsKnown() {
    String text = "def ping(u) = pong(u) * 2\ndef pong(u) = 1 + ping(u)";
    Source defs = new Source("defs.opt", text);
    Stmt.Def ping = TestParse.def(text.substring(0, text.indexOf('\n')));
    // Re-parse pong at its offset in the text so its spans are spans of `defs`.
    Stmt.Def pong = TestParse.def(" ".repeat(text.indexOf('\n') + 1)
        + text.substring(text.indexOf('\n') + 1));
    Scope scope = new Scope() {
      @Override
      public Double constant(String name) {
        return null;
      }

      @Override
      public Stmt.Def function(String name) {
        return switch (name) {
          case "ping" -> ping;
          case "pong" -> pong;
          default -> null;
        };
      }

      @Override
      public java.util.Collection<String> names() {
        return List.of("ping", "pong");
      }

      @Override
      public Source source(Stmt.Def def) {
        return defs;
      }
    };
    String expr = "ping(x)";
    OptlabError e = assertThrows(OptlabError.class, () -> ExprCompiler.compile(
        TestParse.source(expr), TestParse.expr(expr), List.of("x"), scope));
    Diagnostic d = e.diagnostics().get(0);
    assertSame(defs, d.source());
    assertEquals("recursive def 'ping'", d.message());
    assertEquals("ping(u)", defs.text(d.span()));
    assertEquals("""
        defs.opt:2:19: error: recursive def 'ping'
        def pong(u) = 1 + ping(u)
                          ^~~~~~~
        """, DiagnosticRenderer.render(e));
  }

  @Test
  void aDefBodyDoesNotSeeTheCallersVariables() {
    check("leaky(y)", "unknown name 'x'", "leaky(y)",
        "def 'leaky' sees only its parameters, lets and defs; pass 'x' as an argument",
        "in the body of def 'leaky'");
  }

  @Test
  void evaluateRejectsNamesThatAreNotConstants() {
    String expr = "2 * x";
    OptlabError e = assertThrows(OptlabError.class,
        () -> ExprCompiler.evaluate(TestParse.source(expr), TestParse.expr(expr), SCOPE));
    assertEquals("unknown name 'x'", e.diagnostics().get(0).message());
    String g = "1 + grad(f, (1, 2))";
    OptlabError e2 = assertThrows(OptlabError.class,
        () -> ExprCompiler.evaluate(TestParse.source(g), TestParse.expr(g), SCOPE));
    assertEquals("grad(...) cannot be used inside an expression",
        e2.diagnostics().get(0).message());
  }

  @Test
  void scheduleContextNamesItself() {
    String expr = "lr0 * grad(f, (1, 2))";
    OptlabError e = assertThrows(OptlabError.class, () -> ExprCompiler.compile(
        TestParse.source(expr), TestParse.expr(expr), List.of("t", "lr0"), SCOPE,
        "a schedule"));
    assertEquals("grad(...) cannot be used inside a schedule", e.diagnostics().get(0).message());
  }
}

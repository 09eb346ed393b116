package dev.optlab.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.ast.Expr;
import dev.optlab.ast.Stmt;
import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SyntaxParserTest {
  private static List<Stmt> parse(String text) {
    return SyntaxParser.parse(new Source("t.opt", text));
  }

  private static String errors(String text) {
    OptlabError e = assertThrows(OptlabError.class, () -> parse(text));
    return DiagnosticRenderer.render(e);
  }

  /** Writes an expression back with full parentheses, to pin precedence and associativity. */
  private static String show(Expr e) {
    return switch (e) {
      case Expr.Num n -> n.value() == Math.rint(n.value()) ? Long.toString((long) n.value())
          : Double.toString(n.value());
      case Expr.Name n -> n.name();
      case Expr.Unary u -> "(" + u.op().symbol + show(u.operand()) + ")";
      case Expr.Binary b -> "(" + show(b.left()) + " " + b.op().symbol + " " + show(b.right()) + ")";
      case Expr.Call c -> c.name() + "(" + String.join(", ",
          c.args().stream().map(a -> (a.named() ? a.name() + "=" : "") + show(a.value())).toList()) + ")";
      case Expr.Tuple t -> "tuple" + t.items().size();
      case Expr.ListLit l -> "list" + l.items().size();
      case Expr.Chain c -> "chain" + c.segments().size();
      case Expr.Str s -> "\"" + s.value() + "\"";
      case Expr.Bool b -> Boolean.toString(b.value());
      case Expr.Field f -> f.target() + "." + f.field();
      case Expr.Index i -> i.target() + "[" + show(i.index()) + "]";
    };
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-x^2 | (-(x ^ 2))",
      "2^3^2 | (2 ^ (3 ^ 2))",
      "2**3**2 | (2 ^ (3 ^ 2))",
      "betas[0] * m | (betas[0] * m)",
      "1 - 2 - 3 | ((1 - 2) - 3)",
      "a * b + c / d | ((a * b) + (c / d))",
      "-x * y | ((-x) * y)",
      "2^-x | (2 ^ (-x))",
      "(1 - x)^2 + 100 * (y - x^2)^2 | (((1 - x) ^ 2) + (100 * ((y - (x ^ 2)) ^ 2)))",
      "max(x, 2 * y) | max(x, (2 * y))",
      ".5e1 + 1e-3 | (5 + 0.001)",
      "iris.x @ W + b | ((iris.x @ W) + b)",
      "a * b @ c / d | (((a * b) @ c) / d)",
  })
  void precedenceAndAssociativity(String source, String expected) {
    Stmt.Let let = (Stmt.Let) parse("let v = " + source).get(0);
    assertEquals(expected, show(let.value()));
  }

  @Test
  void spansCoverTheirText() {
    Source src = new Source("t.opt", "objective f(x = 1, y) = x^2 + y\noptimizer a = Adam(lr = 0.1)");
    List<Stmt> stmts = SyntaxParser.parse(src);
    Stmt.Objective f = (Stmt.Objective) stmts.get(0);
    assertEquals("objective f(x = 1, y) = x^2 + y", src.text(f.span()));
    assertEquals("x^2 + y", src.text(f.body().span()));
    assertEquals(new Span(12, 13), f.params().get(0).name().span());
    assertEquals(null, f.params().get(1).start());
    Stmt.Optimizer o = (Stmt.Optimizer) stmts.get(1);
    assertEquals("Adam(lr = 0.1)", o.spec().text());
    assertEquals("lr", o.spec().args().get(0).name());
  }

  @Test
  void runClausesInAnyOrder() {
    Stmt.Run r = (Stmt.Run) parse("run Adam(lr = 0.1) on f every 5 for 100 steps from (x = 1) "
        + "until loss < 1e-8 trace \"t.csv\"").get(0);
    assertEquals("f", r.spec().objective().name());
    assertEquals("(100)", "(" + show(r.spec().steps()) + ")");
    assertEquals("5", show(r.spec().every()));
    assertEquals("t.csv", r.spec().trace().path());
    assertInstanceOf(Expr.Tuple.class, r.spec().from());
  }

  @Test
  void chainsAndWith() {
    List<Stmt> stmts = parse("""
        schedule s = linear(total_iters = 10) for 10 then cosine(T_max = 90) for 90 then step(step_size = 5)
        optimizer b = a with (lr = 0.2)
        optimizer c = Adam() with (eps = 1e-6)
        """);
    Expr.Chain chain = (Expr.Chain) ((Stmt.Schedule) stmts.get(0)).spec();
    assertEquals(3, chain.segments().size());
    assertEquals(null, chain.segments().get(2).length());
    Stmt.Optimizer b = (Stmt.Optimizer) stmts.get(1);
    assertEquals(null, b.spec().args());
    assertEquals("lr", b.spec().with().get(0).name());
    Stmt.Optimizer c = (Stmt.Optimizer) stmts.get(2);
    assertEquals(List.of(), c.spec().args());
    assertEquals("eps", c.spec().with().get(0).name());
  }

  @Test
  void statementsSplitOnKeywordsNotNewlines() {
    List<Stmt> stmts = parse("let a = 1 +\n 2 let b = a; print a\n\nprint b");
    assertEquals(4, stmts.size());
    assertEquals("(1 + 2)", show(((Stmt.Let) stmts.get(0)).value()));
  }

  @Test
  void oneErrorPerBadStatementAndTheRestStillParsed() {
    assertEquals("""
        t.opt:1:9: error: expected an expression, found 'let'
        let a = let b = 2
                ^~~
        t.opt:2:15: error: expected ')', found end of input
        print max(1, 2
                      ^
        """, errors("let a = let b = 2\nprint max(1, 2"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "let a = 1 $ 2 | t.opt:1:11: error: unexpected character '$'",
      "print \"abc | t.opt:1:7: error: unterminated string: a string needs its closing '\"' on the same line",
      "schedule s = cosine(T_max = 9) then step(step_size = 2) | t.opt:1:32: error: 'then' needs the steps the schedule before it runs for: write 'A for N then B'",
      "schedule s = cosine(T_max = 9) for 9 | t.opt:1:32: error: the last schedule of a chain runs to the end; 'for N' is only written before 'then'",
      "run a on f for 9 steps for 10 steps | t.opt:1:24: error: 'for' is given twice",
      "x = 3 | t.opt:1:1: error: 'x = ...' is not a statement: write 'let x = ...' to declare a constant",
  })
  void firstLineOfError(String source, String expected) {
    assertEquals(expected, errors(source).lines().findFirst().orElseThrow());
  }

  @Test
  void binaryGarbageIsAnErrorNotACrash() {
    String garbage = "\u0000\u0001\uFFFDlet\u0007";
    assertTrue(errors(garbage).startsWith("t.opt:1:1: error: unexpected character U+0000"));
  }

  @Test
  void deepNestingIsACleanError() {
    String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
    String rendered = errors("let a = " + deep);
    assertTrue(rendered.contains("error: expression nested too deeply"), rendered);
  }

  /**
   * Issue #15: ANTLR is superlinear in nesting (30,000 levels took 142 s, 40,000 never ended).
   * A linear pre-scan refuses them at the first bracket or power past the limit; the timeout is
   * a hang guard far above what the scan needs, not a speed claim.
   */
  @Test
  void excessiveNestingIsRefusedAtTheFirstLevelTooMany() {
    String parens = "let a = " + "(".repeat(30_000) + "1" + ")".repeat(30_000);
    String rendered = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> errors(parens));
    assertEquals("t.opt:1:" + (9 + SyntaxParser.MAX_BRACKETS) + ": error: expression nested too"
        + " deeply: more than 64 levels of brackets or powers at once",
        rendered.lines().findFirst().orElseThrow());
    String powers = "let a = 1" + "^2".repeat(300_000);
    assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> errors(powers))
        .contains("more than 64 levels of brackets or powers"));
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(
        SyntaxParser.isIncomplete(new Source("r", "let a = " + "(".repeat(30_000)))));
  }

  @Test
  void nestingUpToTheLimitAndLongFlatChainsParse() {
    int n = SyntaxParser.MAX_BRACKETS;
    SyntaxParser.parse(new Source("t.opt", "let a = " + "(".repeat(n) + "1" + ")".repeat(n)));
    // powers joined by looser operators are not a chain: x^2 + y^2 + ... nests nothing
    SyntaxParser.parse(new Source("t.opt", "let a = 1" + " + 2^2".repeat(1000)));
    SyntaxParser.parse(new Source("t.opt", "let a = " + "(1) + ".repeat(1000) + "1"));
  }

  @Test
  void incompleteInputIsRecognised() {
    assertTrue(SyntaxParser.isIncomplete(new Source("r", "optimizer a = Adam(lr = 0.1,")));
    assertTrue(SyntaxParser.isIncomplete(new Source("r", "let a = 1 +")));
    assertTrue(SyntaxParser.isIncomplete(new Source("r", "schedule s = cosine(T_max = 9) for 9 then")));
    assertFalse(SyntaxParser.isIncomplete(new Source("r", "let a = 1 + 2")));
    assertFalse(SyntaxParser.isIncomplete(new Source("r", "let a = ) + 2")));
    assertFalse(SyntaxParser.isIncomplete(new Source("r", "let a = (1 $ 2")));
  }

  @Test
  void replAcceptsBareExpressions() {
    List<Stmt> stmts = SyntaxParser.parseRepl(new Source("<repl>", "1 + 2"));
    assertInstanceOf(Stmt.Print.class, stmts.get(0));
  }

  @Test
  void viableNextFollowsTheGrammar() {
    // schedule NAME = SPEC or schedule NAME(t) = EXPR: both continuations, nothing else
    assertEquals(java.util.Set.of(TokenKind.ASSIGN, TokenKind.LPAREN),
        SyntaxParser.viableNext("schedule s "));
    java.util.Set<Integer> afterRun = SyntaxParser.viableNext("run adam on rosen ");
    for (int kind : new int[] {TokenKind.FROM, TokenKind.FOR, TokenKind.BATCH, TokenKind.SEED,
        TokenKind.METRICS, TokenKind.PER, org.antlr.v4.runtime.Token.EOF}) {
      assertTrue(afterRun.contains(kind), Tokens.literal(kind));
    }
    assertTrue(!afterRun.contains(TokenKind.STEPS));
    assertEquals(java.util.Set.of(TokenKind.STRING), SyntaxParser.viableNext("report "));
  }

  @Test
  void parseExpressionGivesTheStatementsAstOrALocatedError() {
    assertEquals("Binary", SyntaxParser.parseExpression(
        new dev.optlab.source.Source("<t>", "1 + x^2")).getClass().getSimpleName());
    dev.optlab.source.OptlabError e = org.junit.jupiter.api.Assertions.assertThrows(
        dev.optlab.source.OptlabError.class,
        () -> SyntaxParser.parseExpression(new dev.optlab.source.Source("<t>", "1 + ")));
    assertTrue(e.getMessage().contains("expected an expression, found end of input"),
        e.getMessage());
  }

  @Test
  void statementKeywordsComeFromTheGrammar() {
    assertTrue(Tokens.STATEMENT_KEYWORDS.containsAll(List.of("let", "def", "objective",
        "optimizer", "schedule", "run", "compare", "print", "explain", "plot", "data", "report")));
  }
}

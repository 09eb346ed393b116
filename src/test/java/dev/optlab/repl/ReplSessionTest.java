package dev.optlab.repl;

import static dev.optlab.repl.ReplDriver.BANNER;
import static dev.optlab.repl.ReplDriver.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import org.junit.jupiter.api.Test;

/** Scripted sessions through a dumb terminal: statements, multi-line entry, errors. */
class ReplSessionTest {
  @Test
  void declarationsEchoWithDefaultsFilledInAndSayWhatTheyReplaced() {
    String out = session("""
        objective f(x = 1, y = 2) = x^2 + 10 * y^2
        optimizer adam = Adam(lr = 0.05)
        optimizer adam = Adam(lr = 0.1, amsgrad = true)
        let k = 2
        let f = 3
        schedule warm = linear(total_iters = 10) for 10 then cosine(T_max = 90)
        """);
    assertEquals(BANNER + """
        optlab> objective f(x = 1, y = 2) = x^2 + 10 * y^2
        optlab> optimizer adam = Adam(lr=0.05, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, \
        amsgrad=false, maximize=false)
        optlab> optimizer adam = Adam(lr=0.1, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, \
        amsgrad=true, maximize=false)  # replaced the earlier optimizer adam
        optlab> let k = 2.0
        optlab> let f = 3.0  # replaced the earlier objective f
        optlab> schedule warm = linear(total_iters = 10) for 10 then cosine(T_max = 90)
        optlab> \n""", out);
  }

  @Test
  void bareExpressionsAndPrintShowValues() {
    String out = session("""
        let k = 2
        k * 3
        print sqrt(16) + k
        objective f(x = 1, y = 2) = x^2 + 10 * y^2
        grad(f, (1, 2))
        """);
    assertEquals(BANNER + """
        optlab> let k = 2.0
        optlab> 6.0
        optlab> 6.0
        optlab> objective f(x = 1, y = 2) = x^2 + 10 * y^2
        optlab> (x = 2.0, y = 40.0)
        optlab> \n""", out);
  }

  @Test
  void unfinishedStatementsContinueOnTheNextLine() {
    String out = session("""
        optimizer sgd = SGD(lr = 0.1,
            momentum = 0.5)
        objective g(x = 3) =
          x^2
        schedule s = linear(total_iters = 5) for 5 then
          cosine(T_max = 10)
        print 1 +
          2 *
          3
        """);
    assertEquals(BANNER + """
        optlab> optimizer sgd = SGD(lr=0.1, momentum=0.5, dampening=0, weight_decay=0, \
        nesterov=false, maximize=false)
        optlab> objective g(x = 3) =
          x^2
        optlab> schedule s = linear(total_iters = 5) for 5 then
          cosine(T_max = 10)
        optlab> 7.0
        optlab> \n""", out);
  }

  @Test
  void aBlankLineSubmitsAnUnfinishedStatementSoItsErrorShows() {
    String out = session("""
        let z = (1 +

        let z = 4
        """);
    assertEquals(BANNER + """
        optlab> <repl>:1:13: error: expected an expression, found end of input
        let z = (1 +
                    ^
        optlab> let z = 4.0
        optlab> \n""", out);
  }

  @Test
  void runAndComparePrintTheBatchTables() {
    String out = session("""
        objective f(x = 1, y = 2) = x^2 + 10 * y^2
        optimizer adam = Adam(lr = 0.1)
        run adam on f for 100 steps every 50 until loss < 1e-3
        compare adam, SGD(lr = 0.01) on f for 100 steps
        """);
    assertEquals(BANNER + """
        optlab> objective f(x = 1, y = 2) = x^2 + 10 * y^2
        optlab> optimizer adam = Adam(lr=0.1, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, \
        amsgrad=false, maximize=false)
        optlab> adam on f from (x = 1, y = 2): Adam(lr=0.1, betas=(0.9, 0.999), eps=1e-08, \
        weight_decay=0, amsgrad=false, maximize=false)
        step            lr          loss     grad_norm             x             y
           0           0.1            41         40.05             1             2
          50           0.1      0.057425       1.51531   -0.00481822     -0.075764
          80           0.1   0.000665536      0.159922    0.00539175    0.00797788
        adam: loss < 1e-3 at step 80: loss 0.000665536 at (x = 0.00539175, y = 0.00797788) (TIME)

        optlab> compare on f from (x = 1, y = 2), 100 steps
           optimizer         final loss     grad_norm         steps       reached             x \
                    y
         1 adam              0.00071806      0.168558           100            82    0.00293668 \
           -0.0084228
         2 SGD(lr = 0.01)     0.0175879      0.265239           100             -       0.13262 \
          4.07407e-10
        reached: the first step whose loss is within 1e-06 of the best loss any of them reached

        optlab> \n""", out);
  }

  @Test
  void errorsRenderAsInBatchAndTheSessionKeepsWhatWasDeclared() {
    String out = session("""
        let a = 1
        objective f(x = 1) = x^2
        optimizer bad = Adma(lr = 0.1)
        run nosuch on f for 10 steps
        let c = 5; let a = a +
          b
        print a
        c
        """);
    assertEquals(BANNER + """
        optlab> let a = 1.0
        optlab> objective f(x = 1) = x^2
        optlab> <repl>:1:17: error: unknown optimizer 'Adma'; did you mean 'Adam'?
        optimizer bad = Adma(lr = 0.1)
                        ^~~~
        optlab> <repl>:1:5: error: unknown optimizer 'nosuch'
        run nosuch on f for 10 steps
            ^~~~~~
        optlab>\s""" + batch("let a = 1", "let c = 5; let a = a +\n  b") + """
        optlab> 1.0
        optlab>\s""" + batch("", "c") + """
        optlab> \n""", out);
  }

  /** What batch mode prints for {@code text} after {@code prelude}, in a script named <repl>. */
  private static String batch(String prelude, String text) {
    Engine engine = new Engine();
    engine.run(new Source("prelude", prelude), false, new dev.optlab.console.TableOutput(
        new java.io.PrintStream(java.io.OutputStream.nullOutputStream())),
        dev.optlab.exec.RunControl.none());
    try {
      engine.check(new Source("<repl>", text), true);
    } catch (OptlabError e) {
      return DiagnosticRenderer.render(e);
    }
    throw new AssertionError("no error in " + text);
  }

  @Test
  void aDivergingRunEndsItsStatementsAndKeepsTheDeclarationsBeforeIt() {
    String out = session("""
        objective f(x = 1) = x^2
        let a = 1; run SGD(lr = 10) on f for 1000 steps every 1000; let b = 2
        :list
        """);
    assertTrue(out.contains("optlab> let a = 1.0\n"), out);
    assertTrue(out.contains("diverged at step"), out);
    assertTrue(out.contains("optlab> objective f(x = 1) = x^2\nlet a = 1.0\n"), out);
  }

  @Test
  void noInputEndsTheSessionOrShowsAStackTrace() {
    String deep = "(".repeat(2500) + "1" + ")".repeat(2500); // past the 2000-level limit
    String nasty = String.join("\n", ")", "\"unterminated", "run", "optimizer = ", "1e999999",
        "print 1 / 0", "@#$", "é", "😀 + 1", deep, ":", "::", ": help", ";;;", "compare",
        "explain", "print grad(nosuch, (1, 2))", "run Adam() on nothing for -1 steps",
        "objective f(x) = x", "run Adam(lr = -1) on f for 1e20 steps", "let", "def f(", "",
        "\u0007\u001b[A", "print 42", "");
    String out = session(nasty);
    assertTrue(out.endsWith("optlab> 42.0\noptlab> \n"), out);
    assertFalse(out.contains("Exception"), out);
    assertFalse(out.contains("\tat "), out);
  }
}

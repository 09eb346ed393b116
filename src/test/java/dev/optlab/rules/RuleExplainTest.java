package dev.optlab.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.tensor.Capture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code explain} shows a rule's compiled kernel for each distinct parameter shape. */
class RuleExplainTest {
  private static String rule(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/rules", name + ".rule"));
  }

  private static String explain(String script) {
    return String.join("\n", Capture.run(script).printed);
  }

  @Test
  void anElementwiseRuleIsOneFusedPassPerShapeWithItsStates() throws IOException {
    String out = explain(rule("Lion") + "objective f(W[4, 8] = 0.1, V[4, 8] = 0, b[8] = 0) = "
        + "sum(W) + sum(V) + sum(b)\nexplain run Lion on f for 3 steps\n");
    assertTrue(out.contains("kernel: rule Lion, compiled for each parameter shape"), out);
    // W and V share one program; b has its own
    assertTrue(out.contains("shape [4, 8] (W, V):\n"), out);
    assertTrue(out.contains("shape [8] (b):\n"), out);
    assertTrue(out.contains("pass over 32 elements, fusing"), out);
    assertTrue(out.contains("state: step, m [4, 8] = 32 numbers starting at 0"), out);
    assertTrue(out.contains("state: step, m [8] = 8 numbers starting at 0"), out);
    assertTrue(out.contains("element-wise: runs as one program over all 72 parameters, as the "
        + "built-ins do (the same bits as tensor by tensor); its pass splits over the tensor "
        + "threads when large"), out);
  }

  @Test
  void matrixProductsReductionsAndScratchAreListed() throws IOException {
    String muon = explain(rule("Muon64") + "objective f(W[4, 8] = 0.1) = sum(W)\n"
        + "explain run Muon64 on f for 3 steps\n");
    assertTrue(muon.contains("transpose [4, 8] into scratch [8, 4]"), muon);
    assertTrue(muon.contains("matrix product [4, 8] @ [8, 4] into scratch [4, 4]"), muon);
    assertTrue(muon.contains("reduces: a sum to a number"), muon);
    assertTrue(muon.contains("state: step, buf [4, 8] = 32 numbers starting at 0"), muon);
    assertFalse(muon.contains("element-wise"), muon);
    String adafactor = explain(rule("Adafactor") + "objective f(W[4, 8] = 0.1) = sum(W)\n"
        + "explain run Adafactor on f for 3 steps\n");
    assertTrue(adafactor.contains("reduces: row sums into scratch [4]"), adafactor);
    assertTrue(adafactor.contains("reduces: column sums into scratch [8]"), adafactor);
    assertTrue(adafactor.contains("r [4] = 4 numbers"), adafactor);
  }

  @Test
  void aScalarObjectivesParametersShareTheZeroDimensionalProgram() throws IOException {
    String out = explain(rule("Lion") + "objective f(x = 1, y = 2) = x^2 + y^2\n"
        + "explain compare Lion, Adam on f for 3 steps\n");
    assertTrue(out.contains("shape [] (x, y):"), out);
    assertTrue(out.contains("kernel Adam, state: step, exp_avg[2], exp_avg_sq[2]"), out);
  }

  @Test
  void theOncePartSharedScalarsAndTheEvalPointAreShown() throws IOException {
    String out = explain(rule("ScheduleFreeAdamW") + "objective f(x = 1, y = 2) = x^2 + y^2\n"
        + "explain run ScheduleFreeAdamW on f for 3 steps\n");
    assertTrue(out.contains("once per step:\n"), out);
    assertTrue(out.contains("shared: "), out);
    assertTrue(out.contains("eval point:\n"), out);
    assertTrue(out.contains("z [] (a 0-d tensor) = 1 number starting as p"), out);
  }

  @Test
  void aRuleTooLongToGenerateIsSaidToRunInTheInterpreter() {
    String out = explain("""
        rule Long(lr = 0.1) {
          state m = 0
          repeat 1000 {
            m = m * 0.5 + g * sqrt(abs(m) + 1)
            m = m * 0.25 + g * sqrt(abs(m) + 2)
            m = m * 0.125 + g * sqrt(abs(m) + 3)
          }
          p = p - lr * m
        }
        objective f(x = 1, y = 2) = x^2 + y^2
        explain run Long on f for 3 steps
        """);
    assertTrue(out.contains("runs in the interpreter, element by element (the same bits, "
        + "slower): its code would exceed the JVM's 64 KB a method"), out);
    // interpreted, its pass does not split over threads, and explain does not claim it does
    assertTrue(out.contains("element-wise: runs as one program over all 2 parameters"), out);
    assertFalse(out.contains("splits over the tensor threads"), out);
  }
}

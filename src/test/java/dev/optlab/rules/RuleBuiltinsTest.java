package dev.optlab.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.exec.RunControl;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PyTorch's optimizers written as rules (src/test/resources/rules/builtins, one line per tensor
 * operation of torch 1.13's {@code _single_tensor_*} code) give traces bit-identical to the
 * built-ins: every step's loss, gradient norm and parameters, as the trace file writes them
 * (Python's repr, so equal text is equal doubles), on a scalar objective with a schedule and on
 * minibatch training of an MLP.
 */
class RuleBuiltinsTest {
  @TempDir
  Path dir;

  static final String SCALAR = "objective f(x = -1.5, y = 2) = (1 - x)^2 + "
      + "3 * (y - x^2)^2 + 0.5 * sin(4 * x) * cos(3 * y)\n";

  static final String MLP = "data moons = moons(n = 260, noise = 0.2, seed = 5, test = 0.25)\n"
      + "objective mlp(W1[2, 8] ~ he, b1[8] = 0, W2[8, 2] ~ xavier, b2[2] = 0) =\n"
      + "  cross_entropy(tanh(moons.x @ W1 + b1) @ W2 + b2, moons.y)\n";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MySGD | lr = 0.002",
      "MySGD | lr = 0.002, momentum = 0.9, nesterov = true",
      "MySGD | lr = 0.002, momentum = 0.5, dampening = 0.1, weight_decay = 0.01",
      "MyAdam | lr = 0.05",
      "MyAdam | lr = 0.05, betas = (0.8, 0.99), amsgrad = true, weight_decay = 0.01",
      "MyAdamW | lr = 0.05, weight_decay = 0.1",
      "MyRMSprop | lr = 0.01",
      "MyRMSprop | lr = 0.01, momentum = 0.5, centered = true, weight_decay = 0.01",
      "MyAdagrad | lr = 0.1, lr_decay = 0.01, initial_accumulator_value = 0.1",
  })
  void aRuleWrittenLikePyTorchGivesTheBuiltInsBits(String rule, String args) throws IOException {
    String builtin = rule.substring(2);
    String ruleText = Files.readString(Path.of("src/test/resources/rules/builtins", rule + ".rule"));
    String sched = ", schedule = cosine(T_max = 80, eta_min = 1e-4)";
    assertSameTrace(SCALAR + ruleText, rule + "(" + args + sched + ")",
        builtin + "(" + args + sched + ")", "f",
        "for 120 steps");
    assertSameTrace(MLP + ruleText, rule + "(" + args + ")", builtin + "(" + args + ")", "mlp",
        "for 40 steps batch 30 seed 3");
  }

  private void assertSameTrace(String decls, String ruleCall, String builtinCall, String obj,
      String clauses) throws IOException {
    Path a = dir.resolve("rule.csv");
    Path b = dir.resolve("builtin.csv");
    String script = decls + "run " + ruleCall + " on " + obj + " " + clauses + " every 1 trace \""
        + a + "\"\n" + "run " + builtinCall + " on " + obj + " " + clauses + " every 1 trace \""
        + b + "\"\n";
    Capture out = new Capture();
    new Engine().run(new Source("t.opt", script), false, out, RunControl.none());
    List<String> ra = Files.readAllLines(a);
    List<String> rb = Files.readAllLines(b);
    assertTrue(ra.size() > 40, "a row per step: " + ra.size());
    assertEquals(rb.size(), ra.size());
    for (int i = 1; i < ra.size(); i++) {
      assertEquals(withoutRun(rb.get(i)), withoutRun(ra.get(i)), ruleCall + ", row " + i);
    }
  }

  private static String withoutRun(String row) {
    return row.substring(row.indexOf(','));
  }
}

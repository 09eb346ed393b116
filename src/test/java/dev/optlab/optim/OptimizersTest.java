package dev.optlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import dev.optlab.hyper.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registry: names, defaults (LANGUAGE.md section 5), range checks and cross-checks. */
class OptimizersTest {

  @Test
  void listsTheTableInOrder() {
    assertEquals(List.of("SGD", "Adam", "AdamW", "Adagrad", "RMSprop", "Adadelta", "Adamax",
        "NAdam", "RAdam", "Rprop"), Optimizers.names());
  }

  @ParameterizedTest
  @CsvSource({"adam, Adam", "Adam, Adam", "ADAM, Adam", "adamw, AdamW", "sgd, SGD",
      "rmsprop, RMSprop", "RMSProp, RMSprop", "nadam, NAdam", "radam, RAdam", "rprop, Rprop"})
  void findsNamesCaseInsensitively(String written, String name) {
    assertEquals(name, Optimizers.byName(written).orElseThrow().name());
  }

  @Test
  void unknownNamesAreAbsent() {
    assertTrue(Optimizers.byName("adams").isEmpty());
    assertTrue(Optimizers.byName("").isEmpty());
    assertTrue(Optimizers.byName("LBFGS").isEmpty());
  }

  /** Each optimizer's hyperparameters and defaults, exactly as LANGUAGE.md's table gives them. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SGD      | lr = required, momentum = 0, dampening = 0, weight_decay = 0, nesterov = false,"
          + " maximize = false",
      "Adam     | lr = 0.001, betas = (0.9, 0.999), eps = 1e-08, weight_decay = 0,"
          + " amsgrad = false, maximize = false",
      "AdamW    | lr = 0.001, betas = (0.9, 0.999), eps = 1e-08, weight_decay = 0.01,"
          + " amsgrad = false, maximize = false",
      "Adagrad  | lr = 0.01, lr_decay = 0, weight_decay = 0, initial_accumulator_value = 0,"
          + " eps = 1e-10, maximize = false",
      "RMSprop  | lr = 0.01, alpha = 0.99, eps = 1e-08, weight_decay = 0, momentum = 0,"
          + " centered = false, maximize = false",
      "Adadelta | lr = 1, rho = 0.9, eps = 1e-06, weight_decay = 0, maximize = false",
      "Adamax   | lr = 0.002, betas = (0.9, 0.999), eps = 1e-08, weight_decay = 0,"
          + " maximize = false",
      "NAdam    | lr = 0.002, betas = (0.9, 0.999), eps = 1e-08, weight_decay = 0,"
          + " momentum_decay = 0.004",
      "RAdam    | lr = 0.001, betas = (0.9, 0.999), eps = 1e-08, weight_decay = 0",
      "Rprop    | lr = 0.01, etas = (0.5, 1.2), step_sizes = (1e-06, 50), maximize = false"})
  void hyperparametersAndDefaultsAreTorchs(String name, String expected) {
    OptimizerKind kind = Optimizers.byName(name).orElseThrow();
    String actual = kind.params().stream().map(p -> p.name() + " = " + p.defaultText())
        .collect(Collectors.joining(", "));
    assertEquals(expected, actual);
  }

  @Test
  void kindsOfValues() {
    OptimizerKind adam = Optimizers.byName("Adam").orElseThrow();
    assertEquals(Kind.PAIR, adam.param("betas").orElseThrow().kind());
    assertEquals(Kind.BOOLEAN, adam.param("amsgrad").orElseThrow().kind());
    assertEquals(Kind.NUMBER, adam.param("eps").orElseThrow().kind());
    assertTrue(adam.param("schedule").isEmpty(), "the language layer adds schedule");
    assertTrue(adam.param("momentum").isEmpty());
  }

  @Test
  void everyKindIsDocumented() {
    for (OptimizerKind kind : Optimizers.all()) {
      assertFalse(kind.rule().isBlank(), kind.name());
      assertTrue(kind.reference().contains("PyTorch 1.13"), kind.name());
      assertTrue(kind.example().startsWith(kind.name() + "("), kind.name());
      assertEquals(kind.params().size(),
          kind.params().stream().map(HyperParam::name).distinct().count(), kind.name());
      for (HyperParam p : kind.params()) {
        assertFalse(p.doc().isBlank(), kind.name() + "." + p.name());
        assertEquals(p.name().equals("lr") && kind.name().equals("SGD"), p.required(),
            kind.name() + "." + p.name() + " required");
      }
      assertEquals("lr", kind.params().get(0).name(), kind.name());
    }
  }

  @ParameterizedTest
  @CsvSource({"SGD, MOMENTUM", "RMSprop, MOMENTUM", "Adam, BETA1", "AdamW, BETA1",
      "Adamax, BETA1", "NAdam, BETA1", "RAdam, BETA1", "Adagrad, NONE", "Adadelta, NONE",
      "Rprop, NONE"})
  void momentumSlots(String name, MomentumSlot slot) {
    assertEquals(slot, Optimizers.byName(name).orElseThrow().momentumSlot());
  }

  @Test
  void rulesReportTheirConfiguredMomentum() {
    assertEquals(0.7, create("SGD", Map.of("lr", 0.1, "momentum", 0.7)).momentum());
    assertEquals(0.0, create("SGD", Map.of("lr", 0.1)).momentum());
    assertEquals(0.5, create("RMSprop", Map.of("momentum", 0.5)).momentum());
    assertEquals(0.8, create("Adam", Map.of("betas", new double[] {0.8, 0.99})).momentum());
    assertEquals(0.9, create("AdamW", Map.of()).momentum());
    assertEquals(0.9, create("NAdam", Map.of()).momentum());
    assertEquals(0.6, create("RAdam", Map.of("betas", new double[] {0.6, 0.99})).momentum());
    assertEquals(0.9, create("Adamax", Map.of()).momentum());
    assertEquals(0.0, create("Adagrad", Map.of()).momentum());
    assertEquals(0.0, create("Adadelta", Map.of()).momentum());
    assertEquals(0.0, create("Rprop", Map.of()).momentum());
  }

  /** Range checks, as PyTorch's ValueErrors (a null result means the value is accepted). */
  @ParameterizedTest
  @CsvSource(nullValues = "OK", value = {
      "SGD, lr, -0.1, must be >= 0", "SGD, lr, 0, OK", "SGD, momentum, -0.5, must be >= 0",
      "SGD, weight_decay, -1e-3, must be >= 0", "SGD, dampening, -0.5, OK",
      "Adam, eps, -1e-8, must be >= 0", "Adam, eps, 0, OK", "Adam, betas, 1.0, 'must be in [0, 1)'",
      "Adam, betas, -0.1, 'must be in [0, 1)'", "Adam, betas, 0, OK",
      "Adagrad, lr_decay, -1, must be >= 0", "Adagrad, initial_accumulator_value, -1, must be >= 0",
      "RMSprop, alpha, 1.0, OK", "RMSprop, alpha, 1.5, 'must be in [0, 1]'",
      "RMSprop, alpha, -0.1, 'must be in [0, 1]'", "Adadelta, rho, 1.0, OK",
      "Adadelta, rho, 1.01, 'must be in [0, 1]'", "NAdam, momentum_decay, -1e-3, must be >= 0",
      "Rprop, etas, 0, must be > 0", "Rprop, step_sizes, -1, must be >= 0",
      "SGD, lr, NaN, must be >= 0"})
  void rangeChecks(String optimizer, String param, double value, String message) {
    HyperParam p = Optimizers.byName(optimizer).orElseThrow().param(param).orElseThrow();
    assertEquals(message, p.check().check(value));
  }

  @Test
  void nesterovNeedsMomentumAndNoDampening() {
    String message = "Nesterov momentum requires a momentum and zero dampening";
    assertEquals(message, crossCheck("SGD", Map.of("lr", 0.1, "nesterov", true)));
    assertEquals(message, crossCheck("SGD",
        Map.of("lr", 0.1, "nesterov", true, "momentum", 0.9, "dampening", 0.1)));
    assertNull(crossCheck("SGD", Map.of("lr", 0.1, "nesterov", true, "momentum", 0.9)));
    assertNull(crossCheck("SGD", Map.of("lr", 0.1, "dampening", 0.1, "momentum", 0.9)));
  }

  @Test
  void rpropEtasStraddleOne() {
    assertNull(crossCheck("Rprop", Map.of()));
    assertEquals("etas must satisfy 0 < etas[0] < 1 < etas[1], got (0.5, 0.9)",
        crossCheck("Rprop", Map.of("etas", new double[] {0.5, 0.9})));
    assertEquals("etas must satisfy 0 < etas[0] < 1 < etas[1], got (1, 1.2)",
        crossCheck("Rprop", Map.of("etas", new double[] {1.0, 1.2})));
    assertEquals("step_sizes must satisfy step_sizes[0] <= step_sizes[1], got (1, 0.1)",
        crossCheck("Rprop", Map.of("step_sizes", new double[] {1, 0.1})));
  }

  @Test
  void othersHaveNoCrossChecks() {
    for (String name : List.of("Adam", "AdamW", "Adagrad", "RMSprop", "Adadelta", "Adamax",
        "NAdam", "RAdam")) {
      assertNull(crossCheck(name, Map.of()), name);
    }
  }

  @Test
  void adamAndAdamWDifferOnlyInWeightDecay() {
    OptimizerKind adam = Optimizers.byName("Adam").orElseThrow();
    OptimizerKind adamw = Optimizers.byName("AdamW").orElseThrow();
    assertSame(Adam.class, adam.create(HyperValues.defaults(adam.params())).getClass());
    assertEquals(adam.params().stream().map(HyperParam::name).toList(),
        adamw.params().stream().map(HyperParam::name).toList());
    // each kind's defaults reach its rule: the same steps as the rule built by hand, where a
    // wrong beta, eps, weight decay, amsgrad, maximize or placement of the decay would differ
    assertArrayEquals(steps(new Adam(0.9, 0.999, 1e-8, 0, false, false, false)),
        steps(adam.create(HyperValues.defaults(adam.params()))));
    assertArrayEquals(steps(new Adam(0.9, 0.999, 1e-8, 1e-2, false, false, true)),
        steps(adamw.create(HyperValues.defaults(adamw.params()))));
    assertFalse(java.util.Arrays.equals(steps(new Adam(0.9, 0.999, 1e-8, 0, true, false, false)),
        steps(adam.create(HyperValues.defaults(adam.params())))), "the steps see amsgrad");
    assertFalse(java.util.Arrays.equals(steps(new Adam(0.9, 0.999, 1e-8, 1e-2, false, false,
        false)), steps(adamw.create(HyperValues.defaults(adamw.params())))),
        "the steps see where the decay goes");
  }

  /** Four steps from (1, -2) with lr 0.1: a large gradient, then small ones (v falls). */
  private static double[] steps(UpdateRule rule) {
    double[] p = {1, -2};
    OptimizerState state = rule.init(2);
    double[][] grads = {{10, -10}, {0.01, 0.02}, {-0.01, 0.03}, {0.02, -0.01}};
    for (double[] g : grads) {
      rule.update(p, g, 0.1, rule.momentum(), state);
    }
    return p;
  }

  static UpdateRule create(String name, Map<String, Object> given) {
    OptimizerKind kind = Optimizers.byName(name).orElseThrow();
    return kind.create(HyperValues.withDefaults(kind.params(), new HashMap<>(given)));
  }

  static String crossCheck(String name, Map<String, Object> given) {
    OptimizerKind kind = Optimizers.byName(name).orElseThrow();
    Map<String, Object> all = new HashMap<>(given);
    all.putIfAbsent("lr", 0.1);
    return kind.check(HyperValues.withDefaults(kind.params(), all));
  }
}

package dev.optlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.hyper.HyperValues;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the kernels that the goldens do not show: state, buffers, allocation. */
class UpdateRuleTest {

  static List<String> names() {
    return Optimizers.names();
  }

  /** Every option on, so that every branch of the kernel runs. */
  static UpdateRule busy(String name) {
    Map<String, Object> all = new HashMap<>(Map.of("lr", 0.01));
    OptimizerKind kind = Optimizers.byName(name).orElseThrow();
    kind.param("weight_decay").ifPresent(p -> all.put("weight_decay", 0.01));
    kind.param("momentum").ifPresent(p -> all.put("momentum", 0.9));
    for (String flag : List.of("amsgrad", "maximize", "centered", "nesterov")) {
      kind.param(flag).ifPresent(p -> all.put(flag, true));
    }
    return kind.create(HyperValues.withDefaults(kind.params(), all));
  }

  @ParameterizedTest
  @MethodSource("names")
  void updatesAllocateNothing(String name) {
    UpdateRule rule = busy(name);
    int n = 256;
    double[] p = new double[n];
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.sin(i);
      g[i] = Math.cos(3 * i);
    }
    OptimizerState state = rule.init(n);
    double momentum = rule.momentum();
    for (int k = 0; k < 20_000; k++) { // let the JIT compile the loop
      rule.update(p, g, 1e-3, momentum, state);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().threadId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int k = 0; k < 10_000; k++) {
      rule.update(p, g, 1e-3, momentum, state);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertTrue(allocated < 4096, name + " allocated " + allocated + " bytes in 10,000 updates");
    assertEquals(30_000, state.step);
  }

  @ParameterizedTest
  @MethodSource("names")
  void oneRuleServesIndependentRuns(String name) {
    UpdateRule rule = busy(name);
    double[] g = {0.5, -2.0};
    double[] a = {1.0, 2.0};
    double[] b = {1.0, 2.0};
    OptimizerState sa = rule.init(2);
    OptimizerState sb = rule.init(2);
    for (int k = 0; k < 5; k++) {
      rule.update(a, g, 0.01, rule.momentum(), sa);
    }
    rule.update(b, g, 0.01, rule.momentum(), sb);
    assertEquals(5, sa.step);
    assertEquals(1, sb.step);
    double[] fresh = {1.0, 2.0};
    rule.update(fresh, g, 0.01, rule.momentum(), rule.init(2));
    assertArrayEquals(fresh, b, "a second run is not disturbed by the first");
    assertNotEquals(a[0], b[0]);
  }

  @Test
  void bufferNamesAreTorchsStateKeys() {
    assertEquals(List.of("exp_avg", "exp_avg_sq"),
        OptimizersTest.create("Adam", Map.of()).init(3).bufferNames());
    assertEquals(List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq"),
        OptimizersTest.create("AdamW", Map.of("amsgrad", true)).init(3).bufferNames());
    assertEquals(List.of("momentum_buffer"),
        OptimizersTest.create("SGD", Map.of("lr", 0.1)).init(2).bufferNames());
    assertEquals(List.of("sum"), OptimizersTest.create("Adagrad", Map.of()).init(2)
        .bufferNames());
    assertEquals(List.of("square_avg", "momentum_buffer", "grad_avg"),
        OptimizersTest.create("RMSprop", Map.of("centered", true)).init(2).bufferNames());
    assertEquals(List.of("square_avg", "acc_delta"),
        OptimizersTest.create("Adadelta", Map.of()).init(2).bufferNames());
    assertEquals(List.of("exp_avg", "exp_inf"),
        OptimizersTest.create("Adamax", Map.of()).init(2).bufferNames());
    OptimizerState nadam = OptimizersTest.create("NAdam", Map.of()).init(2);
    assertEquals(List.of("exp_avg", "exp_avg_sq", "mu_product"), nadam.bufferNames());
    assertEquals(1, nadam.buffers().get("mu_product").length, "one scalar for all parameters");
    assertEquals(2, nadam.buffers().get("exp_avg").length);
    assertEquals(List.of("exp_avg", "exp_avg_sq"),
        OptimizersTest.create("RAdam", Map.of()).init(2).bufferNames());
    assertEquals(List.of("prev", "step_size"),
        OptimizersTest.create("Rprop", Map.of()).init(2).bufferNames());
  }

  @Test
  void adagradStartsFromTheInitialAccumulator() {
    OptimizerState s = OptimizersTest.create("Adagrad", Map.of("initial_accumulator_value", 0.5))
        .init(2);
    assertArrayEquals(new double[] {0.5, 0.5}, s.buffers().get("sum"));
  }

  /** PyTorch's first momentum step copies d into the buffer: no dampening yet. */
  @Test
  void sgdFirstMomentumStepIgnoresDampening() {
    UpdateRule rule = OptimizersTest.create("SGD",
        Map.of("lr", 0.1, "momentum", 0.9, "dampening", 0.5));
    double[] p = {1.0};
    OptimizerState s = rule.init(1);
    rule.update(p, new double[] {2.0}, 0.1, 0.9, s);
    assertEquals(1.0 - 0.1 * 2.0, p[0], 1e-15);
    assertArrayEquals(new double[] {2.0}, s.buffers().get("momentum_buffer"));
    rule.update(p, new double[] {2.0}, 0.1, 0.9, s);
    assertArrayEquals(new double[] {0.9 * 2.0 + 0.5 * 2.0}, s.buffers().get("momentum_buffer"),
        1e-15);
  }

  /** A schedule that drives the momentum to 0 turns momentum off, as PyTorch's group value does. */
  @Test
  void sgdWithPassedMomentumZeroKeepsNoBuffer() {
    UpdateRule rule = OptimizersTest.create("SGD", Map.of("lr", 0.1, "momentum", 0.9));
    Sgd.State s = (Sgd.State) rule.init(1);
    double[] p = {1.0};
    rule.update(p, new double[] {2.0}, 0.1, 0.0, s);
    assertFalse(s.hasMomentumBuffer);
    assertEquals(0.8, p[0], 1e-15);
    rule.update(p, new double[] {1.0}, 0.1, 0.5, s);
    assertTrue(s.hasMomentumBuffer);
    assertArrayEquals(new double[] {1.0}, s.momentumBuffer, "created as a copy of d");
  }

  /** The Adam family's bias correction uses the passed first beta, not the configured one. */
  @Test
  void adamUsesThePassedBeta1() {
    UpdateRule rule = OptimizersTest.create("Adam", Map.of("lr", 0.1));
    double[] p = {0.0};
    OptimizerState s = rule.init(1);
    rule.update(p, new double[] {1.0}, 0.1, 0.5, s);
    assertArrayEquals(new double[] {0.5}, s.buffers().get("exp_avg"));
    // m_hat = 0.5 / (1 - 0.5) = 1, v_hat = 1: the step is lr / (1 + eps).
    assertEquals(-0.1 / (1 + 1e-8), p[0], 1e-17);
  }

  @Test
  void rpropTakesItsStepSizesFromTheFirstLearningRate() {
    UpdateRule rule = OptimizersTest.create("Rprop", Map.of());
    OptimizerState s = rule.init(2);
    double[] p = {0.0, 0.0};
    rule.update(p, new double[] {1.0, -1.0}, 0.25, 0, s);
    assertArrayEquals(new double[] {-0.25, 0.25}, p);
    rule.update(p, new double[] {1.0, 1.0}, 99, 0, s);
    assertArrayEquals(new double[] {-0.25 - 0.25 * 1.2, 0.25}, p, 1e-15);
    assertArrayEquals(new double[] {0.25 * 1.2, 0.25 * 0.5}, s.buffers().get("step_size"), 1e-15);
    assertArrayEquals(new double[] {1.0, 0.0}, s.buffers().get("prev"), "a sign flip zeroes g");
  }
}

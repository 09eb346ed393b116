package dev.optlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer and option against PyTorch 1.13's float64 traces (src/test/resources/optim,
 * written by make_goldens.py): each traced row's loss, gradient norm, parameters and lr must agree
 * bit for bit ({@link Golden#assertExact}); every case is exact, none needs a tolerance. The
 * gradient comes from {@link Objectives}, which reproduces torch's autograd exactly, so the
 * comparison isolates the update rules.
 */
class OptimizerGoldenTest {

  static Stream<Arguments> constantLr() {
    return Golden.cases("cases.json").stream().map(c -> Arguments.of(c.get("name"), c));
  }

  static Stream<Arguments> varying() {
    return Golden.cases("varying.json").stream().map(c -> Arguments.of(c.get("name"), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constantLr")
  void matchesPyTorch(String name, Map<String, Object> c) {
    Run run = new Run(c);
    Golden.Table golden = Golden.csv("golden/" + name + ".csv");
    int every = ((Double) c.get("every")).intValue();
    int steps = ((Double) c.get("steps")).intValue();
    double lr = run.values.number("lr");
    int traced = 0;
    for (int k = 0; k <= steps; k++) {
      double loss = run.evaluate();
      if (k % every == 0 || k == steps) {
        double[] row = golden.rows().get(traced++);
        assertEquals(k, (int) row[golden.column("step")], name + ": traced steps");
        Golden.assertExact(row[golden.column("lr")], lr, name + " step " + k + " lr");
        run.compare(golden, row, loss, name + " step " + k);
      }
      if (k == steps) {
        break;
      }
      run.rule.update(run.p, run.g, lr, run.rule.momentum(), run.state);
    }
    assertEquals(golden.rows().size(), traced, name + ": number of traced rows");
    assertEquals(steps, run.state.step, name + ": state.step counts the updates");
  }

  /** The lr and momentum (or first beta) change at every step, as cycling schedules make them. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("varying")
  void matchesPyTorchWhenLrAndMomentumChange(String name, Map<String, Object> c) {
    Run run = new Run(c);
    Golden.Table golden = Golden.csv("varying/" + name + ".csv");
    int steps = ((Double) c.get("steps")).intValue();
    assertEquals(steps + 1, golden.rows().size(), name + ": rows");
    for (int k = 0; k <= steps; k++) {
      double[] row = golden.rows().get(k);
      run.compare(golden, row, run.evaluate(), name + " step " + k);
      if (k < steps) {
        double momentum = run.kind.momentumSlot() == MomentumSlot.NONE
            ? run.rule.momentum()
            : row[golden.column("momentum")];
        run.rule.update(run.p, run.g, row[golden.column("lr")], momentum, run.state);
      }
    }
  }

  /** Guards the table: every hyperparameter of every optimizer is set away from its default. */
  @Test
  void everyOptionIsExercised() {
    Set<String> exercised = new HashSet<>();
    Set<String> optimizers = new HashSet<>();
    for (Map<String, Object> c : Golden.cases("cases.json")) {
      Run run = new Run(c);
      optimizers.add(run.kind.name());
      HyperValues defaults = HyperValues.withDefaults(run.kind.params(), Map.of("lr", 1.0));
      for (HyperParam hp : run.kind.params()) {
        Object given = run.values.raw(hp.name());
        Object def = defaults.raw(hp.name());
        if (!HyperValues.format(given).equals(HyperValues.format(def))) {
          exercised.add(run.kind.name() + "." + hp.name());
        }
      }
    }
    for (OptimizerKind kind : Optimizers.all()) {
      assertTrue(optimizers.contains(kind.name()), "no golden case for " + kind.name());
      for (HyperParam hp : kind.params()) {
        assertTrue(exercised.contains(kind.name() + "." + hp.name()),
            "no golden case sets " + kind.name() + "." + hp.name());
      }
    }
  }

  @AfterAll
  static void report() {
    System.out.printf("optim goldens: %d values compared, %d bit-exact%n", Golden.compared,
        Golden.exact);
  }

  /** One case: the rule built through the registry, its state, and the objective. */
  private static final class Run {
    final OptimizerKind kind;
    final HyperValues values;
    final UpdateRule rule;
    final OptimizerState state;
    final Objectives.Objective objective;
    final List<String> names;
    final double[] p;
    final double[] g;

    @SuppressWarnings("unchecked")
    Run(Map<String, Object> c) {
      Map<String, Object> optimizer = (Map<String, Object>) c.get("optimizer");
      kind = Optimizers.byName((String) optimizer.get("class")).orElseThrow();
      Map<String, Object> given = new LinkedHashMap<>();
      ((Map<String, Object>) optimizer.get("kwargs")).forEach((k, v) -> given.put(k, value(v)));
      values = HyperValues.withDefaults(kind.params(), given);
      assertTrue(kind.params().stream().map(HyperParam::name).toList()
          .containsAll(given.keySet()), "unknown hyperparameter in " + given.keySet());
      assertNull(kind.check(values), "cross-check of " + c.get("name"));
      rule = kind.create(values);
      Map<String, Object> start = (Map<String, Object>) c.get("params");
      names = List.copyOf(start.keySet());
      p = start.values().stream().mapToDouble(v -> (Double) v).toArray();
      g = new double[p.length];
      state = rule.init(p.length);
      objective = Objectives.of((String) c.get("objective"));
    }

    double evaluate() {
      return objective.eval(p, g);
    }

    void compare(Golden.Table golden, double[] row, double loss, String where) {
      Golden.assertExact(row[golden.column("loss")], loss, where + " loss");
      Golden.assertExact(row[golden.column("grad_norm")], Objectives.norm(g),
          where + " grad_norm");
      for (int i = 0; i < p.length; i++) {
        Golden.assertExact(row[golden.column(names.get(i))], p[i], where + " " + names.get(i));
      }
    }

    private static Object value(Object json) {
      if (json instanceof List<?> list) {
        return list.stream().mapToDouble(v -> (Double) v).toArray();
      }
      return json;
    }
  }
}

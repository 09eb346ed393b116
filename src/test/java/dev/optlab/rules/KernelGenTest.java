package dev.optlab.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.check.Declaration;
import dev.optlab.exec.RunControl;
import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.ParamLayout;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated kernels ({@link KernelGen}) compute what the {@link Interpreter} computes, bit for bit:
 * every rule of src/test/resources/rules (and its builtins/), with its defaults and with every
 * number hyperparameter moved and every flag flipped, on parameters of shapes [], [7], [5, 3] and
 * [3, 5] at once, over many steps of random gradients and rates; after each step the parameters,
 * every state and scratch array, every slot and the evaluation point are compared.
 */
class KernelGenTest {
  private static final int[][] SHAPES = {{}, {7}, {5, 3}, {3, 5}};
  private static final int STEPS = 60;

  static Stream<Path> rules() throws IOException {
    List<Path> all = new ArrayList<>();
    for (String dir : List.of("src/test/resources/rules", "src/test/resources/rules/builtins")) {
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        s.filter(f -> f.toString().endsWith(".rule")).sorted().forEach(all::add);
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void generatedKernelsGiveTheInterpretersBits(Path file) throws IOException {
    RuleDef def = load(Files.readString(file));
    for (HyperValues values : List.of(HyperValues.defaults(def.params()), moved(def))) {
      ParamLayout layout = layoutOf(def, values);
      assertTrue(!layout.tensors().isEmpty(), def.name() + " accepts no test shape");
      CompiledRule generated = new CompiledRule(def, values, true);
      CompiledRule interpreted = new CompiledRule(def, values, false);
      RuleState gs = generated.init(layout);
      RuleState is = interpreted.init(layout);
      assertNull(gs.interpreted(), def.name());
      assertNotNull(is.tensors[0].program);
      int n = layout.size();
      SplittableRandom rnd = new SplittableRandom(file.getFileName().toString().hashCode());
      double[] gp = random(rnd, n);
      double[] ip = gp.clone();
      double[] gOut = new double[n];
      double[] iOut = new double[n];
      for (int step = 1; step <= STEPS; step++) {
        double[] g = random(rnd, n);
        double lr = 1e-3 * (1 + rnd.nextDouble());
        generated.update(gp, g, lr, 0, gs);
        interpreted.update(ip, g.clone(), lr, 0, is);
        String at = def.name() + " " + values + ", step " + step;
        assertBits(ip, gp, at + ": p");
        for (int k = 0; k < gs.tensors.length; k++) {
          RuleState.PerTensor a = is.tensors[k];
          RuleState.PerTensor b = gs.tensors[k];
          for (int x = TensorProgram.FIRST_OWN; x < a.arrays.length; x++) {
            assertBits(a.arrays[x], b.arrays[x], at + ", tensor " + k + ", array " + x);
          }
          assertBits(a.slots, b.slots, at + ", tensor " + k + ", slots");
        }
        assertBits(is.onceSlots, gs.onceSlots, at + ", once slots");
        generated.evalPoint(gp, gOut, gs);
        interpreted.evalPoint(ip, iOut, is);
        assertBits(iOut, gOut, at + ": eval point");
      }
    }
  }

  @Test
  void aFailingGenerationFallsBackToTheInterpreterAndSaysWhy() {
    // A pass that reads the sum it makes is refused by the generator (its sum lives in a local).
    Instr.Pass p = new Instr.Pass(3, 3, List.of(),
        List.of(new Instr.Sum(4, -1, Node.Index.SAME, new Node.Slot(4))));
    Kernels.Compiled c = Kernels.of(List.of(p));
    assertNull(c.kernel());
    assertTrue(c.whyNot().contains("reads the sum"), c.whyNot());
  }

  /** Numbers moved off their defaults (still in range) and flags flipped. */
  static HyperValues moved(RuleDef def) {
    java.util.Map<String, Object> given = new java.util.LinkedHashMap<>();
    for (var h : def.params()) {
      Object v = h.defaultValue();
      if (v instanceof Boolean b) {
        given.put(h.name(), !b);
      } else if (h.kind() == dev.optlab.hyper.Kind.NUMBER && v instanceof Double x) {
        given.put(h.name(), x == 0 ? 0.01 : x * 0.97);
      }
    }
    return HyperValues.withDefaults(def.params(), given);
  }

  /** The shapes the rule accepts (Muon needs matrices), as tensors of one flat array. */
  static ParamLayout layoutOf(RuleDef def, HyperValues values) {
    List<ParamLayout.Tensor> ok = new ArrayList<>();
    int offset = 0;
    for (int[] dims : SHAPES) {
      int size = RuleCompiler.size(dims);
      ParamLayout.Tensor t = new ParamLayout.Tensor("w" + ok.size(), dims, offset, size);
      if (def.problemWith(values, new ParamLayout(List.of(
          new ParamLayout.Tensor("w", dims, 0, size)))) == null) {
        ok.add(t);
        offset += size;
      }
    }
    return new ParamLayout(ok);
  }

  static double[] random(SplittableRandom rnd, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rnd.nextDouble(-1, 1);
    }
    return a;
  }

  static void assertBits(double[] expected, double[] actual, String what) {
    if (expected == null || actual == null) {
      assertEquals(expected == null, actual == null, what);
      return;
    }
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      long e = Double.doubleToRawLongBits(expected[i]);
      long a = Double.doubleToRawLongBits(actual[i]);
      if (e != a) {
        assertEquals(expected[i], actual[i], what + " [" + i + "]: bits differ");
        assertEquals(e, a, what + " [" + i + "]: bits differ");
      }
    }
  }

  static RuleDef load(String text) {
    Engine engine = new Engine();
    engine.run(new Source("t.opt", text), false, new Capture(), RunControl.none());
    String name = text.replaceAll("(?s).*?\\brule (\\w+)\\(.*", "$1");
    return ((Declaration.Rule) engine.lookup(name)).def();
  }
}

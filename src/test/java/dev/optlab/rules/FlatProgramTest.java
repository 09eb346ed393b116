package dev.optlab.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.OptimizerState;
import dev.optlab.optim.ParamLayout;
import dev.optlab.optim.RangeUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An element-wise rule run over all parameters at once ({@link FlatProgram}) gives the bits of
 * the same rule run tensor by tensor, on tensors of shapes [], [7], [5, 3] and [3, 5]: the
 * parameters, the evaluation point and every state as a checkpoint holds it, after each of many
 * steps of random gradients and rates; its update split into ranges run in any order gives the
 * bits of one pass; and which rules go flat is pinned, so that a change that stops a rule from
 * going flat (and so from vectorizing) fails here.
 */
class FlatProgramTest {
  private static final int STEPS = 40;

  /** The example rules that are element-wise; the others sum, use rows or columns, or multiply. */
  private static final List<String> FLAT = List.of("AdEMAMix", "Lion", "MyAdagrad", "MyAdam",
      "MyAdamW", "MyRMSprop", "MySGD", "ScheduleFreeAdamW");

  static List<Path> rules() throws IOException {
    return KernelGenTest.rules().toList();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void flatGivesTheBitsOfTensorByTensor(Path file) throws IOException {
    RuleDef def = KernelGenTest.load(Files.readString(file));
    ParamLayout layout = KernelGenTest.layoutOf(def, HyperValues.defaults(def.params()));
    for (HyperValues values : List.of(HyperValues.defaults(def.params()), KernelGenTest.moved(def))) {
      CompiledRule flat = new CompiledRule(def, values, true, true);
      CompiledRule each = new CompiledRule(def, values, true, false);
      RuleState fs = flat.init(layout);
      RuleState es = each.init(layout);
      assertEquals(FLAT.contains(def.name()), fs.flat, def.name() + " runs flat");
      if (!fs.flat) {
        continue;
      }
      assertEquals(1, fs.tensors.length);
      int n = layout.size();
      SplittableRandom rnd = new SplittableRandom(7);
      double[] fp = KernelGenTest.random(rnd, n);
      double[] ep = fp.clone();
      for (int step = 1; step <= STEPS; step++) {
        double[] g = KernelGenTest.random(rnd, n);
        double lr = 1e-3 * (1 + rnd.nextDouble());
        flat.update(fp, g, lr, 0, fs);
        each.update(ep, g, lr, 0, es);
        String at = def.name() + " " + values + ", step " + step;
        KernelGenTest.assertBits(ep, fp, at + ": p");
        double[] fe = new double[n];
        double[] ee = new double[n];
        flat.evalPoint(fp, fe, fs);
        each.evalPoint(ep, ee, es);
        KernelGenTest.assertBits(ee, fe, at + ": eval point");
        for (int t = 0; t < layout.tensors().size(); t++) {
          Map<String, OptimizerState.Buffer> a = es.tensorBuffers(t);
          Map<String, OptimizerState.Buffer> b = fs.tensorBuffers(t);
          assertEquals(a.keySet(), b.keySet(), at);
          for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).shape(), b.get(k).shape(), at + ", " + k);
            KernelGenTest.assertBits(a.get(k).data(), b.get(k).data(), at + ", tensor " + t + ", " + k);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("rules")
  void aSplitUpdateGivesTheBitsOfOnePass(Path file) throws IOException {
    RuleDef def = KernelGenTest.load(Files.readString(file));
    ParamLayout layout = KernelGenTest.layoutOf(def, HyperValues.defaults(def.params()));
    HyperValues values = KernelGenTest.moved(def);
    CompiledRule rule = new CompiledRule(def, values, true, true);
    RuleState whole = rule.init(layout);
    RuleState split = rule.init(layout);
    int n = layout.size();
    SplittableRandom rnd = new SplittableRandom(11);
    double[] a = KernelGenTest.random(rnd, n);
    double[] b = a.clone();
    for (int step = 1; step <= STEPS; step++) {
      double[] g = KernelGenTest.random(rnd, n);
      rule.update(a, g, 1e-3, 0, whole);
      RangeUpdate.Ranges rest = rule.begin(b, g, 1e-3, 0, split);
      int cut1 = n / 3;
      int cut2 = 2 * n / 3 + 1;
      rest.run(cut2, n); // any order
      rest.run(0, cut1);
      rest.run(cut1, cut2);
      KernelGenTest.assertBits(a, b, def.name() + ", step " + step);
    }
    assertEquals(whole.step, split.step);
  }

  @Test
  void aCheckpointOfAFlatRuleResumesTensorByTensorAndBack() throws IOException {
    RuleDef def = KernelGenTest.load(Files.readString(
        Path.of("src/test/resources/rules/ScheduleFreeAdamW.rule")));
    ParamLayout layout = KernelGenTest.layoutOf(def, HyperValues.defaults(def.params()));
    HyperValues values = HyperValues.defaults(def.params());
    CompiledRule flat = new CompiledRule(def, values, true, true);
    CompiledRule each = new CompiledRule(def, values, true, false);
    int n = layout.size();
    SplittableRandom rnd = new SplittableRandom(3);
    double[] p = KernelGenTest.random(rnd, n);
    RuleState first = flat.init(layout);
    for (int step = 1; step <= 5; step++) {
      flat.update(p, KernelGenTest.random(rnd, n), 1e-3, 0, first);
    }
    // flat -> tensor by tensor, and tensor by tensor -> flat, as a checkpoint carries a state
    RuleState resumed = each.init(layout);
    resumed.load(first.step, saved(first, layout));
    RuleState back = flat.init(layout);
    back.load(resumed.step, saved(resumed, layout));
    assertNotNull(back.tensors[0]);
    double[] q1 = p.clone();
    double[] q2 = p.clone();
    for (int step = 6; step <= 10; step++) {
      double[] g = KernelGenTest.random(rnd, n);
      flat.update(p, g, 1e-3, 0, first);
      each.update(q1, g, 1e-3, 0, resumed);
      flat.update(q2, g, 1e-3, 0, back);
    }
    KernelGenTest.assertBits(p, q1, "resumed tensor by tensor");
    KernelGenTest.assertBits(p, q2, "resumed flat");
  }

  @Test
  void scalarStepsTooLongToGenerateKeepTheUpdateInOnePass() {
    RuleDef def = KernelGenTest.load("""
        rule Pre(lr = 0.1) {
          k = 1
          repeat 1000 {
            k = k * 0.999 + sqrt(t) * 1e-6
            k = k * 0.998 + sqrt(t + 1) * 1e-6
            k = k * 0.997 + sqrt(t + 2) * 1e-6
          }
          p = p - lr * k * g
        }
        """);
    ParamLayout layout = new ParamLayout(List.of(new ParamLayout.Tensor("w", new int[] {70_000},
        0, 70_000)));
    CompiledRule rule = new CompiledRule(def, HyperValues.defaults(def.params()), true, true);
    RuleState whole = rule.init(layout);
    RuleState split = rule.init(layout);
    assertTrue(split.flat);
    assertNull(split.splitPass, "its scalar steps run interpreted: no split");
    SplittableRandom rnd = new SplittableRandom(5);
    double[] a = KernelGenTest.random(rnd, 70_000);
    double[] b = a.clone();
    for (int step = 1; step <= 3; step++) {
      double[] g = KernelGenTest.random(rnd, 70_000);
      rule.update(a, g, 0.1, 0, whole);
      RangeUpdate.Ranges rest = rule.begin(b, g, 0.1, 0, split);
      rest.run(35_000, 70_000);
      rest.run(0, 35_000);
      KernelGenTest.assertBits(a, b, "step " + step);
    }
    assertFalse(rule.splits(split));
  }

  @Test
  void aRuleWithANormDoesNotGoFlat() throws IOException {
    RuleDef def = KernelGenTest.load(Files.readString(
        Path.of("src/test/resources/rules/Lamb.rule")));
    ParamLayout layout = KernelGenTest.layoutOf(def, HyperValues.defaults(def.params()));
    RuleState s = new CompiledRule(def, HyperValues.defaults(def.params()), true, true)
        .init(layout);
    assertEquals(layout.tensors().size(), s.tensors.length);
    assertNull(s.splitPass);
  }

  private static Map<String, double[]> saved(RuleState s, ParamLayout layout) {
    Map<String, double[]> out = new HashMap<>();
    for (int t = 0; t < layout.tensors().size(); t++) {
      for (var e : s.tensorBuffers(t).entrySet()) {
        out.put(t + "/" + e.getKey(), e.getValue().data());
      }
    }
    return out;
  }
}

package dev.optlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.hyper.HyperValues;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule's update run over ranges of the parameters ({@link RangeUpdate}, what the tensor
 * threads do with a large update) gives the one-pass update's bits: ranges of uneven lengths,
 * run last first, over five steps (SGD's first step fills its momentum buffer), float64 and,
 * for Adam's and SGD's kernels, float32.
 */
class RangeUpdateTest {
  private static final int N = 10_007;
  private static final int[] CUTS = {0, 3, 4_100, 9_999, N};

  private static UpdateRule rule(String spec) {
    String name = spec.substring(0, spec.indexOf('('));
    Map<String, Object> values = new HashMap<>();
    for (String kv : spec.substring(name.length() + 1, spec.length() - 1).split(", ")) {
      String[] p = kv.split(" = ");
      values.put(p[0], p[1].equals("true") ? (Object) true : (Object) Double.parseDouble(p[1]));
    }
    OptimizerKind kind = Optimizers.byName(name).orElseThrow();
    return kind.create(HyperValues.withDefaults(kind.params(), values));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Adam(lr = 0.01)",
      "Adam(lr = 0.01, weight_decay = 0.1, amsgrad = true, maximize = true)",
      "AdamW(lr = 0.01, weight_decay = 0.1)", "SGD(lr = 0.01)",
      "SGD(lr = 0.01, momentum = 0.9, dampening = 0.2, weight_decay = 0.1)",
      "SGD(lr = 0.01, momentum = 0.9, nesterov = true, maximize = true)",
      "Adagrad(lr = 0.01, lr_decay = 0.01, weight_decay = 0.1)",
      "RMSprop(lr = 0.01, momentum = 0.9, centered = true, weight_decay = 0.1)",
      "Adadelta(lr = 1, weight_decay = 0.1)", "Adamax(lr = 0.002, weight_decay = 0.1)",
      "RAdam(lr = 0.01, weight_decay = 0.1)", "NAdam(lr = 0.01, weight_decay = 0.1)",
      "Rprop(lr = 0.01, maximize = true)"})
  void rangesGiveTheOnePassBits(String spec) {
    UpdateRule rule = rule(spec);
    assertTrue(rule instanceof RangeUpdate, spec + " splits");
    Random r = new Random(3);
    double[] whole = new double[N];
    for (int i = 0; i < N; i++) {
      whole[i] = r.nextGaussian();
    }
    double[] parts = whole.clone();
    float[] wholeF = new float[N];
    for (int i = 0; i < N; i++) {
      wholeF[i] = (float) whole[i];
    }
    float[] partsF = wholeF.clone();
    OptimizerState a = rule.init(N);
    OptimizerState b = rule.init(N);
    // every float32 kernel splits too
    assertTrue(rule.float32() instanceof RangeUpdate.Floats, spec + "'s float32 kernel splits");
    FloatRule f = rule.float32();
    FloatState fa = f == null ? null : f.init(N);
    FloatState fb = f == null ? null : f.init(N);
    for (int step = 0; step < 5; step++) {
      double[] g = new double[N];
      float[] gf = new float[N];
      for (int i = 0; i < N; i++) {
        g[i] = r.nextGaussian();
        gf[i] = (float) g[i];
      }
      double lr = 0.01 * (step + 1);
      double momentum = rule.momentum() == 0 ? 0 : rule.momentum() - 0.01 * step;
      rule.update(whole, g, lr, momentum, a);
      RangeUpdate.Ranges ranges = ((RangeUpdate) rule).begin(parts, g, lr, momentum, b);
      for (int c = CUTS.length - 1; c > 0; c--) {
        ranges.run(CUTS[c - 1], CUTS[c]);
      }
      if (f != null) {
        f.update(wholeF, gf, lr, momentum, fa);
        RangeUpdate.Ranges rangesF = ((RangeUpdate.Floats) f).begin(partsF, gf, lr, momentum, fb);
        for (int c = CUTS.length - 1; c > 0; c--) {
          rangesF.run(CUTS[c - 1], CUTS[c]);
        }
      }
    }
    assertEquals(a.step, b.step);
    assertEquals(f == null ? 0 : fa.step, f == null ? 0 : fb.step);
    for (int i = 0; i < N; i++) {
      assertEquals(Double.doubleToRawLongBits(whole[i]), Double.doubleToRawLongBits(parts[i]),
          spec + " parameter " + i);
      assertEquals(Float.floatToRawIntBits(wholeF[i]), Float.floatToRawIntBits(partsF[i]),
          spec + " float32 parameter " + i);
    }
    assertTrue(whole[0] != 0 && Double.isFinite(whole[N - 1]), "the updates moved p");
  }
}

package dev.optlab.schedule;

import dev.optlab.source.RunError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code A for N then B}, expression schedules, and stepping limits. */
class ChainAndLambdaTest {

  static double[] lrs(ScheduleSpec spec, double lr0, int steps) {
    Schedule s = spec.start(lr0, 0.9);
    double[] out = new double[steps + 1];
    for (int k = 0; k <= steps; k++) {
      out[k] = s.lr();
      if (k < steps) {
        s.step(1.0);
      }
    }
    return out;
  }

  /** Every segment restarts from step 0 and the base lr, whatever the one before left. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void segmentsRunOnTheirOwnClockFromTheBaseLr(long seed) {
    Random rnd = new Random(seed);
    List<String> pool = List.of("cosine(T_max=40)", "exponential(gamma=0.9)",
        "linear(start_factor=0.1, total_iters=17)", "step(step_size=3, gamma=0.5)",
        "polynomial(total_iters=25, power=2.0)", "cosine_restarts(T_0=6, T_mult=2)",
        "cyclic(base_lr=0.01, max_lr=0.2, step_size_up=5)");
    int n = 2 + rnd.nextInt(3);
    StringBuilder text = new StringBuilder();
    int[] len = new int[n];
    String[] seg = new String[n];
    for (int i = 0; i < n; i++) {
      seg[i] = pool.get(rnd.nextInt(pool.size()));
      len[i] = rnd.nextInt(30);
      text.append(i == 0 ? "" : " then ").append(seg[i]);
      if (i < n - 1) {
        text.append(" for ").append(len[i]);
      }
    }
    double lr0 = 0.05 + rnd.nextDouble();
    int steps = 120;
    double[] chain = lrs(SpecText.parse(text.toString()), lr0, steps);
    int k = 0;
    for (int i = 0; i < n && k <= steps; i++) {
      double[] alone = lrs(SpecText.parse(seg[i]), lr0, steps);
      int end = i == n - 1 ? steps + 1 : Math.min(steps + 1, k + len[i]);
      for (int j = 0; k < end; j++, k++) {
        assertEquals(alone[j], chain[k], text + " at step " + k);
      }
    }
  }

  /** The lr column of the oracle's sample_adam_warmup_cosine.csv, every 25 steps. */
  @Test
  void reproducesTheOraclesWarmupCosineSample() {
    double[] lr = lrs(SpecText.parse("linear(start_factor = 0.1, end_factor = 1, total_iters = 50)"
        + " for 50 then cosine(T_max = 250)"), 0.02, 300);
    double[] want = {0.002, 0.011000000000000008, 0.02, 0.01951056516295154,
        0.018090169943749485, 0.015877852522924743, 0.013090169943749487, 0.01000000000000001,
        0.006909830056250531, 0.004122147477075271, 0.0019098300562505272, 0.0004894348370484648,
        0.0};
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], lr[25 * i], "step " + 25 * i);
    }
  }

  @Test
  void zeroLengthSegmentsAreSkipped() {
    double[] chain = lrs(SpecText.parse(
        "step(step_size=1) for 0 then exponential(gamma=0.5) for 2 then constant_lr(factor=0.5,"
            + " total_iters=1) for 0 then cosine(T_max=4)"), 1.0, 6);
    // the cosine part is PyTorch's CosineAnnealingLR(T_max=4) from lr 1.0
    assertEquals(List.of(1.0, 0.5, 1.0, 0.8535533905932737, 0.5, 0.14644660940672627, 0.0),
        boxed(chain));
  }

  @Test
  void nestedChainsEqualFlatOnes() {
    ScheduleSpec a = SpecText.parse("cosine(T_max=30)");
    ScheduleSpec b = SpecText.parse("exponential(gamma=0.95)");
    ScheduleSpec c = SpecText.parse("step(step_size=4)");
    ScheduleSpec nested = new SequentialSchedule(
        List.of(new SequentialSchedule(List.of(a, b), new long[] {10}), c), new long[] {25});
    ScheduleSpec flat = new SequentialSchedule(List.of(a, b, c), new long[] {10, 15});
    assertEquals(boxed(lrs(flat, 0.1, 60)), boxed(lrs(nested, 0.1, 60)));
  }

  @Test
  void momentumComesFromTheCurrentSegmentOrStaysWhereACycleLeftIt() {
    ScheduleSpec spec = SpecText.parse("cosine(T_max=10) for 3 then cyclic(base_lr=0.01,"
        + " max_lr=0.1, step_size_up=2) for 4 then exponential(gamma=0.9)");
    assertTrue(spec.cyclesMomentum());
    Schedule s = spec.start(0.1, 0.5);
    // the optimizer's 0.5 before the cycle; after it, where the cycle left it (SequentialLR)
    double[] want = {0.5, 0.5, 0.5, 0.9, 0.85, 0.8, 0.85, 0.85, 0.85};
    for (double m : want) {
      assertEquals(m, s.momentum(), 1e-15);
      s.step(0);
    }
    Schedule plain = SpecText.parse("cosine(T_max=10) for 3 then exponential(gamma=0.9)")
        .start(0.1, 0.5);
    assertFalse(SpecText.parse("cosine(T_max=10) for 3 then step(step_size=2)")
        .cyclesMomentum());
    assertTrue(Double.isNaN(plain.momentum()));
  }

  @Test
  void plateauSegmentSeesOnlyItsOwnLosses() {
    ScheduleSpec spec = SpecText.parse(
        "exponential(gamma=0.5) for 3 then plateau(patience=1, factor=0.5)");
    Schedule s = spec.start(1.0, 0.9);
    double[] losses = {0.1, 0.1, 0.1, 5, 5, 5, 5, 5};
    double[] want = {1.0, 0.5, 0.25, 1.0, 1.0, 1.0, 0.5, 0.5, 0.25};
    for (int k = 0; k < losses.length; k++) {
      assertEquals(want[k], s.lr(), "step " + k);
      s.step(losses[k]);
    }
    assertEquals(want[losses.length], s.lr());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      cosine(T_max=10) | 9223372036854775807
      onecycle(max_lr=0.1, total_steps=100) | 100
      onecycle(max_lr=0.1, total_steps=100) for 101 then cosine(T_max=5) | 9223372036854775807
      onecycle(max_lr=0.1, total_steps=100) for 102 then cosine(T_max=5) | 100
      cosine(T_max=5) for 30 then onecycle(max_lr=0.1, total_steps=50) | 80
      cosine(T_max=5) for 30 then onecycle(max_lr=0.1, total_steps=10) for 11 then step(step_size=2) | 9223372036854775807
      cosine(T_max=5) for 30 then onecycle(max_lr=0.1, total_steps=10) for 12 then step(step_size=2) | 40
      """)
  void knowsHowFarItCanBeStepped(String text, long max) {
    ScheduleSpec spec = SpecText.parse(text);
    assertEquals(max, spec.maxSteps());
    if (max < 1000) {
      Schedule s = spec.start(0.1, 0.9);
      for (long k = 0; k < max; k++) {
        s.step(0);
      }
      RunError e = assertThrows(RunError.class, () -> s.step(0));
      assertTrue(e.getMessage().contains("cannot be stepped more than total_steps"),
          e.getMessage());
    }
  }

  @Test
  void chainRejectsBadShapes() {
    ScheduleSpec a = SpecText.parse("cosine(T_max=10)");
    assertThrows(IllegalArgumentException.class,
        () -> new SequentialSchedule(List.of(a, a), new long[] {}));
    assertThrows(IllegalArgumentException.class,
        () -> new SequentialSchedule(List.of(a, a), new long[] {-1}));
    assertThrows(IllegalArgumentException.class,
        () -> new SequentialSchedule(List.of(), new long[] {}));
  }

  @Test
  void lambdaGivesTheLrAtEachStep() {
    LambdaSchedule spec = new LambdaSchedule("lr0 / (1 + t)", (t, lr0) -> lr0 / (1 + t));
    assertEquals("lr0 / (1 + t)", spec.toString());
    assertFalse(spec.cyclesMomentum());
    Schedule s = spec.start(0.6, 0.9);
    for (int t = 0; t < 50; t++) {
      assertEquals(0.6 / (1 + t), s.lr());
      assertTrue(Double.isNaN(s.momentum()));
      s.step(Double.NaN);
    }
  }

  @Test
  void lambdaReceivesStepAsDoubleAndBaseLr() {
    double[] seen = new double[2];
    Schedule s = new LambdaSchedule("f", (t, lr0) -> {
      seen[0] = t;
      seen[1] = lr0;
      return t;
    }).start(0.25, 0.9);
    s.step(0);
    s.step(0);
    assertEquals(2.0, seen[0]);
    assertEquals(0.25, seen[1]);
    assertEquals(2.0, s.lr());
  }

  private static List<Double> boxed(double[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}

package dev.optlab.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties of single schedules, on seeded random parameters, and the hot-path contract. */
class ScheduleBehaviourTest {

  /** Plateau on small loss sequences: lr after each step (lr0 = 1), as PyTorch 1.13 gives. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      plateau(patience=2, factor=0.5) | 1 1 1 1 1 1 1 1 | 1 1 1 1 0.5 0.5 0.5 0.25 0.25
      plateau(patience=0, factor=0.5) | 3 2 2 1 1 | 1 1 1 0.5 0.5 0.25
      plateau(patience=0, factor=0.5, cooldown=2) | 3 3 3 3 3 3 3 | 1 1 0.5 0.5 0.5 0.25 0.25 0.25
      plateau(patience=0, factor=0.5, threshold=0.1) | 10 9.5 8.5 8.45 | 1 1 0.5 0.5 0.25
      plateau(patience=0, factor=0.5, threshold=0.1, threshold_mode="abs") | 10 9.5 8.5 8.45 | 1 1 1 1 0.5
      plateau(mode="max", patience=0, factor=0.5) | 1 2 2 3 0 | 1 1 1 0.5 0.5 0.25
      plateau(mode="max", patience=0, factor=0.5, threshold=1, threshold_mode="abs") | 1 1.5 2.5 2.6 | 1 1 0.5 0.5 0.25
      plateau(patience=0, factor=0.1, min_lr=0.05) | 1 1 1 1 | 1 1 0.1 0.05 0.05
      plateau(patience=0, factor=0.5, eps=0.3) | 1 1 1 1 | 1 1 0.5 0.5 0.5
      plateau(patience=0, factor=0.5) | NaN NaN 1 NaN | 1 0.5 0.25 0.25 0.125
      """)
  void plateauFollowsTorch(String text, String losses, String lrs) {
    Schedule s = SpecText.parse(text).start(1.0, 0.9);
    String[] l = losses.split(" ");
    String[] want = lrs.split(" ");
    for (int k = 0; k < want.length; k++) {
      assertEquals(Double.parseDouble(want[k]), s.lr(), 1e-15, "after " + k + " steps");
      assertTrue(Double.isNaN(s.momentum()));
      if (k < l.length) {
        s.step(Double.parseDouble(l[k]));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "cyclic(base_lr=0.01, max_lr=0.1, step_size_up=5)",
      "onecycle(max_lr=0.1, total_steps=50)",
  })
  void cyclicAndOnecycleIgnoreTheBaseLrAndMomentum(String text) {
    ScheduleSpec spec = SpecText.parse(text);
    Schedule a = spec.start(0.5, 0.0);
    Schedule b = spec.start(1e-7, 0.99);
    for (int k = 0; k < 50; k++) {
      assertEquals(a.lr(), b.lr());
      assertEquals(a.momentum(), b.momentum());
      a.step(0);
      b.step(0);
    }
  }

  @Test
  void firstUpdateMomentum() {
    // CyclicLR: base_momentum at construction, then the initial step writes max_momentum.
    Schedule c = SpecText.parse("cyclic(base_lr=0.01, max_lr=0.1, base_momentum=0.7,"
        + " max_momentum=0.93)").start(0.1, 0.0);
    assertEquals(0.93, c.momentum());
    assertEquals(0.01, c.lr());
    // OneCycleLR: max_momentum, re-annealed at pct 0 (cos: base + (max - base) / 2.0 * 2).
    Schedule o = SpecText.parse("onecycle(max_lr=0.1, total_steps=100)").start(0.1, 0.0);
    assertEquals(0.85 + (0.95 - 0.85) / 2.0 * 2, o.momentum());
    assertEquals(0.1 + (0.1 / 25 - 0.1) / 2.0 * 2, o.lr());
  }

  static Stream<Long> seeds() {
    return Stream.of(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L);
  }

  /** The recursive forms stay on their closed forms (PyTorch's _get_closed_form_lr). */
  @ParameterizedTest
  @MethodSource("seeds")
  void recursiveFormsTrackClosedForms(long seed) {
    Random r = new Random(seed);
    double lr0 = 1e-3 + r.nextDouble();
    int tMax = 1 + r.nextInt(300);
    double eta = r.nextDouble() * lr0 / 2;
    Schedule cos = new CosineAnnealingLr(tMax, eta).start(lr0, 0.9);
    double start = 0.05 + 0.95 * r.nextDouble();
    double end = r.nextDouble();
    int iters = r.nextInt(200);
    Schedule lin = new LinearLr(start, end, iters).start(lr0, 0.9);
    int every = 1 + r.nextInt(20);
    double gamma = 0.5 + r.nextDouble() / 2;
    Schedule step = new StepLr(every, gamma).start(lr0, 0.9);
    int total = 1 + r.nextInt(100);
    double power = 3 * r.nextDouble();
    Schedule poly = new PolynomialLr(total, power).start(lr0, 0.9);
    for (int t = 0; t < 1000; t++) {
      double c = eta + (lr0 - eta) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
      assertEquals(c, cos.lr(), 1e-11 * lr0, "cosine at " + t);
      double l = lr0 * (start + (end - start) * Math.min(iters, t) / Math.max(iters, 1));
      assertEquals(iters == 0 ? lr0 * start : l, lin.lr(), 1e-11 * lr0, "linear at " + t);
      assertEquals(lr0 * Math.pow(gamma, t / every), step.lr(), 1e-12 * lr0, "step at " + t);
      double p = lr0 * Math.pow(1 - (double) Math.min(total, t) / total, power);
      assertEquals(p, poly.lr(), 1e-11 * lr0, "polynomial at " + t);
      cos.step(0);
      lin.step(0);
      step.step(0);
      poly.step(0);
    }
  }

  /** Cyclic stays within its bounds, with momentum mirrored; triangular hits both ends. */
  @ParameterizedTest
  @MethodSource("seeds")
  void cyclicStaysInBounds(long seed) {
    Random r = new Random(seed);
    double base = r.nextDouble() * 0.01;
    double max = base + r.nextDouble();
    int up = 1 + r.nextInt(30);
    int down = 1 + r.nextInt(30);
    CyclicLr spec = new CyclicLr(base, max, up, down, CyclicLr.Mode.values()[r.nextInt(3)],
        0.99, true, 0.8, 0.9);
    Schedule s = spec.start(0.1, 0.9);
    for (int t = 0; t < 500; t++) {
      double frac = (s.lr() - base) / (max - base);
      assertTrue(frac >= -1e-12 && frac <= 1 + 1e-12, "lr out of bounds at " + t);
      assertEquals(0.9 - 0.1 * frac, s.momentum(), 1e-12, "momentum mirrors lr at " + t);
      if (spec.mode() == CyclicLr.Mode.TRIANGULAR && t % (up + down) == 0) {
        assertEquals(base, s.lr(), 1e-15);
      }
      if (spec.mode() == CyclicLr.Mode.TRIANGULAR && t % (up + down) == up) {
        assertEquals(max, s.lr(), 1e-12 * max);
      }
      s.step(0);
    }
  }

  /** OneCycle: starts at max_lr/div, peaks at max_lr at pct_start*T - 1, ends at min lr. */
  @ParameterizedTest
  @MethodSource("seeds")
  void onecycleHitsItsLandmarks(long seed) {
    Random r = new Random(seed);
    int total = 20 + r.nextInt(500);
    double pct = 0.1 + 0.4 * r.nextDouble();
    double maxLr = 0.01 + r.nextDouble();
    boolean linear = r.nextBoolean();
    boolean three = r.nextBoolean();
    OneCycleLr spec = new OneCycleLr(maxLr, total, pct, linear, 25, 1e4, three, true, 0.85, 0.95);
    Schedule s = spec.start(0.1, 0.9);
    double peakAt = pct * total - 1;
    for (int t = 0; t <= total; t++) {
      if (t == 0) {
        assertEquals(maxLr / 25, s.lr(), 1e-12);
        assertEquals(0.95, s.momentum(), 1e-12);
      }
      if (t == peakAt) {
        assertEquals(maxLr, s.lr(), 1e-12);
        assertEquals(0.85, s.momentum(), 1e-12);
      }
      if (t == total - 1) {
        assertEquals(maxLr / 25 / 1e4, s.lr(), 1e-12);
        assertEquals(0.95, s.momentum(), 1e-12);
      }
      if (t < total) {
        // at t = total_steps PyTorch extrapolates past the last phase (pct > 1)
        assertTrue(s.lr() <= maxLr * (1 + 1e-12) && s.momentum() <= 0.95 + 1e-12);
        s.step(0);
      }
    }
  }

  /** CosineAnnealingWarmRestarts with T_mult = 2: restarts at T_0 (1 + 2 + 4 + ...). */
  @ParameterizedTest
  @CsvSource({"3, 2", "5, 2", "4, 3", "7, 1"})
  void warmRestartsRestartOnTime(int t0, int mult) {
    Schedule s = new CosineWarmRestarts(t0, mult, 0.001).start(0.1, 0.9);
    long restart = 0;
    long len = t0;
    for (int t = 0; t < 400; t++) {
      if (t == restart) {
        assertEquals(0.1, s.lr(), 1e-15, "restart at " + t);
        restart += len;
        len *= mult;
      } else {
        assertTrue(s.lr() < 0.1, "between restarts at " + t);
      }
      s.step(0);
    }
  }

  /** The hot path: lr(), momentum(), step() allocate nothing, for every kind of schedule. */
  @ParameterizedTest
  @ValueSource(strings = {
      "constant_lr()", "linear()", "step(step_size=3)", "multistep(milestones=[5, 100, 1000])",
      "exponential(gamma=0.99)", "polynomial(total_iters=500, power=2.0)", "cosine(T_max=50)",
      "cosine_restarts(T_0=7, T_mult=2)",
      "cyclic(base_lr=0.01, max_lr=0.1, step_size_up=13, mode=\"exp_range\", gamma=0.999)",
      "onecycle(max_lr=0.1, total_steps=300000, three_phase=true)", "plateau(patience=3)",
      "linear() for 10 then cyclic(base_lr=0.01, max_lr=0.1) for 1000 then plateau()",
      "lambda:invsqrt",
  })
  void steppingAllocatesNothing(String text) {
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Schedule s = SpecText.parse(text).start(0.1, 0.9);
    double sink = run(s, 1000);
    long id = Thread.currentThread().threadId();
    long before = mx.getThreadAllocatedBytes(id);
    sink += run(s, 200_000);
    long allocated = mx.getThreadAllocatedBytes(id) - before;
    assertTrue(allocated < 1024, text + " allocated " + allocated + " bytes (" + sink + ")");
  }

  private static double run(Schedule s, int steps) {
    double sum = 0;
    for (int k = 0; k < steps; k++) {
      sum += s.lr() + s.momentum();
      s.step(1.0 / (1 + k % 97));
    }
    return sum;
  }
}

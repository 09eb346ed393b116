package dev.optlab.bench;

import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.OptimizerState;
import dev.optlab.optim.Optimizers;
import dev.optlab.optim.UpdateRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * Section (e) of the report: one update of each built-in optimizer over a flat {@code double[]} of
 * {@value #N} parameters, optlab's kernel ({@link UpdateRule#update}, built through {@link
 * Optimizers} as a script's optimizer is) against the same rule written by hand ({@link
 * HandKernels}), in paired rounds in this JVM ({@link Paired}). The gradient alternates between
 * two fixed random arrays from step to step, so that Rprop sees sign flips as in training; PyTorch
 * does the same in {@code bench/python/optim_torch.py}.
 */
final class KernelWorkloads {
  static final int N = 10_000_000;
  /** Updates over a small array before the big ones, so that C2 compiles each kernel normally. */
  private static final int JIT_N = 1_000;
  private static final int JIT_UPDATES = 20_000;

  /**
   * One benchmarked configuration: the defaults plus {@code given} (what makes the kernel the one
   * people run: SGD with momentum), the same as PyTorch keyword arguments, and the hand-written
   * loop for it. {@code streams} counts the arrays the update reads plus those it writes (SGD
   * with momentum: p, g and the buffer read, p and the buffer written: 5), so {@code 8 * streams}
   * bytes per parameter is the least memory traffic of one fused pass.
   */
  record Case(String optimizer, Map<String, Object> given, int streams,
      BiFunction<Integer, HyperValues, HandKernels.Kernel> hand) {

    /** As a script writes it: {@code SGD(lr = 0.01, momentum = 0.9)}. */
    String label() {
      StringBuilder sb = new StringBuilder(optimizer).append('(');
      given.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ").append(k)
          .append(" = ").append(HyperValues.format(v)));
      return sb.append(')').toString();
    }

    /** The argument of {@code optim_torch.py}: {@code SGD:lr=0.01,momentum=0.9}. */
    String torchSpec() {
      StringBuilder sb = new StringBuilder(optimizer).append(':');
      given.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == ':' ? "" : ",").append(k)
          .append('=').append(v));
      return sb.toString();
    }
  }

  private static Map<String, Object> given(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static double b1(HyperValues h) {
    return h.pair("betas")[0];
  }

  private static double b2(HyperValues h) {
    return h.pair("betas")[1];
  }

  /** The ten built-in optimizers, in the order of {@link Optimizers#all()}. */
  static final List<Case> CASES = List.of(
      new Case("SGD", given("lr", 0.01, "momentum", 0.9), 5,
          (n, h) -> HandKernels.sgdMomentum(n, h.number("lr"), h.number("momentum"))),
      new Case("Adam", given("lr", 1e-3), 7,
          (n, h) -> HandKernels.adam(n, h.number("lr"), b1(h), b2(h), h.number("eps"))),
      new Case("AdamW", given("lr", 1e-3), 7,
          (n, h) -> HandKernels.adamW(n, h.number("lr"), b1(h), b2(h), h.number("eps"),
              h.number("weight_decay"))),
      new Case("Adagrad", given("lr", 1e-2), 5,
          (n, h) -> HandKernels.adagrad(n, h.number("lr"), h.number("eps"))),
      new Case("RMSprop", given("lr", 1e-2), 5,
          (n, h) -> HandKernels.rmsprop(n, h.number("lr"), h.number("alpha"), h.number("eps"))),
      new Case("Adadelta", given("lr", 1.0), 7,
          (n, h) -> HandKernels.adadelta(n, h.number("lr"), h.number("rho"), h.number("eps"))),
      new Case("Adamax", given("lr", 2e-3), 7,
          (n, h) -> HandKernels.adamax(n, h.number("lr"), b1(h), b2(h), h.number("eps"))),
      new Case("NAdam", given("lr", 2e-3), 7,
          (n, h) -> HandKernels.nadam(n, h.number("lr"), b1(h), b2(h), h.number("eps"),
              h.number("momentum_decay"))),
      new Case("RAdam", given("lr", 1e-3), 7,
          (n, h) -> HandKernels.radam(n, h.number("lr"), b1(h), b2(h), h.number("eps"))),
      new Case("Rprop", given("lr", 1e-2), 7,
          (n, h) -> HandKernels.rprop(n, h.number("lr"), h.pair("etas")[0], h.pair("etas")[1],
              h.pair("step_sizes")[0], h.pair("step_sizes")[1])));

  /**
   * Seconds per update of optlab and of the hand-written loop, round by round, and the largest
   * relative difference between the two sides' parameters after the last round.
   */
  record Measured(Case c, List<double[]> rounds, double maxRelativeDifference) {
    List<Double> optlab() {
      return Paired.column(rounds, 0);
    }

    List<Double> hand() {
      return Paired.column(rounds, 1);
    }

    /** Speed of optlab over the loop's, round by round: the loop's time ÷ optlab's. */
    List<Double> speedVsHand() {
      return Paired.ratio(rounds, 1, 0);
    }
  }

  private final double[][] grads = {random(N, 2), random(N, 3)};

  static double[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextDouble() * 2 - 1;
    }
    return a;
  }

  /**
   * Times {@code c}: a JIT warm-up of both sides on small arrays, then {@code warmup} untimed and
   * {@code rounds} timed updates of each side over {@value #N} parameters, alternating.
   */
  Measured measure(Case c, int warmup, int rounds) throws Exception {
    OptimizerKind kind = Optimizers.byName(c.optimizer()).orElseThrow();
    HyperValues h = HyperValues.withDefaults(kind.params(), c.given());
    if (kind.check(h) != null) {
      throw new IllegalArgumentException(c.label() + ": " + kind.check(h));
    }
    UpdateRule rule = kind.create(h);
    double lr = h.number("lr");
    double momentum = rule.momentum();
    jitWarmup(rule, c.hand().apply(JIT_N, h), lr, momentum);

    double[] optlabP = random(N, 1);
    double[] handP = optlabP.clone();
    OptimizerState state = rule.init(N);
    HandKernels.Kernel hand = c.hand().apply(N, h);
    long[] steps = new long[2];
    List<Callable<?>> tasks = List.of(
        () -> {
          long t = ++steps[0];
          rule.update(optlabP, grads[(int) (t & 1)], lr, momentum, state);
          return optlabP;
        },
        () -> {
          long t = ++steps[1];
          hand.update(handP, grads[(int) (t & 1)], t);
          return handP;
        });
    List<double[]> r = Paired.rounds(tasks, warmup, rounds);
    return new Measured(c, r, maxRelativeDifference(optlabP, handP));
  }

  private static void jitWarmup(UpdateRule rule, HandKernels.Kernel hand, double lr,
      double momentum) {
    double[] g0 = random(JIT_N, 5);
    double[] g1 = random(JIT_N, 6);
    double[] p = random(JIT_N, 4);
    double[] q = p.clone();
    OptimizerState s = rule.init(JIT_N);
    for (int t = 1; t <= JIT_UPDATES; t++) {
      double[] g = (t & 1) == 1 ? g1 : g0;
      rule.update(p, g, lr, momentum, s);
      hand.update(q, g, t);
    }
  }

  /**
   * {@code max |a - b| / max(1, |a|, |b|)} over the elements: relative, except that parameters
   * near 0 (they start uniform in [-1, 1]) count by their absolute difference. Infinite when one
   * side has a NaN the other has not.
   */
  static double maxRelativeDifference(double[] a, double[] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      if (Double.isNaN(a[i]) != Double.isNaN(b[i])) {
        return Double.POSITIVE_INFINITY;
      }
      if (a[i] != b[i] && !Double.isNaN(a[i])) {
        double scale = Math.max(1, Math.max(Math.abs(a[i]), Math.abs(b[i])));
        worst = Math.max(worst, Math.abs(a[i] - b[i]) / scale);
      }
    }
    return worst;
  }

  /** Every case measured, in order. */
  List<Measured> measureAll(int warmup, int rounds, java.util.function.Consumer<String> progress)
      throws Exception {
    List<Measured> out = new ArrayList<>();
    for (Case c : CASES) {
      progress.accept("kernels: " + c.label() + ", optlab and the hand-written loop, "
          + (warmup + rounds) + " paired rounds over " + N / 1_000_000 + "M parameters");
      out.add(measure(c, warmup, rounds));
    }
    return out;
  }
}

package dev.optlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Times several workloads in alternation, in one JVM: each round runs every workload once, in an
 * order that rotates from round to round, so a neighbour's load or a frequency change hits them
 * alike. A ratio is then taken within each round. JMH runs one benchmark after another in its own
 * JVM; on a shared two-core machine that turned the same code's time into anything from 1.0 to
 * 1.9 times the hand-written loop's, while the ratio within a round held steady.
 */
final class Paired {
  private Paired() {}

  /** Seconds per run: {@code result.get(round)[task]}; the warm-up rounds are not included. */
  static List<double[]> rounds(List<Callable<?>> tasks, int warmup, int rounds) throws Exception {
    List<double[]> out = new ArrayList<>();
    Object sink = null;
    int n = tasks.size();
    for (int r = 0; r < warmup + rounds; r++) {
      double[] seconds = new double[n];
      for (int k = 0; k < n; k++) {
        int i = (k + r) % n;
        long t0 = System.nanoTime();
        sink = tasks.get(i).call();
        seconds[i] = (System.nanoTime() - t0) / 1e9;
      }
      if (r >= warmup) {
        out.add(seconds);
      }
    }
    if (sink == null) {
      throw new AssertionError("a workload returned nothing");
    }
    return out;
  }

  static List<Double> column(List<double[]> rounds, int task) {
    return rounds.stream().map(s -> s[task]).toList();
  }

  /** {@code a[i] / b[i]} for each round. */
  static List<Double> ratio(List<double[]> rounds, int a, int b) {
    return rounds.stream().map(s -> s[a] / s[b]).toList();
  }
}

package dev.optlab.bench;

import dev.optlab.Engine;
import dev.optlab.console.TableOutput;
import dev.optlab.exec.RunControl;
import dev.optlab.source.Source;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The sweep benchmarks of the report's section (f), each a statement run through the engine and
 * the command line's table output (into a discarding stream), in one JVM:
 *
 * <ul>
 *   <li>64 trials of 100,000 Adam steps on Rosenbrock with {@code threads 1} and {@code threads
 *       2} (the speed-up);
 *   <li>2000 trials of 10 steps on one thread, against the same 2000 x 10 steps as a hand-written
 *       loop (what a trial costs beyond its steps);
 *   <li>20 trials of the digits MLP on 2 threads, against the same 20 trainings as plain {@code
 *       run}s one after another on one thread (the sweep's share of the ideal split).
 * </ul>
 */
final class SweepWorkloads {
  static final int SCALAR_TRIALS = 64;
  static final int SCALAR_STEPS = 100_000;
  static final int SHORT_TRIALS = 2000;
  static final int SHORT_STEPS = 10;
  static final int MLP_TRIALS = 20;
  static final int MLP_EPOCHS = 3;

  /** The swept learning rates: Adam converges on Rosenbrock for all of them, so every trial runs every step. */
  private static final String LRS = "logspace(1e-4, 1e-2, %d)";

  private final Engine engine = new Engine();
  private final TableOutput output =
      new TableOutput(new PrintStream(OutputStream.nullOutputStream()));
  private final double[] shortLrs = logspace(1e-4, 1e-2, SHORT_TRIALS);

  SweepWorkloads(Path root) {
    String digits = root.resolve("examples/data/digits.csv").toString().replace("\\", "/");
    engine.run(new Source("<setup>", Workloads.OBJECTIVE
        + "data digits = csv(\"" + digits + "\", target = \"digit\", scale = \"standard\","
        + " test = 0.2, seed = 0)\n"
        + "objective mlp(W1[64, 128] ~ he, b1[128] = 0, W2[128, 10] ~ xavier, b2[10] = 0) =\n"
        + "    cross_entropy(relu(digits.x @ W1 + b1) @ W2 + b2, digits.y)"
        + " + 1e-4 * (sum(W1^2) + sum(W2^2))\n"), false, output, RunControl.none());
  }

  private Object run(String text) {
    engine.run(new Source("<bench>", text), false, output, RunControl.none());
    return engine;
  }

  /** 64 trials x 100,000 steps on {@code threads} threads. */
  Object scalarSweep(int threads) {
    return run("sweep Adam(lr = " + String.format(LRS, SCALAR_TRIALS) + ") on rosenbrock for "
        + SCALAR_STEPS + " steps threads " + threads);
  }

  /** 2000 trials x 10 steps on one thread. */
  Object shortSweep() {
    return run("sweep Adam(lr = " + String.format(LRS, SHORT_TRIALS) + ") on rosenbrock for "
        + SHORT_STEPS + " steps threads 1");
  }

  /** The same 2000 x 10 steps, each trial's learning rate, as the hand-written loop. */
  double shortLoop() {
    double sum = 0;
    for (double lr : shortLrs) {
      sum += HandWritten.rosenbrockAdam(SHORT_STEPS, lr);
    }
    return sum;
  }

  private static final String MLP_CLAUSES = " on mlp batch 32 for " + MLP_EPOCHS + " epochs seed 7";

  /** 20 digits-MLP trials on {@code threads} threads. */
  Object mlpSweep(int threads) {
    return run("sweep Adam(lr = " + String.format(LRS, MLP_TRIALS) + ")" + MLP_CLAUSES
        + " threads " + threads);
  }

  /** The same 20 trainings as plain runs, one after another (the caller sets one thread). */
  Object mlpRuns() {
    for (double lr : logspace(1e-4, 1e-2, MLP_TRIALS)) {
      run("run Adam(lr = " + lr + ")" + MLP_CLAUSES);
    }
    return engine;
  }

  private static double[] logspace(double a, double b, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * i / (n - 1));
    }
    return out;
  }
}

package dev.optlab.spark;

import dev.optlab.Engine;
import dev.optlab.console.TableOutput;
import dev.optlab.exec.RunControl;
import dev.optlab.plan.SweepResult;
import dev.optlab.source.Source;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;

/**
 * The Spark benchmark (bench/spark.sh; not a test): a sweep of short scalar runs on the local
 * pool (2 threads) and on a loopback standalone cluster (2 workers of 1 core), each timed warm
 * (the second of two identical sweeps in a session), as trials/s and their ratio; and the
 * per-trial overhead of Spark, from a sweep of one-step trials.
 */
public final class SparkBench {
  private SparkBench() {}

  static String sweep(int trials, int steps) {
    return "sweep Adam(lr = logspace(1e-4, 1e-1, " + trials / 4 + "), betas = {(0.9, 0.999), "
        + "(0.95, 0.99), (0.8, 0.99), (0.5, 0.9)}) on rosenbrock for " + steps
        + " steps threads 2\n";
  }

  /** The warm sweep's wall time, in seconds: the last of {@code times} identical sweeps. */
  static double time(Engine engine, String sweep, int times) {
    List<SweepResult> results = new ArrayList<>();
    TableOutput out = new TableOutput(new PrintStream(OutputStream.nullOutputStream())) {
      @Override
      public void swept(SweepResult r) {
        results.add(r);
      }
    };
    String text = "objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n"
        + sweep.repeat(times);
    engine.run(new Source("bench.opt", text), false, out, RunControl.none());
    return results.get(results.size() - 1).nanos() / 1e9;
  }

  public static void main(String[] args) throws Exception {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    Path home = Files.createTempDirectory("optlab-spark-bench");
    try (LoopbackCluster cluster = new LoopbackCluster(home, 2)) {
      SparkConf conf = new SparkConf().setMaster(cluster.url).setAppName("optlab bench");
      cluster.driverConf().forEach(conf::set);
      double local = time(new Engine(), sweep(trials, steps), 3);
      double local1 = time(new Engine(), sweep(trials, 1), 3);
      try (SparkSweeps sweeps = new SparkSweeps(conf)) {
        Engine spark = new Engine();
        spark.runSweepsOn(sweeps);
        double remote = time(spark, sweep(trials, steps), 3);
        double remote1 = time(spark, sweep(trials, 1), 3);
        System.out.printf("sweep of %d trials x %d scalar Adam steps, 2 threads vs 2 executors%n",
            trials, steps);
        System.out.printf("  local pool : %8.1f trials/s (%.3f s)%n", trials / local, local);
        System.out.printf("  Spark      : %8.1f trials/s (%.3f s)%n", trials / remote, remote);
        System.out.printf("  ratio      : Spark runs %.2fx the local pool's trials/s%n",
            local / remote);
        double per = (remote1 - local1) / trials * 2 * 1000; // 2 executors share the trials
        System.out.printf("one-step trials: local %.3f ms/trial, Spark %.3f ms/trial (wall);"
            + " Spark's overhead %.2f ms per task, %.0fx a one-step trial on the pool%n",
            local1 / trials * 1000, remote1 / trials * 1000, per, remote1 / local1);
      }
    }
  }
}

package dev.optlab.spark;

import dev.optlab.exec.SweepScript;
import dev.optlab.exec.TrialExecutor;
import dev.optlab.source.RunError;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The session's Spark: started at its first sweep (a script without one never waits for it),
 * shared by its later sweeps, stopped at the end.
 */
public final class SparkSweeps implements TrialExecutor.Factory, AutoCloseable {
  private final SparkConf conf;
  private JavaSparkContext sc;

  /** {@code conf}: the master and any other setting (spark-submit's come as system properties). */
  public SparkSweeps(SparkConf conf) {
    this.conf = conf;
  }

  @Override
  public synchronized TrialExecutor create(SweepScript script) {
    SparkTrials.data(script); // a data file that cannot be shipped fails before Spark starts
    if (sc == null) {
      try {
        conf.setIfMissing("spark.app.name", "optlab " + script.name());
        conf.setIfMissing("spark.ui.enabled", "false");
        sc = new JavaSparkContext(conf);
        sc.setLogLevel("ERROR");
      } catch (RuntimeException e) {
        throw new RunError("cannot start Spark on " + conf.get("spark.master", "(no master)")
            + ": " + TrialFailure.describe(e));
      }
    }
    return new SparkTrials(sc, script);
  }

  /** The running context, or null before the first sweep. */
  public synchronized JavaSparkContext context() {
    return sc;
  }

  @Override
  public synchronized void close() {
    if (sc != null) {
      sc.stop();
      sc = null;
    }
  }
}

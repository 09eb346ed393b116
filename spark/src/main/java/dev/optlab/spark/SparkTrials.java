package dev.optlab.spark;

import dev.optlab.exec.RunControl;
import dev.optlab.exec.SweepScript;
import dev.optlab.exec.TrialExecutor;
import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepTrial;
import dev.optlab.source.RunError;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep's trials as Spark tasks, one task a trial: the script and its data are
 * broadcast, each task checks the script again and runs its trial ({@link Worker}), and each
 * row comes back to this driver as its task ends. Spark retries a task that throws; a trial that
 * still fails ends the sweep with its number and configuration.
 */
final class SparkTrials implements TrialExecutor {
  /** Data files larger than this in all are not shipped with the tasks. */
  static final long MAX_SHIPPED = 1L << 30;

  private final JavaSparkContext sc;
  private final SweepScript script;
  private SimpleFutureAction<BoxedUnit> job;
  private Broadcast<Bundle> broadcast;

  SparkTrials(JavaSparkContext sc, SweepScript script) {
    this.sc = sc;
    this.script = script;
  }

  /** The data files' bytes; a file too large to ship is an error before anything is sent. */
  static List<byte[]> data(SweepScript script) {
    List<byte[]> data = new ArrayList<>();
    long total = 0;
    for (String f : script.dataFiles()) {
      try {
        total += Files.size(Path.of(f));
        if (total > MAX_SHIPPED) {
          throw new RunError("the data files come to more than 1 GB with \"" + f + "\": too "
              + "much to ship to the Spark workers with the tasks; run this sweep with the local "
              + "threads, or on fewer data");
        }
        data.add(Files.readAllBytes(Path.of(f)));
      } catch (IOException e) {
        throw new RunError("cannot read data file \"" + f + "\" to ship it to the Spark "
            + "workers: " + e.getMessage());
      }
    }
    return data;
  }

  @Override
  public void start(SweepPlan plan, List<SweepTrial> pending, RunControl stop, Done done) {
    Bundle bundle = new Bundle(UUID.randomUUID().toString(), script, data(script));
    broadcast = sc.broadcast(bundle);
    List<TrialTask> tasks = pending.stream().map(t -> new TrialTask(t.index(), t.key())).toList();
    RDD<TrialTask> rdd = sc.parallelize(tasks, tasks.size()).rdd();
    boolean[] reported = new boolean[pending.size()];
    Object lock = new Object();
    Function2<Object, TrialRow, BoxedUnit> handler = (part, row) -> {
      int i = (Integer) part;
      synchronized (lock) {
        reported[i] = true;
      }
      done.finished(pending.get(i), row.result(pending.get(i)));
      return BoxedUnit.UNIT;
    };
    List<Object> partitions = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      partitions.add(i);
    }
    job = sc.sc().submitJob(rdd, new RunTask(broadcast),
        CollectionConverters.asScala(partitions).toSeq(), handler, () -> BoxedUnit.UNIT);
    Thread watcher = new Thread(() -> watch(pending, stop, done, reported, lock),
        "optlab-spark-sweep");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Waits for the job; on Ctrl-C cancels it, on failure reports the trial that failed. */
  private void watch(List<SweepTrial> pending, RunControl stop, Done done, boolean[] reported,
      Object lock) {
    Throwable failure = null;
    while (!job.isCompleted()) {
      if (stop.stopRequested()) {
        job.cancel();
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
    try {
      job.get();
    } catch (Throwable e) {
      failure = e;
    }
    List<SweepTrial> left = new ArrayList<>();
    synchronized (lock) {
      for (int i = 0; i < pending.size(); i++) {
        if (!reported[i]) {
          reported[i] = true;
          left.add(pending.get(i));
        }
      }
    }
    if (left.isEmpty()) {
      return;
    }
    if (failure == null || stop.stopRequested()) {
      left.forEach(t -> done.finished(t, null)); // cancelled: not run
      return;
    }
    TrialFailure trial = trialFailure(failure);
    SweepTrial first = left.get(0);
    if (trial != null) {
      first = pending.stream().filter(t -> t.index() == trial.index).findFirst().orElse(first);
    }
    for (SweepTrial t : left) {
      if (t == first) {
        String n = attempts(sc);
        done.failed(t, new RunError(trial != null ? trial.getMessage() + " (" + n
            + (n.equals("1") ? " attempt" : " attempts") + " on Spark)" : "Spark lost trial "
            + t.index() + " (" + t.config() + "): " + firstLine(failure)));
      } else {
        done.finished(t, null);
      }
    }
  }

  /** How many times Spark runs a task before the job fails: its conf, else its default. */
  static String attempts(JavaSparkContext sc) {
    String set = sc.getConf().get("spark.task.maxFailures", null);
    if (set != null) {
      return set;
    }
    var local = java.util.regex.Pattern.compile("local\\[[^,\\]]+,\\s*(\\d+)\\]")
        .matcher(sc.master());
    return local.matches() ? local.group(1) : sc.master().startsWith("local") ? "1" : "4";
  }

  private static TrialFailure trialFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TrialFailure f) {
        return f;
      }
    }
    return null;
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  @Override
  public void close() {
    if (job != null && !job.isCompleted()) {
      job.cancel();
    }
    if (broadcast != null) {
      broadcast.destroy(false);
    }
  }

  /** A task's work: its one trial. */
  private record RunTask(Broadcast<Bundle> bundle)
      implements Function1<Iterator<TrialTask>, TrialRow>, Serializable {
    @Override
    public TrialRow apply(Iterator<TrialTask> tasks) {
      return Worker.run(bundle.value(), tasks.next());
    }
  }
}

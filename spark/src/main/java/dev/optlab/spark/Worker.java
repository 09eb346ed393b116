package dev.optlab.spark;

import dev.optlab.SweepTrials;
import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.TrialResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

/**
 * An executor's side of a sweep: writes the shipped data files to a directory of its own, checks
 * the script again into the sweep's plan (once per sweep and executor, kept for its other
 * tasks), and runs one trial on a thread with the local pool's large stack.
 */
final class Worker {
  private Worker() {}

  /** Trials the tests make throw on their first attempts: {@code INDEX:ATTEMPTS}. */
  static final String FAIL_KEY = "spark.optlab.test.failTrial";

  private record Checked(String id, SweepPlan plan) {}

  private static Checked checked;

  private static synchronized SweepPlan plan(Bundle b) {
    if (checked == null || !checked.id().equals(b.id())) {
      checked = null; // the last sweep's data can go before this one's is read
      checked = new Checked(b.id(), check(b));
    }
    return checked.plan();
  }

  private static SweepPlan check(Bundle b) {
    try {
      Path dir = Files.createTempDirectory("optlab-spark-");
      dir.toFile().deleteOnExit();
      List<String> names = b.script().dataFiles();
      List<String> local = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        Path f = dir.resolve(i + "-" + Path.of(names.get(i)).getFileName());
        Files.write(f, b.data().get(i));
        f.toFile().deleteOnExit();
        local.add(f.toString());
      }
      // the sweep's file and picture are the driver's: named in dir, never written
      return SweepTrials.plan(b.script().name(), b.script().forWorker(local, dir.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the task's trial; anything it throws becomes a {@link TrialFailure}, retried. */
  static TrialRow run(Bundle b, TrialTask t) {
    try {
      injectedFailure(t);
      SweepPlan plan = plan(b);
      TrialResult[] result = new TrialResult[1];
      Throwable[] thrown = new Throwable[1];
      Thread th = new Thread(null, () -> {
        try {
          result[0] = SweepTrials.run(plan, t.index(), t.key());
        } catch (RuntimeException | Error e) {
          thrown[0] = e;
        }
      }, "optlab-trial-" + t.index(), 64L << 20);
      th.start();
      th.join();
      if (thrown[0] != null) {
        throw thrown[0];
      }
      return TrialRow.of(result[0]);
    } catch (Throwable e) {
      throw new TrialFailure(t.index(), t.config(), e);
    }
  }

  private static void injectedFailure(TrialTask t) {
    String spec = SparkEnv.get() == null ? null : SparkEnv.get().conf().get(FAIL_KEY, null);
    TaskContext task = TaskContext.get();
    if (spec == null || task == null) {
      return;
    }
    String[] p = spec.split(":");
    if (Integer.parseInt(p[0]) == t.index() && task.attemptNumber() < Integer.parseInt(p[1])) {
      throw new IllegalStateException("injected failure, attempt " + task.attemptNumber());
    }
  }
}

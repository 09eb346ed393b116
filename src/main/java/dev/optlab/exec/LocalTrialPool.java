package dev.optlab.exec;

import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepTrial;
import dev.optlab.tensor.Threads;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sweep's own threads ({@code threads N}): workers take trials in trial order from a shared
 * counter, each on a thread with a large stack, and report each one as it ends.
 */
public final class LocalTrialPool implements TrialExecutor {
  @Override
  public void start(SweepPlan plan, List<SweepTrial> pending, RunControl stop, Done done) {
    int threads = Math.max(1, Math.min(plan.threads(), pending.size()));
    AtomicInteger next = new AtomicInteger();
    for (int w = 0; w < threads; w++) {
      Thread t = new Thread(null, () -> work(plan, pending, next, done, stop, threads > 1),
          "optlab-sweep-" + w, 64L << 20);
      t.setDaemon(true);
      t.start();
    }
  }

  private static void work(SweepPlan plan, List<SweepTrial> pending, AtomicInteger next,
      Done done, RunControl stop, boolean serial) {
    if (serial) {
      Threads.keepProductsOnThisThread();
    }
    TrialBuffers.keepOnThisThread();
    for (int i; (i = next.getAndIncrement()) < pending.size();) {
      SweepTrial trial = pending.get(i);
      if (stop.stopRequested()) {
        done.finished(trial, null);
        continue;
      }
      try {
        done.finished(trial, TrialRunner.run(plan, trial, stop));
      } catch (RuntimeException | Error e) {
        done.failed(trial, e);
      }
    }
  }
}

package dev.optlab.exec;

import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepResult;
import dev.optlab.plan.SweepTrial;
import dev.optlab.plan.TrialResult;
import dev.optlab.source.OptlabError;
import dev.optlab.source.RunError;
import dev.optlab.source.Source;
import dev.optlab.tensor.Threads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep's trials on its threads. Workers take trials in trial order from a shared
 * counter; this thread collects what they finish and hands the results on in trial order
 * (the file's rows as soon as every earlier trial is in), so the table and the file are the same
 * bytes for any number of threads. Trials already in a resumed file are not run.
 */
public final class SweepRunner {
  private final Source source;

  public SweepRunner(Source source) {
    this.source = source;
  }

  /** A worker's report: a finished trial (null result: interrupted), or the failure it met. */
  private record Done(int index, TrialResult result, RuntimeException failure, Error error) {}

  public SweepResult run(SweepPlan plan, RunControl control) {
    List<SweepTrial> trials = plan.trials();
    TrialResult[] results = new TrialResult[trials.size()];
    List<Integer> pending = new ArrayList<>();
    for (SweepTrial t : trials) {
      List<String> row = plan.resumed().get(t.key());
      results[t.index()] = row == null ? null : TrialResult.read(plan, t, row);
      if (results[t.index()] == null) {
        pending.add(t.index());
      }
    }
    long start = System.nanoTime();
    SweepFileWriter file = plan.file() == null ? null : SweepFileWriter.open(source, plan);
    int threads = Math.max(1, Math.min(plan.threads(), pending.size()));
    BlockingQueue<Done> done = new ArrayBlockingQueue<>(Math.max(1, pending.size()));
    AtomicInteger next = new AtomicInteger();
    TrialRunner.Stop stop = new TrialRunner.Stop(control);
    for (int w = 0; w < threads; w++) {
      Thread t = new Thread(null, () -> work(plan, pending, next, done, stop, threads > 1),
          "optlab-sweep-" + w, 64L << 20);
      t.setDaemon(true);
      t.start();
    }
    SweepProgress progress = new SweepProgress(plan, control, trials.size() - pending.size(),
        trials.size(), start);
    int written = 0;
    try {
      for (int received = 0; received < pending.size(); received++) {
        Done d = take(done);
        if (d.error() != null) {
          throw d.error();
        }
        if (d.failure() != null) {
          throw d.failure();
        }
        results[d.index()] = d.result();
        if (d.result() != null) {
          progress.finished(d.result());
        }
        written = write(file, plan, results, written, false);
      }
      write(file, plan, results, written, true);
    } catch (RunError e) {
      throw new OptlabError(source, plan.span(), "sweep failed: " + e.getMessage());
    } finally {
      stop.abort(); // after a failure, the other workers stop at their next poll
      if (file != null) {
        file.closeQuietly();
      }
    }
    List<TrialResult> finished = new ArrayList<>();
    for (TrialResult r : results) {
      if (r != null) {
        finished.add(r);
      }
    }
    return new SweepResult(plan, finished, finished.size() < trials.size(),
        System.nanoTime() - start);
  }

  private static void work(SweepPlan plan, List<Integer> pending, AtomicInteger next,
      BlockingQueue<Done> done, TrialRunner.Stop control, boolean serial) {
    if (serial) {
      Threads.keepProductsOnThisThread();
    }
    TrialBuffers.keepOnThisThread();
    for (int i; (i = next.getAndIncrement()) < pending.size();) {
      int index = pending.get(i);
      if (control.stopRequested()) {
        done.add(new Done(index, null, null, null));
        continue;
      }
      try {
        done.add(new Done(index, TrialRunner.run(plan, plan.trials().get(index), control), null,
            null));
      } catch (RuntimeException e) {
        done.add(new Done(index, null, e, null));
      } catch (Error e) {
        done.add(new Done(index, null, null, e));
      }
    }
  }

  /**
   * Writes the rows of the trials finished since row {@code from}, in trial order, stopping at
   * the first not finished unless {@code all} (the sweep is over: only the finished are left).
   * Rows read from a resumed file are there already. Returns where the next write starts.
   */
  private int write(SweepFileWriter file, SweepPlan plan, TrialResult[] results, int from,
      boolean all) {
    int i = from;
    for (; i < results.length; i++) {
      TrialResult r = results[i];
      if (r == null && !all) {
        break;
      }
      if (file != null && r != null && !r.resumed()) {
        try {
          file.append(r.row(plan));
        } catch (IOException e) {
          throw file.error(e);
        }
      }
    }
    return i;
  }

  private static Done take(BlockingQueue<Done> done) {
    try {
      return done.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sweeping", e);
    }
  }
}

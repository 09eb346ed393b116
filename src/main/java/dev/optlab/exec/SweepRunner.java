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

/**
 * Runs a sweep's trials on its engine ({@link TrialExecutor}: the local threads unless another
 * is given) and hands the results on in trial order as they come in (the file's rows as soon as
 * every earlier trial is in), so the table and the file are the same bytes for any number of
 * threads and any engine. Trials already in a resumed file are not run.
 */
public final class SweepRunner {
  private final Source source;
  private final TrialExecutor executor;

  public SweepRunner(Source source) {
    this(source, new LocalTrialPool());
  }

  public SweepRunner(Source source, TrialExecutor executor) {
    this.source = source;
    this.executor = executor;
  }

  /** A trial's end: its result (null: interrupted), or the failure it met. */
  private record Done(int index, TrialResult result, Throwable failure) {}

  public SweepResult run(SweepPlan plan, RunControl control) {
    List<SweepTrial> trials = plan.trials();
    TrialResult[] results = new TrialResult[trials.size()];
    List<SweepTrial> pending = new ArrayList<>();
    for (SweepTrial t : trials) {
      List<String> row = plan.resumed().get(t.key());
      results[t.index()] = row == null ? null : TrialResult.read(plan, t, row);
      if (results[t.index()] == null) {
        pending.add(t);
      }
    }
    long start = System.nanoTime();
    SweepFileWriter file = plan.file() == null ? null : SweepFileWriter.open(source, plan);
    BlockingQueue<Done> done = new ArrayBlockingQueue<>(Math.max(1, pending.size()));
    TrialRunner.Stop stop = new TrialRunner.Stop(control);
    SweepProgress progress = new SweepProgress(plan, control, trials.size() - pending.size(),
        trials.size(), start);
    int written = 0;
    try {
      if (!pending.isEmpty()) {
        executor.start(plan, pending, stop, new TrialExecutor.Done() {
          @Override
          public void finished(SweepTrial trial, TrialResult result) {
            done.add(new Done(trial.index(), result, null));
          }

          @Override
          public void failed(SweepTrial trial, Throwable failure) {
            done.add(new Done(trial.index(), null, failure));
          }
        });
      }
      for (int received = 0; received < pending.size(); received++) {
        Done d = take(done);
        if (d.failure() instanceof Error e) {
          throw e;
        }
        if (d.failure() instanceof RuntimeException e) {
          throw e;
        }
        if (d.failure() != null) {
          throw new IllegalStateException(d.failure());
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
      stop.abort(); // after a failure, the other trials stop at their next poll
      executor.close();
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

  /**
   * Runs one trial of a checked sweep alone, on this thread, as a worker of another engine does
   * (a Spark task): the same loop and the same bits as on the local threads.
   */
  public static TrialResult runTrial(SweepPlan plan, SweepTrial trial, RunControl control) {
    Threads.keepProductsOnThisThread(); // an engine's worker runs several trials at once
    TrialBuffers.keepOnThisThread();
    try {
      return TrialRunner.run(plan, trial, new TrialRunner.Stop(control));
    } finally {
      // the calling thread is not the sweep's: a later plain run on it (a compare, whose loops
      // must each have a graph of their own) must not find a worker's shared graph here
      TrialBuffers.forgetOnThisThread();
      Threads.splitProductsAgain();
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

package dev.optlab.exec;

import dev.optlab.plan.ExecutionPlan;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an {@link ExecutionPlan}. A {@code run} streams its rows as they come; a {@code compare}
 * runs its optimizers in parallel (they share nothing) and then replays each one's rows in the
 * order they were listed, so output never depends on scheduling.
 */
public final class Executor {
  /** Runs longer than this keep no per-step losses, and a compare shows no steps-to-tolerance. */
  private static final long MAX_KEPT_LOSSES = 10_000_000;

  /** How close to the best loss a run must come for compare's "steps" column. */
  public static final double TOLERANCE = 1e-6;

  private final Source source;

  public Executor(Source source) {
    this.source = source;
  }

  public void execute(ExecutionPlan plan, RunListener listener, RunControl control) {
    try {
      if (plan.training() != null) {
        new Trainer(source).execute(plan, listener, control); // an objective on data
      } else if (plan.compare()) {
        compare(plan, listener, control);
      } else {
        run(plan, listener, control);
      }
    } catch (OptlabError e) {
      throw e;
    } catch (RuntimeException e) {
      // Whatever goes wrong inside a run is reported at the statement that started it.
      throw new OptlabError(source, plan.span(), (plan.compare() ? "compare" : "run")
          + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  private void run(ExecutionPlan plan, RunListener listener, RunControl control) {
    ExecutionPlan.OptimizerPlan o = plan.optimizers().get(0);
    listener.runStarted(plan, o);
    RunSummary summary;
    TraceFileWriter trace = null;
    try {
      if (plan.traceFile() != null) {
        trace = new TraceFileWriter(plan.traceFile(), plan.objective().params());
      }
      summary = new RunLoop(plan, o, control, false).run(row -> listener.row(plan, row), trace);
      if (trace != null) {
        trace.commit();
      }
    } catch (IOException e) {
      throw new OptlabError(source, plan.traceSpan(), "cannot write trace file: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } finally {
      if (trace != null) {
        trace.close();
      }
    }
    listener.runFinished(plan, o, summary);
  }

  private void compare(ExecutionPlan plan, RunListener listener, RunControl control) {
    List<ExecutionPlan.OptimizerPlan> optimizers = plan.optimizers();
    boolean keep = plan.loop().steps() <= MAX_KEPT_LOSSES;
    int threads = Math.min(optimizers.size(), Runtime.getRuntime().availableProcessors());
    List<RunLoop> loops = new ArrayList<>();
    List<List<TraceRow>> rows = new ArrayList<>();
    List<Future<RunSummary>> futures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(null, r, "optlab-compare", 64L << 20);
      t.setDaemon(true);
      return t;
    });
    try {
      for (ExecutionPlan.OptimizerPlan o : optimizers) {
        RunLoop loop = new RunLoop(plan, o, control, keep);
        List<TraceRow> buffer = new ArrayList<>();
        loops.add(loop);
        rows.add(buffer);
        futures.add(pool.submit(() -> loop.run(buffer::add, null)));
      }
      List<RunSummary> summaries = new ArrayList<>();
      for (Future<RunSummary> f : futures) {
        summaries.add(f.get());
      }
      double best = Double.POSITIVE_INFINITY;
      for (RunLoop loop : loops) {
        for (double loss : loop.losses()) {
          best = Math.min(best, loss);
        }
      }
      double tolerance = TOLERANCE * Math.max(1, Math.abs(best));
      for (int i = 0; i < optimizers.size(); i++) {
        if (keep) {
          summaries.set(i, summaries.get(i).withLosses(loops.get(i).losses()));
        }
        RunSummary si = summaries.get(i);
        if (plan.loop().until() != null) {
          // Under `until`, a run has reached its goal exactly when the condition stopped it.
          summaries.set(i, si.withStepsToTolerance(
              si.status() == RunSummary.Status.UNTIL ? si.last().step() : -1));
        } else if (keep && Double.isFinite(best)) {
          summaries.set(i, summaries.get(i).withStepsToTolerance(
              firstWithin(loops.get(i).losses(), summaries.get(i), best + tolerance)));
        }
        listener.runStarted(plan, optimizers.get(i));
        for (TraceRow row : rows.get(i)) {
          listener.row(plan, row);
        }
        listener.runFinished(plan, optimizers.get(i), summaries.get(i));
      }
      List<RunSummary> ranked = new ArrayList<>(summaries);
      // Runs that reached the goal first, fastest first; then the rest by final loss.
      ranked.sort(Comparator.comparingLong((RunSummary s) -> s.stepsToTolerance() < 0
              || plan.loop().until() == null ? Long.MAX_VALUE : s.stepsToTolerance())
          .thenComparingDouble(Executor::rankingLoss));
      listener.compareFinished(plan, ranked, tolerance);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while comparing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Diverged runs rank last, however their final loss reads. */
  private static double rankingLoss(RunSummary s) {
    double loss = s.last().loss();
    return s.status() == RunSummary.Status.DIVERGED || Double.isNaN(loss)
        ? Double.POSITIVE_INFINITY : loss;
  }

  private static long firstWithin(double[] losses, RunSummary s, double threshold) {
    long n = Math.min(losses.length, s.last().step() + 1);
    for (int k = 0; k < n; k++) {
      if (losses[k] <= threshold) {
        return k;
      }
    }
    return -1;
  }
}

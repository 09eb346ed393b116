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
 * Runs a plan that trains a tensor objective on data ({@link EpochLoop}), with the same events
 * and order as {@link Executor} gives scalar runs: the initial weights are drawn once from the
 * seed and every optimizer of a compare starts from them; the runs of a compare go in parallel
 * and are replayed in the order listed.
 */
final class Trainer {
  private final Source source;

  Trainer(Source source) {
    this.source = source;
  }

  void execute(ExecutionPlan plan, RunListener listener, RunControl control) {
    double[] start = plan.training().model().initialize(plan.training().seed());
    if (plan.compare()) {
      compare(plan, listener, control, start);
    } else {
      run(plan, listener, control, start);
    }
  }

  private void run(ExecutionPlan plan, RunListener listener, RunControl control, double[] start) {
    ExecutionPlan.OptimizerPlan o = plan.optimizers().get(0);
    listener.runStarted(plan, o);
    RunSummary summary;
    TraceFileWriter trace = null;
    try {
      if (plan.traceFile() != null) {
        trace = new TraceFileWriter(plan.traceFile(), plan.objective().params());
      }
      summary = new EpochLoop(plan, o, control, start).run(row -> listener.row(plan, row), trace);
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

  private void compare(ExecutionPlan plan, RunListener listener, RunControl control,
      double[] start) {
    List<ExecutionPlan.OptimizerPlan> optimizers = plan.optimizers();
    int threads = Math.min(optimizers.size(), Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(null, r, "optlab-train", 64L << 20);
      t.setDaemon(true);
      return t;
    });
    try {
      List<List<TraceRow>> rows = new ArrayList<>();
      List<Future<RunSummary>> futures = new ArrayList<>();
      for (ExecutionPlan.OptimizerPlan o : optimizers) {
        List<TraceRow> buffer = new ArrayList<>();
        rows.add(buffer);
        futures.add(pool.submit(() -> new EpochLoop(plan, o, control, start)
            .run(buffer::add, null)));
      }
      List<RunSummary> summaries = new ArrayList<>();
      for (Future<RunSummary> f : futures) {
        summaries.add(f.get());
      }
      double best = Double.POSITIVE_INFINITY;
      for (List<TraceRow> r : rows) {
        for (TraceRow row : r) {
          best = Double.isFinite(row.loss()) ? Math.min(best, row.loss()) : best;
        }
      }
      double tolerance = Executor.TOLERANCE * Math.max(1, Math.abs(best));
      for (int i = 0; i < optimizers.size(); i++) {
        RunSummary s = summaries.get(i);
        long reached = -1;
        if (plan.loop().until() != null) {
          reached = s.status() == RunSummary.Status.UNTIL ? s.last().step() : -1;
        } else if (Double.isFinite(best)) {
          for (TraceRow row : rows.get(i)) {
            if (row.loss() <= best + tolerance) {
              reached = row.step();
              break;
            }
          }
        }
        summaries.set(i, s.withStepsToTolerance(reached));
        listener.runStarted(plan, optimizers.get(i));
        for (TraceRow row : rows.get(i)) {
          listener.row(plan, row);
        }
        listener.runFinished(plan, optimizers.get(i), summaries.get(i));
      }
      List<RunSummary> ranked = new ArrayList<>(summaries);
      ranked.sort(Comparator.comparingLong((RunSummary s) -> s.stepsToTolerance() < 0
              || plan.loop().until() == null ? Long.MAX_VALUE : s.stepsToTolerance())
          .thenComparingDouble(s -> s.status() == RunSummary.Status.DIVERGED
              || Double.isNaN(s.last().loss()) ? Double.POSITIVE_INFINITY : s.last().loss()));
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
}

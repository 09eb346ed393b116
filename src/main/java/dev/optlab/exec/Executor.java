package dev.optlab.exec;

import dev.optlab.io.WriteErrors;
import dev.optlab.plan.CheckpointPlan;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.RunListener;
import dev.optlab.source.Diagnostic;
import dev.optlab.source.OptlabError;
import dev.optlab.source.RunError;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
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
import java.util.function.Function;

/**
 * Runs an {@link ExecutionPlan}. A {@code run} streams its rows as they come; a {@code compare}
 * runs its optimizers in parallel (they share nothing) and then replays each one's rows in the
 * order they were listed, so output never depends on scheduling. Scalar objectives run a {@link
 * RunLoop}, objectives on data an {@link EpochLoop}; everything else is the same.
 */
public final class Executor {
  /** Runs longer than this keep no per-step losses: "reached" then reads the traced rows. */
  private static final long MAX_KEPT_LOSSES = 10_000_000;

  /** How close to the best loss a run must come for compare's "reached" column. */
  public static final double TOLERANCE = 1e-6;

  private final Source source;

  public Executor(Source source) {
    this.source = source;
  }

  public void execute(ExecutionPlan plan, RunListener listener, RunControl control) {
    MemoryEstimate.check(source, plan);
    try {
      Function<ExecutionPlan.OptimizerPlan, Loop> loops = startingLoops(plan, control);
      if (plan.compare()) {
        compare(plan, listener, control, loops);
      } else {
        run(plan, listener, loops);
      }
    } catch (RunError e) {
      // a failure the run could meet by its nature; anything else is a bug, which the engine
      // reports as an internal error at this statement
      throw new OptlabError(source, plan.span(), (plan.compare() ? "compare" : "run")
          + " failed: " + e.getMessage());
    }
  }

  /**
   * Runs a learning-rate range test: the plan's one optimizer with the ramp as its schedule,
   * every step's loss handed to the finder, which ends the run when the smoothed loss blows up.
   * The run starts from the objective's start (or the model's seeded weights), as a run does, and
   * nothing of it is kept: the session's objective is as before.
   */
  public LrFindResult lrFind(dev.optlab.plan.LrFindPlan test, RunControl control) {
    ExecutionPlan plan = test.run();
    MemoryEstimate.check(source, plan);
    dev.optlab.plan.LrFinder finder = test.finder();
    Loop loop = startingLoops(plan, control).apply(plan.optimizers().get(0));
    loop.watch((k, lr, loss) -> finder.record(k, loss));
    long start = System.nanoTime();
    RunSummary summary;
    try {
      summary = loop.run(row -> {}, null);
    } catch (IOException e) {
      throw new IllegalStateException(e); // no trace file: cannot happen
    } catch (RunError e) {
      throw new OptlabError(source, test.span(), "lrfind failed: " + e.getMessage());
    }
    boolean interrupted = summary.status() == RunSummary.Status.INTERRUPTED;
    return new LrFindResult(test, finder, interrupted ? List.of() : finder.suggest(test.rules()),
        interrupted, System.nanoTime() - start);
  }

  /**
   * How each optimizer's loop is made; in a compare, all start from the same weights: the seeded
   * ones, or a checkpoint's ({@code from "FILE"}), read here, before anything runs.
   */
  private Function<ExecutionPlan.OptimizerPlan, Loop> startingLoops(ExecutionPlan plan,
      RunControl control) {
    CheckpointPlan c = plan.checkpoint();
    if (c == null || c.warmStart() == null) {
      return loops(plan, control, null);
    }
    try {
      return loops(plan, control, CheckpointReader.parameters(c.warmStart(), plan));
    } catch (CheckpointError e) {
      throw checkpointError(c.warmStartSpan(), "cannot start from ", e);
    }
  }

  /** How each optimizer's loop is made, from the seeded weights or the objective's start. */
  static Function<ExecutionPlan.OptimizerPlan, Loop> loops(ExecutionPlan plan,
      RunControl control) {
    return loops(plan, control, null);
  }

  /** The same, starting from {@code warm} unless it is null. */
  private static Function<ExecutionPlan.OptimizerPlan, Loop> loops(ExecutionPlan plan,
      RunControl control, double[] warm) {
    if (plan.training() != null) {
      double[] start = warm != null ? warm : plan.training().model().initialize(
          plan.training().seed());
      if (plan.training().float32()) {
        FloatData rows = TrialBuffers.floats(plan.training().data());
        return o -> new EpochLoop32(plan, o, control, start, rows);
      }
      return o -> new EpochLoop(plan, o, control, start);
    }
    boolean keep = plan.compare() && plan.loop().steps() <= MAX_KEPT_LOSSES;
    double[] from = warm;
    return o -> from == null ? new RunLoop(plan, o, control, keep)
        : new RunLoop(plan, o, control, keep).startingFrom(from);
  }

  /** A checkpoint that does not fit, at the file's name in the statement. */
  private OptlabError checkpointError(Span at, String doing, CheckpointError e) {
    String written = source.text().substring(at.start(), at.end());
    return new OptlabError(new Diagnostic(source, at, doing + written + ": " + e.getMessage(),
        e.hint == null ? List.of() : List.of(e.hint.replace("{file}", written))));
  }

  /**
   * Reads the checkpoint a run resumes from and readies the one it writes, before the run starts,
   * so that a file that does not fit changes nothing.
   */
  private void prepareCheckpoints(ExecutionPlan plan, ExecutionPlan.OptimizerPlan o, Loop loop) {
    CheckpointPlan c = plan.checkpoint();
    if (c == null || c.resume() == null && c.save() == null) {
      return;
    }
    RunState resume = null;
    if (c.resume() != null) {
      try {
        resume = CheckpointReader.resume(c.resume(), plan, o);
      } catch (CheckpointError e) {
        throw checkpointError(c.resumeSpan(), "cannot resume from ", e);
      }
    }
    loop.checkpoints(resume, c.save() == null ? null
        : new Checkpointer(plan, o, c.save(), c.every()));
  }

  private void run(ExecutionPlan plan, RunListener listener,
      Function<ExecutionPlan.OptimizerPlan, Loop> loops) {
    ExecutionPlan.OptimizerPlan o = plan.optimizers().get(0);
    Loop loop = loops.apply(o);
    prepareCheckpoints(plan, o, loop);
    listener.runStarted(plan, o);
    RunSummary summary;
    TraceFileWriter trace = null;
    try {
      if (plan.traceFile() != null) {
        trace = new TraceFileWriter(plan.traceFile(), plan.objective().params());
      }
      summary = loop.run(row -> listener.row(plan, row), trace);
      if (trace != null) {
        trace.commit();
      }
    } catch (Checkpointer.WriteFailed e) {
      Span at = plan.checkpoint().saveSpan();
      String written = source.text().substring(at.start(), at.end());
      throw new OptlabError(source, at, "cannot write checkpoint " + written + ": "
          + (e.getCause().getMessage() == null ? "input/output error"
          : WriteErrors.why((Exception) e.getCause())));
    } catch (IOException e) {
      // the span is the file name as written, quotes and all: say which file could not be written
      String written = source.text().substring(plan.traceSpan().start(), plan.traceSpan().end());
      throw new OptlabError(source, plan.traceSpan(), "cannot write trace file " + written + ": "
          + (e.getMessage() == null ? "input/output error" : WriteErrors.why(e)));
    } finally {
      if (trace != null) {
        trace.close();
      }
    }
    listener.runFinished(plan, o, summary);
  }

  private void compare(ExecutionPlan plan, RunListener listener, RunControl control,
      Function<ExecutionPlan.OptimizerPlan, Loop> loops) {
    List<ExecutionPlan.OptimizerPlan> optimizers = plan.optimizers();
    int threads = Math.min(optimizers.size(), Runtime.getRuntime().availableProcessors());
    List<Loop> started = new ArrayList<>();
    List<List<TraceRow>> rows = new ArrayList<>();
    List<Future<RunSummary>> futures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(null, r, "optlab-compare", 64L << 20);
      t.setDaemon(true);
      return t;
    });
    try {
      for (ExecutionPlan.OptimizerPlan o : optimizers) {
        Loop loop = loops.apply(o);
        List<TraceRow> buffer = new ArrayList<>();
        started.add(loop);
        rows.add(buffer);
        futures.add(pool.submit(() -> loop.run(buffer::add, null)));
      }
      List<RunSummary> summaries = new ArrayList<>();
      for (Future<RunSummary> f : futures) {
        summaries.add(f.get());
      }
      List<double[][]> histories = new ArrayList<>();
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < optimizers.size(); i++) {
        double[][] h = history(started.get(i), rows.get(i), summaries.get(i));
        histories.add(h);
        for (double loss : h[1]) {
          best = Double.isFinite(loss) ? Math.min(best, loss) : best;
        }
        if (started.get(i) instanceof RunLoop r) {
          best = Math.min(best, r.bestLoss()); // between traced rows too
        }
      }
      double tolerance = TOLERANCE * Math.max(1, Math.abs(best));
      for (int i = 0; i < optimizers.size(); i++) {
        RunSummary s = summaries.get(i);
        if (started.get(i).losses() != null) {
          s = s.withLosses(started.get(i).losses());
        }
        summaries.set(i, s.withStepsToTolerance(reached(plan, s, started.get(i),
            histories.get(i), best + tolerance)));
        listener.runStarted(plan, optimizers.get(i));
        for (TraceRow row : rows.get(i)) {
          listener.row(plan, row);
        }
        listener.runFinished(plan, optimizers.get(i), summaries.get(i));
      }
      // Runs that reached the goal first, fastest first; then the rest by final loss.
      // An interruption that left them at different steps keeps them in the order listed.
      List<RunSummary> ranked = new ArrayList<>(summaries);
      if (RunSummary.rankable(summaries)) {
        ranked.sort(Comparator.comparingLong((RunSummary s) -> s.stepsToTolerance() < 0
                || plan.loop().until() == null ? Long.MAX_VALUE : s.stepsToTolerance())
            .thenComparingDouble(Executor::rankingLoss));
      }
      listener.compareFinished(plan, ranked, tolerance);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while comparing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      } else if (e.getCause() instanceof Error error) {
        throw error; // out of memory: the engine words it at the statement
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The steps and losses a run is judged by: every step where kept, else its traced rows. */
  private static double[][] history(Loop loop, List<TraceRow> rows, RunSummary summary) {
    double[] losses = loop.losses();
    if (losses != null) {
      int n = (int) Math.min(losses.length, summary.last().step() + 1);
      double[] steps = new double[n];
      for (int k = 0; k < n; k++) {
        steps[k] = k;
      }
      return new double[][] {steps, java.util.Arrays.copyOf(losses, n)};
    }
    double[][] h = new double[2][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      h[0][i] = rows.get(i).step();
      h[1][i] = rows.get(i).loss();
    }
    return h;
  }

  /**
   * Compare's "reached": under {@code until}, the step where it held; otherwise the first step
   * whose loss came within the tolerance of the best loss any optimizer reached; -1 for never.
   */
  private static long reached(ExecutionPlan plan, RunSummary s, Loop loop, double[][] history,
      double threshold) {
    if (plan.loop().until() != null) {
      return s.status() == RunSummary.Status.UNTIL ? s.last().step() : -1;
    }
    if (!Double.isFinite(threshold)) {
      return -1; // no run ever had a finite loss
    }
    if (loop.losses() == null && loop instanceof RunLoop r) {
      // too long to keep every loss: the traced rows would snap "reached" to the row interval
      return r.bestLoss() <= threshold ? r.firstStepAtOrBelow(threshold) : -1;
    }
    for (int i = 0; i < history[1].length; i++) {
      if (history[1][i] <= threshold) {
        return (long) history[0][i];
      }
    }
    return -1;
  }

  /** Diverged runs rank last, however their final loss reads. */
  private static double rankingLoss(RunSummary s) {
    double loss = s.last().loss();
    return s.status() == RunSummary.Status.DIVERGED || Double.isNaN(loss)
        ? Double.POSITIVE_INFINITY : loss;
  }
}

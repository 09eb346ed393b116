package dev.optlab.exec;

import dev.optlab.diff.Evaluator;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.StopCondition;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * One optimizer's run, step by step exactly as the PyTorch reference loop goes (see
 * {@code shared/oracle/torch_trace.py}): at step k read the lr, evaluate loss and gradient,
 * record the row, stop if this is the last step, the loss is not finite or {@code until} holds,
 * else update the parameters and step the schedule with the loss. The loop touches only
 * primitive arrays; it allocates only for traced rows ({@code HotLoopAllocationTest}).
 */
final class RunLoop implements Loop {
  private final ExecutionPlan plan;
  private final ExecutionPlan.OptimizerPlan optimizer;
  private final RunControl control;
  /** Every step's loss, kept only when a compare needs it to count steps to its tolerance. */
  private final boolean keepLosses;
  private double[] losses = new double[0];
  private StepWatcher watcher;
  /** The lowest finite loss of the last run, kept whether or not every loss is. */
  private double bestLoss = Double.POSITIVE_INFINITY;
  /** Where the run starts: the plan's start, or a checkpoint's parameters (a warm start). */
  private double[] start;
  private RunState resume;
  private Checkpointer saver;

  RunLoop(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer, RunControl control,
      boolean keepLosses) {
    this.plan = plan;
    this.optimizer = optimizer;
    this.control = control;
    this.keepLosses = keepLosses;
    this.start = plan.objective().start();
  }

  /** Starts from {@code p} instead of the plan's start: a checkpoint's parameters. */
  RunLoop startingFrom(double[] p) {
    this.start = p.clone();
    return this;
  }

  @Override
  public void checkpoints(RunState resume, Checkpointer saver) {
    this.resume = resume;
    this.saver = saver;
  }

  @Override
  public void watch(StepWatcher w) {
    this.watcher = w;
  }

  @Override
  public double[] losses() {
    return keepLosses ? losses : null;
  }

  @Override
  public RunSummary run(Consumer<TraceRow> rows, TraceFileWriter traceFile) throws IOException {
    String name = optimizer.runName();
    Evaluator f = plan.objective().function().evaluator();
    double[] p = resume != null ? resume.params().clone() : start.clone();
    double[] g = new double[p.length];
    OptimizerStepper stepper = new OptimizerStepper(optimizer, plan.layout());
    double[] shown = stepper.hasEvalPoint() ? new double[p.length] : p;
    long first = 0;
    if (resume != null) {
      stepper.restore(resume);
      first = resume.step();
    }
    StopCondition.Evaluator until = plan.loop().until() == null ? null
        : plan.loop().until().evaluator();
    // resumed, the steps counted on from the checkpoint's: the trace goes on where it stopped
    long steps = first + plan.loop().steps();
    long every = plan.loop().every();
    if (keepLosses) {
      losses = new double[(int) Math.min(steps + 1, 1 << 20)];
    }

    // Only a step whose norm something reads computes it: on Rosenbrock + Adam the norm of every
    // step took 7% of the run (bench/README.md), the rest of the gap to a hand-written loop.
    boolean normEveryStep = until != null || traceFile != null;
    long began = System.nanoTime();
    long untilTrace = 0;
    RunSummary.Status status = RunSummary.Status.COMPLETED;
    TraceRow last = null;
    long k = first;
    for (;; k++) {
      if (saver != null && k > first && k < steps && saver.due(k)) {
        saver.save(k, p, stepper, null);
      }
      double lr = stepper.lr();
      double trainLoss = f.valueAndGradient(p, g);
      // a rule with eval = ... is traced (and stopped, and ranked) at its evaluation point
      double loss = shown == p ? trainLoss : reported(f, stepper, p, shown);
      if (keepLosses) {
        record(k, loss);
      }
      if (loss < bestLoss) {
        bestLoss = loss;
      }
      boolean finite = Double.isFinite(loss) && Double.isFinite(trainLoss);
      boolean traced = untilTrace == 0;
      double gradNorm = normEveryStep || traced || k == steps || !finite ? norm(g) : Double.NaN;
      boolean stopByCondition = until != null && until.holds(loss, gradNorm, k);
      boolean end = k == steps || stopByCondition;
      if (watcher != null && k < steps && !watcher.step(k, lr, loss)) {
        // the watcher saw this step's loss; the update it is paired with does not matter after
        last = new TraceRow(name, k, lr, loss, norm(g), shown.clone());
        break;
      }
      if (traced || end) {
        last = new TraceRow(name, k, lr, loss, gradNorm, shown.clone());
        rows.accept(last);
      }
      untilTrace = traced ? plan.loop().gapAfter(k) : untilTrace - 1;
      if (traceFile != null) {
        traceFile.write(name, k, lr, loss, gradNorm, shown);
      }
      if (!finite || end) {
        status = !finite ? RunSummary.Status.DIVERGED
            : stopByCondition ? RunSummary.Status.UNTIL : RunSummary.Status.COMPLETED;
        if (last == null || last.step() != k) {
          last = new TraceRow(name, k, lr, loss, gradNorm, shown.clone());
        }
        break;
      }
      if ((k & (RunControl.POLL_INTERVAL - 1)) == RunControl.POLL_INTERVAL - 1) {
        control.progress(name, k, steps, loss, System.nanoTime() - began);
        if (control.stopRequested()) {
          status = RunSummary.Status.INTERRUPTED;
          last = new TraceRow(name, k, lr, loss, norm(g), shown.clone());
          rows.accept(last);
          break;
        }
      }
      stepper.update(p, g);
      stepper.stepSchedule(trainLoss);
    }
    if (saver != null && status != RunSummary.Status.DIVERGED) {
      // the state after k updates: the loop stops before update k (a diverged run keeps the last
      // checkpoint written on the way, whose numbers are still finite)
      saver.save(k, p, stepper, null);
    }
    return new RunSummary(name, status, last, -1, System.nanoTime() - began);
  }

  /** The lowest loss the last {@link #run} saw (+infinity if none was finite). */
  double bestLoss() {
    return bestLoss;
  }

  /**
   * Runs again from the start, untraced, and returns the first step whose loss is at most {@code
   * threshold}, or -1. A compare too long to keep every loss finds its "reached" step this way:
   * the run is deterministic, so the second pass sees the same losses, and it stops at that step.
   */
  long firstStepAtOrBelow(double threshold) {
    Evaluator f = plan.objective().function().evaluator();
    double[] p = start.clone();
    double[] g = new double[p.length];
    OptimizerStepper stepper = new OptimizerStepper(optimizer, plan.layout());
    double[] shown = stepper.hasEvalPoint() ? new double[p.length] : p;
    long steps = plan.loop().steps();
    for (long k = 0; k <= steps; k++) {
      double trainLoss = f.valueAndGradient(p, g);
      double loss = shown == p ? trainLoss : reported(f, stepper, p, shown);
      if (loss <= threshold) {
        return k;
      }
      if (!Double.isFinite(loss) || (k & (RunControl.POLL_INTERVAL - 1))
          == RunControl.POLL_INTERVAL - 1 && control.stopRequested()) {
        return -1;
      }
      stepper.update(p, g);
      stepper.stepSchedule(trainLoss);
    }
    return -1;
  }

  /** The loss at the rule's evaluation point, which it writes into {@code shown}. */
  private static double reported(Evaluator f, OptimizerStepper stepper, double[] p,
      double[] shown) {
    stepper.evalPoint(p, shown);
    return f.value(shown);
  }

  /** Euclidean norm summed in order from 0, as the reference computes it. */
  private static double norm(double[] g) {
    double s = 0;
    for (double v : g) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  private void record(long k, double loss) {
    if (k >= losses.length) {
      losses = java.util.Arrays.copyOf(losses, (int) Math.min(Integer.MAX_VALUE - 8,
          Math.max(k + 1, losses.length * 2L)));
    }
    losses[(int) k] = loss;
  }
}

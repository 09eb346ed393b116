package dev.optlab.exec;

import dev.optlab.data.Dataset;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.Metric;
import dev.optlab.plan.StopCondition;
import dev.optlab.plan.TrainingPlan;
import dev.optlab.tensor.Graph;
import dev.optlab.tensor.Model;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * One optimizer training a tensor objective on data, as a PyTorch training loop does (docs/
 * tensors.md). At update {@code k}: read the lr; on a traced step, take the loss and gradient
 * over the whole training set (and the metrics) and record the row; stop after the last step;
 * else take the next minibatch (the rows reshuffled from the seed at the start of each epoch,
 * the last one of an epoch smaller when the batch does not divide the rows), its loss and
 * gradient, update the parameters and step the schedule (after every update, or after every
 * epoch with the epoch's mean minibatch loss). Buffers are all planned before the first step;
 * a step allocates nothing.
 */
final class EpochLoop implements Loop {
  private final ExecutionPlan plan;
  private final ExecutionPlan.OptimizerPlan optimizer;
  private final RunControl control;
  private final TrainingPlan t;
  private final Model model;
  private final Dataset data;
  private final double[] p;
  private final double[] g;
  private final double[] acc;
  /** The last update's size, for update_norm and checkpoints; null when neither wants it. */
  private UpdateNorms updates;
  private final Graph graph;
  private int correct;
  private int predictions;

  EpochLoop(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer, RunControl control,
      double[] start) {
    this.plan = plan;
    this.optimizer = optimizer;
    this.control = control;
    this.t = plan.training();
    this.model = t.model();
    this.data = t.data();
    this.p = start.clone();
    this.g = new double[p.length];
    this.acc = new double[p.length];
    this.graph = TrialBuffers.graph(model, t.chunk(), p, g);
  }

  private StepWatcher watcher;
  /** The gradient point y while a row is taken at a rule's evaluation point; else null. */
  private double[] ys;
  private boolean swapped;
  private RunState resume;
  private Checkpointer saver;

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
    return null; // the training loss is computed at traced rows only
  }

  @Override
  public RunSummary run(Consumer<TraceRow> rows, TraceFileWriter traceFile) throws IOException {
    String name = optimizer.runName();
    OptimizerStepper stepper = new OptimizerStepper(optimizer, plan.layout());
    StopCondition.Evaluator until = plan.loop().until() == null ? null
        : plan.loop().until().evaluator();
    long first = 0;
    long every = plan.loop().every();
    boolean full = t.fullBatch();
    EpochCursor epochs = new EpochCursor(t);
    // the gradient point y while the row is taken at the evaluation point
    ys = stepper.hasEvalPoint() ? new double[p.length] : null;
    updates = UpdateNorms.of(p.length, false,
        t.metrics().stream().anyMatch(Metric::comparesUpdates), saver != null);
    if (resume != null) {
      System.arraycopy(resume.params(), 0, p, 0, p.length);
      stepper.restore(resume);
      first = resume.step();
      epochs.resume(resume.training(), first);
      if (updates != null) {
        updates.resume(first, resume.training().updateNorm(), resume.training().updateGradNorm());
      }
    }
    // resumed, the steps counted on from the checkpoint's, so epochs and rows go on
    long steps = first + plan.loop().steps();

    long start = System.nanoTime();
    RunSummary.Status status = RunSummary.Status.COMPLETED;
    TraceRow last = null;
    long k = first;
    for (;; k++) {
      epochs.beginStep(k);
      if (saver != null && k > first && k < steps && saver.due(k)) {
        saver.save(k, p, stepper, epochs.training(updates.updateNorm(k, p), updates.gradNorm()));
      }
      double lr = stepper.lr();
      boolean traced = k % every == 0 || k == steps || k == first;
      double loss = Double.NaN;
      if (traced || full) {
        loss = pass(data == null ? null : data.train(), true, t.metrics().contains(
            Metric.TRAIN_ACCURACY) && traced);
      }
      double trainLoss = loss;
      if (traced) {
        double gradNorm = norm(g);
        if (ys != null) { // a rule with eval = ...: the row shows its evaluation point
          System.arraycopy(p, 0, ys, 0, p.length);
          stepper.evalPoint(ys, p);
          swapped = true;
          loss = pass(data == null ? null : data.train(), false, t.metrics().contains(
              Metric.TRAIN_ACCURACY));
        }
        last = row(name, k, lr, loss, gradNorm);
        if (ys != null) {
          System.arraycopy(ys, 0, p, 0, p.length);
          swapped = false;
        }
        rows.accept(last);
        if (traceFile != null) {
          traceFile.write(name, k, lr, loss, last.gradNorm(), last.params());
        }
        if (until != null && until.holds(loss, last.gradNorm(), k)) {
          status = RunSummary.Status.UNTIL;
          break;
        }
      }
      if (k == steps) {
        break;
      }
      double batchLoss = full ? trainLoss : minibatch(epochs.at(k), epochs.order);
      if (watcher != null && !watcher.step(k, lr, batchLoss)) {
        break; // the watcher ends the run after this step (lrfind)
      }
      if (!Double.isFinite(batchLoss)) {
        status = RunSummary.Status.DIVERGED;
        if (!traced) {
          // the summary carries the divergence; the trace holds traced steps only, as a scalar
          // run's does (docs/language.md), so this row is not sent to it
          double l = full ? loss : pass(data.train(), true, false);
          last = row(name, k, lr, l, norm(g));
        }
        break;
      }
      if (control.stopRequested()) {
        status = RunSummary.Status.INTERRUPTED;
        if (!traced) {
          last = row(name, k, lr, pass(data == null ? null : data.train(), true, false), norm(g));
          rows.accept(last);
        }
        break;
      }
      // every step: a full-batch step over a large model can take minutes (a loss over 10^6
      // classes took 24 with no sign of life), and the progress line throttles its own redraws
      control.progress(name, k + 1, steps, batchLoss, System.nanoTime() - start);
      if (updates != null && updates.wants(k, every, steps)) {
        updates.beforeUpdate(p, norm(g));
      }
      stepper.update(p, g);
      if (saver != null && epochs.cutsEpoch(stepper, k, steps)) {
        epochs.keepEndOfRun(stepper, k, batchLoss, updates.updateNorm(k + 1, p),
            updates.gradNorm());
      }
      epochs.stepSchedule(stepper, k, steps, batchLoss);
    }
    if (saver != null && status != RunSummary.Status.DIVERGED) {
      // the state after k updates (a diverged run keeps the last checkpoint written on the way)
      epochs.saveAtEnd(saver, k, steps, p, stepper, updates.updateNorm(k, p), updates.gradNorm());
    }
    return new RunSummary(name, status, last, -1, System.nanoTime() - start);
  }

  /** The loss and gradient of minibatch {@code at} of the epoch. */
  private double minibatch(int at, int[] order) {
    Dataset.Part train = data.train();
    int n = train.rows();
    int b = t.batch();
    int from = at * b;
    int rows = Math.min(b, n - from);
    int cols = train.cols();
    double[] x = graph.x();
    double[] y = graph.y();
    for (int r = 0; r < rows; r++) {
      int src = order[from + r];
      train.copyRow(src, x, r * cols);
      y[r] = train.y()[src];
    }
    graph.bindOwn(rows);
    double loss = graph.forward();
    graph.backward();
    return loss;
  }

  /**
   * The objective over all of {@code part}'s rows, read in place a chunk at a time (the
   * row-weighted average of the chunks' values, exact for a mean over rows), with its gradient
   * in {@code g} when asked; counts right predictions when asked.
   */
  private double pass(Dataset.Part part, boolean gradient, boolean count) {
    correct = 0;
    predictions = 0;
    if (part == null) {
      graph.rows(1);
      double v = graph.forward();
      if (gradient) {
        graph.backward();
      }
      return v;
    }
    int n = part.rows();
    int chunk = graph.capacity();
    int cols = part.cols();
    double loss = 0;
    boolean chunked = n > chunk;
    if (chunked && gradient) {
      java.util.Arrays.fill(acc, 0);
    }
    for (int from = 0; from < n; from += chunk) {
      int rows = Math.min(chunk, n - from);
      if (part.x() != null) { // read in place
        graph.bind(part.x(), from * cols, part.y(), from, rows);
      } else { // decoded into the graph's own rows (features held as bytes)
        part.copyRows(from, rows, graph.x(), 0);
        System.arraycopy(part.y(), from, graph.y(), 0, rows);
        graph.bindOwn(rows);
      }
      double v = graph.forward();
      if (count) {
        correct += graph.correct(model);
        predictions += graph.predictions(model);
      }
      if (!chunked) {
        loss = v;
      } else {
        double w = (double) rows / n;
        loss += w * v;
      }
      if (gradient) {
        graph.backward();
        if (chunked) {
          accumulate((double) rows / n);
        }
      }
    }
    if (chunked && gradient) {
      System.arraycopy(acc, 0, g, 0, g.length);
    }
    return loss;
  }

  /** {@code acc += w * g}, in chunks on the tensor threads when large (each element apart). */
  private void accumulate(double w) {
    if (!dev.optlab.tensor.Threads.splitsElements(acc.length)) {
      for (int i = 0; i < acc.length; i++) {
        acc[i] += w * g[i];
      }
      return;
    }
    dev.optlab.tensor.Threads.forElements(acc.length, (from, to) -> {
      for (int i = from; i < to; i++) {
        acc[i] += w * g[i];
      }
    });
  }

  /** The parameters the updates changed: y, also while p holds the evaluation point. */
  private double[] updated() {
    return swapped ? ys : p;
  }

  private TraceRow row(String name, long k, double lr, double loss, double gradNorm) {
    java.util.List<Metric> metrics = t.metrics();
    java.util.List<Model.Param> params = model.params();
    double trainAccuracy = predictions == 0 ? Double.NaN : (double) correct / predictions;
    double[] cols = new double[1 + params.size() + metrics.size()];
    cols[0] = (double) k / t.stepsPerEpoch();
    for (int i = 0; i < params.size(); i++) {
      Model.Param q = params.get(i);
      cols[1 + i] = norm(p, q.offset(), q.size());
    }
    double testLoss = Double.NaN;
    double testAccuracy = Double.NaN;
    if (metrics.stream().anyMatch(Metric::heldOut)) {
      testLoss = pass(data.test(), false, metrics.contains(Metric.ACCURACY));
      testAccuracy = predictions == 0 ? Double.NaN : (double) correct / predictions;
    }
    for (int i = 0; i < metrics.size(); i++) {
      cols[1 + params.size() + i] = switch (metrics.get(i)) {
        case TEST_LOSS -> testLoss;
        case ACCURACY -> testAccuracy;
        case UPDATE_NORM -> updates.updateNorm(k, updated());
        case EFFECTIVE_LR -> UpdateNorms.effectiveLr(k, updates.updateNorm(k, updated()),
            updates.gradNorm());
        case TRAIN_ACCURACY -> trainAccuracy;
      };
    }
    return new TraceRow(name, k, lr, loss, gradNorm, cols);
  }

  /** Euclidean norm, summed in order from the first element. */
  private static double norm(double[] v) {
    return norm(v, 0, v.length);
  }

  private static double norm(double[] v, int from, int length) {
    double s = 0;
    for (int i = from; i < from + length; i++) {
      s += v[i] * v[i];
    }
    return Math.sqrt(s);
  }
}

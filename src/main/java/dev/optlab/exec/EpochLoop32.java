package dev.optlab.exec;

import dev.optlab.data.Dataset;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.Metric;
import dev.optlab.plan.StopCondition;
import dev.optlab.plan.TrainingPlan;
import dev.optlab.tensor.Graph32;
import dev.optlab.tensor.Model;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * {@link EpochLoop} with {@code dtype = float32}: its steps, minibatches, shuffles, traced rows
 * and stops, on float32 parameters, gradients, rows and optimizer state. The trace shows the
 * float values as numbers (PyTorch's {@code .item()}); a loss over chunks is their row-weighted
 * average, in float64.
 */
final class EpochLoop32 implements Loop {
  private final ExecutionPlan plan;
  private final ExecutionPlan.OptimizerPlan optimizer;
  private final RunControl control;
  private final TrainingPlan t;
  private final Model model;
  private final Dataset data;
  private final FloatData rows;
  private final float[] p, g;
  private final double[] acc;
  private final Graph32 graph;
  private int correct, predictions;
  private UpdateNorms updates; // for update_norm and checkpoints; null when neither wants it
  private StepWatcher watcher;
  private RunState resume;
  private Checkpointer saver;

  EpochLoop32(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer, RunControl control,
      double[] start, FloatData rows) {
    this.plan = plan;
    this.optimizer = optimizer;
    this.control = control;
    this.t = plan.training();
    this.model = t.model();
    this.data = t.data();
    this.rows = rows;
    this.p = new float[start.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) start[i];
    }
    this.g = new float[p.length];
    this.acc = new double[p.length];
    this.graph = TrialBuffers.graph32(model, t.chunk(), p, g);
  }

  @Override
  public void watch(StepWatcher w) {
    this.watcher = w;
  }

  /** Goes on from {@code resume} (float32 tensors, checked) and writes F32 checkpoints. */
  @Override
  public void checkpoints(RunState resume, Checkpointer saver) {
    this.resume = resume;
    this.saver = saver;
  }

  @Override
  public double[] losses() {
    return null; // the training loss is computed at traced rows only
  }

  @Override
  public RunSummary run(Consumer<TraceRow> out, TraceFileWriter traceFile) throws IOException {
    String name = optimizer.runName();
    OptimizerStepper stepper = new OptimizerStepper(optimizer, plan.layout(), true);
    StopCondition.Evaluator until = plan.loop().until() == null ? null
        : plan.loop().until().evaluator();
    long first = 0, every = plan.loop().every();
    boolean full = t.fullBatch();
    EpochCursor epochs = new EpochCursor(t);
    updates = UpdateNorms.of(p.length, true,
        t.metrics().stream().anyMatch(Metric::comparesUpdates), saver != null);
    if (resume != null) { // as EpochLoop's; the file's floats are exact
      for (int i = 0; i < p.length; i++) {
        p[i] = (float) resume.params()[i];
      }
      stepper.restore(resume);
      first = resume.step();
      epochs.resume(resume.training(), first);
      if (updates != null) {
        updates.resume(first, resume.training().updateNorm(), resume.training().updateGradNorm());
      }
    }
    long steps = first + plan.loop().steps();
    long start = System.nanoTime();
    RunSummary.Status status = RunSummary.Status.COMPLETED;
    TraceRow last = null;
    long k = first;
    for (;; k++) {
      epochs.beginStep(k);
      if (saver != null && k > first && k < steps && saver.due(k)) {
        saver.save(k, wide(p), stepper, epochs.training(updates.updateNorm(k, p),
            updates.gradNorm()));
      }
      double lr = stepper.lr();
      boolean traced = k % every == 0 || k == steps || k == first;
      double loss = Double.NaN;
      if (traced || full) {
        loss = pass(true, true, t.metrics().contains(Metric.TRAIN_ACCURACY) && traced);
      }
      if (traced) {
        last = row(name, k, lr, loss, FloatData.norm(g, 0, g.length));
        out.accept(last);
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
      double batchLoss = full ? loss : minibatch(epochs.at(k), epochs.order);
      if (watcher != null && !watcher.step(k, lr, batchLoss)) {
        break; // lrfind
      }
      if (!Double.isFinite(batchLoss) || control.stopRequested()) {
        boolean diverged = !Double.isFinite(batchLoss);
        status = diverged ? RunSummary.Status.DIVERGED : RunSummary.Status.INTERRUPTED;
        if (!traced) { // as EpochLoop: a divergence is in the summary, an interruption traced
          last = row(name, k, lr, full && diverged ? loss : pass(true, true, false),
              FloatData.norm(g, 0, g.length));
          if (!diverged) {
            out.accept(last);
          }
        }
        break;
      }
      control.progress(name, k + 1, steps, batchLoss, System.nanoTime() - start);
      if (updates != null && updates.wants(k, every, steps)) {
        updates.beforeUpdate(p, FloatData.norm(g, 0, g.length));
      }
      stepper.update(p, g);
      if (saver != null && epochs.cutsEpoch(stepper, k, steps)) {
        epochs.keepEndOfRun(stepper, k, batchLoss, updates.updateNorm(k + 1, p),
            updates.gradNorm());
      }
      epochs.stepSchedule(stepper, k, steps, batchLoss);
    }
    if (saver != null && status != RunSummary.Status.DIVERGED) {
      epochs.saveAtEnd(saver, k, steps, wide(p), stepper, updates.updateNorm(k, p),
          updates.gradNorm());
    }
    return new RunSummary(name, status, last, -1, System.nanoTime() - start);
  }

  /** The parameters widened exactly, for a checkpoint (which writes them back as floats). */
  private static double[] wide(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  /** The loss and gradient of minibatch {@code at} of the epoch (rows in {@code order}). */
  private double minibatch(int at, int[] order) {
    int n = data.train().rows(), b = t.batch();
    int from = at * b;
    int count = Math.min(b, n - from);
    int cols = data.train().cols();
    float[] x = graph.x(), y = graph.y();
    for (int r = 0; r < count; r++) {
      int src = order[from + r];
      System.arraycopy(rows.trainX(), src * cols, x, r * cols, cols);
      y[r] = rows.trainY()[src];
    }
    graph.bindOwn(count);
    double loss = graph.forward();
    graph.backward();
    return loss;
  }

  /** The objective over the training (or held-out) rows, a chunk at a time, as EpochLoop's. */
  private double pass(boolean train, boolean gradient, boolean count) {
    correct = 0;
    predictions = 0;
    if (data == null) {
      graph.rows(1);
      double v = graph.forward();
      if (gradient) {
        graph.backward();
      }
      return v;
    }
    Dataset.Part part = train ? data.train() : data.test();
    float[] xs = train ? rows.trainX() : rows.testX();
    float[] ys = train ? rows.trainY() : rows.testY();
    int n = part.rows(), chunk = graph.capacity(), cols = part.cols();
    double loss = 0;
    boolean chunked = n > chunk;
    if (chunked && gradient) {
      java.util.Arrays.fill(acc, 0);
    }
    for (int from = 0; from < n; from += chunk) {
      int r = Math.min(chunk, n - from);
      graph.bind(xs, from * cols, ys, from, r);
      double v = graph.forward();
      if (count) {
        correct += graph.correct(model);
        predictions += graph.predictions(model);
      }
      double w = (double) r / n;
      loss = chunked ? loss + w * v : v;
      if (gradient) {
        graph.backward();
        for (int i = 0; chunked && i < acc.length; i++) {
          acc[i] += w * g[i];
        }
      }
    }
    for (int i = 0; chunked && gradient && i < g.length; i++) {
      g[i] = (float) acc[i];
    }
    return loss;
  }

  private TraceRow row(String name, long k, double lr, double loss, double gradNorm) {
    java.util.List<Metric> metrics = t.metrics();
    java.util.List<Model.Param> params = model.params();
    double trainAccuracy = predictions == 0 ? Double.NaN : (double) correct / predictions;
    double[] cols = new double[1 + params.size() + metrics.size()];
    cols[0] = (double) k / t.stepsPerEpoch();
    for (int i = 0; i < params.size(); i++) {
      Model.Param q = params.get(i);
      cols[1 + i] = FloatData.norm(p, q.offset(), q.size());
    }
    double testLoss = Double.NaN;
    double testAccuracy = Double.NaN;
    if (metrics.stream().anyMatch(Metric::heldOut)) {
      testLoss = pass(false, false, metrics.contains(Metric.ACCURACY));
      testAccuracy = predictions == 0 ? Double.NaN : (double) correct / predictions;
    }
    for (int i = 0; i < metrics.size(); i++) {
      cols[1 + params.size() + i] = switch (metrics.get(i)) {
        case TEST_LOSS -> testLoss;
        case ACCURACY -> testAccuracy;
        case UPDATE_NORM -> updates.updateNorm(k, p);
        case EFFECTIVE_LR -> UpdateNorms.effectiveLr(k, updates.updateNorm(k, p),
            updates.gradNorm());
        case TRAIN_ACCURACY -> trainAccuracy;
      };
    }
    return new TraceRow(name, k, lr, loss, gradNorm, cols);
  }
}

package dev.optlab.check;

import dev.optlab.ast.RunSpec;
import dev.optlab.ast.Stmt;
import dev.optlab.data.Dataset;
import dev.optlab.diff.ExprCompiler;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.Metric;
import dev.optlab.plan.StopCondition;
import dev.optlab.plan.TrainingPlan;
import dev.optlab.source.Span;
import dev.optlab.source.Suggest;
import dev.optlab.tensor.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a {@code run} or {@code compare} of an objective on data (docs/tensors.md): its length
 * in epochs or steps, minibatch size, seed, trace interval and metrics, each checked against
 * the data set and the objective before anything runs.
 */
final class TrainingPlanner {
  /** Doubles of graph buffers one run may plan for a pass over many rows (64 MB). */
  static final long CHUNK_BUDGET = 8L << 20;
  /** The most rows one float32 pass reads (see {@link #chunk}). */
  static final long FLOAT32_CHUNK = 2048;

  private final Values values;
  private final OptimizerResolver optimizers;

  TrainingPlanner(Values values, OptimizerResolver optimizers) {
    this.values = values;
    this.optimizers = optimizers;
  }

  ExecutionPlan plan(RunSpec spec, Span span, Declaration.Model declared) {
    Model model = declared.model();
    Dataset data = model.data();
    RunSpec.Training t = spec.training() != null ? spec.training()
        : new RunSpec.Training(null, null, null, List.of(), null, span);
    String what = spec.compare() ? "compare" : "run";
    List<ExecutionPlan.OptimizerPlan> plans = Planner.optimizerPlans(
        optimizers.resolveAll(spec.optimizers()), Planner.clip(values, spec.clip(),
            model.params().stream().mapToInt(q -> q.offset() + q.size()).toArray()));
    if (spec.from() != null) {
      throw values.error(spec.from().span(), "from sets scalar parameters; " + model.name()
          + " starts from its initializers, drawn with the run's seed: change the seed instead");
    }
    int rows = data == null ? 1 : data.train().rows();
    int batch = rows;
    if (t.batch() != null) {
      if (data == null) {
        throw values.error(t.batch().span(), model.name() + " reads no data set, so there is "
            + "nothing to split into minibatches");
      }
      long b = values.whole(t.batch(), 1, "the batch size");
      if (b > rows) {
        throw values.error(t.batch().span(), "batch " + b + " is larger than the " + rows
            + " training rows of " + data.name() + "; leave batch out for full-batch training");
      }
      batch = (int) b;
    }
    long perEpoch = (rows + batch - 1) / batch;
    long epochs = -1;
    long steps;
    if (t.epochs() != null) {
      epochs = values.whole(t.epochs(), 0, "the number of epochs");
      steps = epochs * perEpoch;
    } else if (spec.steps() != null) {
      steps = values.whole(spec.steps(), 0, "the number of steps");
    } else {
      throw values.error(span, what + " needs its length: add 'for N epochs' or 'for N steps'");
    }
    long unit = epochs >= 0 ? perEpoch : 1;
    long length = epochs >= 0 ? epochs : steps;
    long every = spec.every() == null ? Math.max(1, (length + 9) / 10) * unit
        : values.whole(spec.every(), 1, "every") * unit;
    long seed = t.seed() == null ? 0 : values.whole(t.seed(), 0, "the seed");
    boolean byEpoch = t.perEpoch() != null;
    long scheduleSteps = TrainingPlan.scheduleSteps(steps, perEpoch, byEpoch);
    for (ExecutionPlan.OptimizerPlan o : plans) {
      if (o.schedule() != null && o.schedule().maxSteps() < scheduleSteps) {
        throw values.error(span, "this " + what + " steps its schedule " + scheduleSteps
            + " times, but the schedule of " + o.runName() + " lasts " + o.schedule().maxSteps());
      }
    }
    List<Metric> metrics = metrics(t.metrics(), model);
    StopCondition until = null;
    if (spec.until() != null) {
      RunSpec.Condition c = spec.until();
      until = new StopCondition(
          ExprCompiler.compile(values.source(), c.left(), StopCondition.VARIABLES, values.env()),
          c.op(),
          ExprCompiler.compile(values.source(), c.right(), StopCondition.VARIABLES, values.env()),
          values.source().text(c.span()));
    }
    java.nio.file.Path trace = spec.trace() == null ? null
        : OutputFiles.writable(values, spec.trace().path(), spec.trace().span(), "trace file");
    boolean float32 = Dtypes.float32(values, t.dtype(), spec.optimizers(), plans);
    if (data != null && data.float32() && !float32) {
      throw values.error(span, data.name() + " holds its features in float32 (dtype = "
          + "\"float32\" where it is declared); add dtype = float32 to the " + what);
    }
    TrainingPlan training = new TrainingPlan(model, data, batch, perEpoch, epochs,
        epochs >= 0, seed, byEpoch, metrics, chunk(model, batch, float32), float32);
    List<String> columns = training.columns();
    var objective = new ExecutionPlan.ObjectivePlan(model.name(), columns, null,
        new double[columns.size()]);
    return new ExecutionPlan(span, spec.compare(), objective, plans,
        new ExecutionPlan.LoopPlan(steps, every, until), trace,
        spec.trace() == null ? null : spec.trace().span(), training);
  }

  private List<Metric> metrics(List<Stmt.Ident> asked, Model model) {
    List<Metric> metrics = new ArrayList<>();
    Dataset data = model.data();
    for (Stmt.Ident m : asked) {
      String name = m.name();
      Metric metric = Metric.byText(name).orElseThrow(() -> values.error(m.span(),
          "unknown metric '" + name + "' (the metrics are " + String.join(", ", Metric.texts())
          + ")" + Suggest.didYouMean(name, Metric.texts())));
      if (metrics.contains(metric)) {
        throw values.error(m.span(), "metric " + name + " is listed twice");
      }
      if (metric.heldOut() && (data == null || data.test().rows() == 0)) {
        throw values.error(m.span(), name + " is measured on held-out rows, but "
            + (data == null ? model.name() + " reads no data set" : data.name()
            + " has none: give it test = 0.2 (the fraction of rows to hold out)"));
      }
      if (metric.classifier() && model.lossNode() < 0) {
        throw values.error(m.span(), name + " needs a classifier: an objective with one "
            + "cross_entropy or bce_with_logits, whose logits it reads");
      }
      metrics.add(metric);
    }
    return metrics;
  }

  /**
   * The rows one pass reads: every row of the larger part in one pass when the buffers fit the
   * budget (or the objective is not a mean over rows, so it cannot be taken in chunks), and at
   * least a minibatch.
   */
  private static int chunk(Model model, int batch, boolean float32) {
    Dataset data = model.data();
    if (data == null) {
      return 1;
    }
    int most = Math.max(data.train().rows(), data.test().rows());
    long fits = CHUNK_BUDGET / model.doublesPerRow();
    if (float32) {
      // at most FLOAT32_CHUNK rows: a weight's gradient sums over the chunk's rows, and the
      // float32 tiles read the chunk's rows of both operands per tile of the result; over
      // 15,000 rows those left the L2 cache: the gradient's product took 2.3x its forward
      // product's time, same multiply-adds (profiled; bench/README.md)
      fits = Math.min(2 * fits, FLOAT32_CHUNK);
    }
    return (int) Math.max(batch, model.rowMean() ? Math.min(most, fits) : most);
  }
}

package dev.optlab.plan;

import dev.optlab.data.Dataset;
import dev.optlab.tensor.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a plan that trains a tensor objective on data (docs/tensors.md): minibatches,
 * epochs, the seed that draws the initial weights and shuffles the rows, the metrics. Every
 * optimizer of a compare starts from the same weights and sees the same minibatches in the same
 * order, since both come from the seed alone.
 *
 * @param batch rows per update; the whole training set when it is the number of training rows
 * @param stepsPerEpoch updates per pass over the training rows ({@code ceil(rows / batch)}: the
 *     last minibatch of an epoch may be smaller, as PyTorch's {@code DataLoader} makes it)
 * @param epochs the run's length in epochs, or -1 when it was given in steps
 * @param everyEpochs whether {@code every} was counted in epochs
 * @param perEpoch whether the schedule steps once per epoch instead of once per update
 * @param metrics {@code test_loss}, {@code accuracy}, {@code train_accuracy}, {@code
 *     update_norm}, {@code effective_lr}, as asked
 * @param chunk the most rows one pass of the graph reads: losses over more rows are taken a
 *     chunk at a time
 * @param float32 whether parameters, data, gradients and optimizer state are float32 ({@code
 *     dtype = float32}) instead of float64
 */
public record TrainingPlan(Model model, Dataset data, int batch, long stepsPerEpoch, long epochs,
    boolean everyEpochs, long seed, boolean perEpoch, List<Metric> metrics, int chunk,
    boolean float32) {

  public TrainingPlan {
    metrics = List.copyOf(metrics);
  }

  public TrainingPlan(Model model, Dataset data, int batch, long stepsPerEpoch, long epochs,
      boolean everyEpochs, long seed, boolean perEpoch, List<Metric> metrics, int chunk) {
    this(model, data, batch, stepsPerEpoch, epochs, everyEpochs, seed, perEpoch, metrics, chunk,
        false);
  }

  /** The same training from another seed: other initial weights and minibatch order. */
  public TrainingPlan withSeed(long seed) {
    return new TrainingPlan(model, data, batch, stepsPerEpoch, epochs, everyEpochs, seed, perEpoch,
        metrics, chunk, float32);
  }

  /**
   * How many times a run of {@code steps} updates steps its schedule: once per update, or once
   * per epoch begun when it steps {@code per epoch} (a last, partial epoch steps it too).
   */
  public static long scheduleSteps(long steps, long stepsPerEpoch, boolean perEpoch) {
    return perEpoch ? (steps + stepsPerEpoch - 1) / stepsPerEpoch : steps;
  }

  /** {@link #scheduleSteps(long, long, boolean)} of this training. */
  public long scheduleSteps(long steps) {
    return scheduleSteps(steps, stepsPerEpoch, perEpoch);
  }

  /** Whether each update sees every training row. */
  public boolean fullBatch() {
    return data == null || batch >= data.train().rows();
  }

  /**
   * The trace's columns after {@code grad_norm}: the epoch, each parameter's norm ({@code |W|}),
   * then the metrics asked for.
   */
  public List<String> columns() {
    List<String> c = new ArrayList<>();
    c.add("epoch");
    for (Model.Param p : model.params()) {
      c.add("|" + p.name() + "|");
    }
    metrics.forEach(m -> c.add(m.text()));
    return c;
  }

  /** {@code digits, batch 32, 20 epochs, seed 7}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (data != null) {
      sb.append(data.name()).append(" (").append(data.train().rows()).append(" training rows), ");
    }
    sb.append(fullBatch() ? "full batch" : "batch " + batch);
    if (epochs >= 0) {
      sb.append(", ").append(epochs).append(epochs == 1 ? " epoch" : " epochs");
    }
    return sb.append(", seed ").append(seed).append(float32 ? ", float32" : "").toString();
  }
}

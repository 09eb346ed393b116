package dev.optlab.exec;

import dev.optlab.io.SafeTensors;
import dev.optlab.optim.OptimizerState;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.TrainingPlan;
import dev.optlab.trace.Numbers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's state as a safetensors file (docs/language.md, "Checkpoints"): {@code
 * param/<name>} for each parameter tensor, {@code state/<name>/<buffer>} for each optimizer
 * buffer in PyTorch's names, split per parameter tensor as PyTorch keeps {@code state[p]}, and in
 * the metadata the counters, the schedule's and the shuffle's state, and what optimizer and
 * objective wrote it. A rule with named buffers (a user's, one day) fits without change here.
 */
final class Checkpointer {
  static final String FORMAT = "optlab-checkpoint-1";

  private final ExecutionPlan plan;
  private final ExecutionPlan.OptimizerPlan optimizer;
  private final Path file;
  private final long every;
  private final List<RunState.Slot> layout;

  Checkpointer(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer, Path file,
      long every) {
    this.plan = plan;
    this.optimizer = optimizer;
    this.file = file;
    this.every = every;
    this.layout = RunState.layout(plan);
  }

  /** Whether the state after {@code k} updates is written on the way, not only at the end. */
  boolean due(long k) {
    return every > 0 && k % every == 0;
  }

  /** Writes the state after {@code step} updates, whole or not at all. */
  void save(long step, double[] p, OptimizerStepper stepper, RunState.Training training)
      throws IOException {
    save(step, p, stepper, training, stepper.scheduleState());
  }

  /** The same with the schedule's state as given (before a run's last, partial-epoch step). */
  void save(long step, double[] p, OptimizerStepper stepper, RunState.Training training,
      double[] schedule) throws IOException {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    if (stepper.float32()) { // without it, float64, as PyTorch's tools and older files have it
      meta.put("dtype", "float32");
    }
    meta.put("objective", plan.objective().name());
    meta.put("parameters", String.join(",", layout.stream().map(RunState.Slot::name).toList()));
    meta.put("optimizer", optimizer.config().describe());
    meta.put("optimizer_kind", optimizer.config().kind().name());
    meta.put("schedule", optimizer.schedule() == null ? "" : optimizer.config().scheduleText());
    meta.put("schedule_state", schedule == null ? "" : numbers(schedule));
    meta.put("step", Long.toString(step));
    meta.put("lr", Numbers.repr(stepper.lr()));
    meta.put("momentum", Numbers.repr(stepper.momentum()));
    TrainingPlan t = plan.training();
    if (t != null) {
      meta.put("epoch", Numbers.repr((double) step / t.stepsPerEpoch()));
      meta.put("steps_per_epoch", Long.toString(t.stepsPerEpoch()));
      meta.put("batch", Integer.toString(t.batch()));
      meta.put("seed", Long.toString(t.seed()));
      meta.put("training_rows", Integer.toString(t.data() == null ? 1 : t.data().train().rows()));
      meta.put("shuffle_state", Long.toString(training.shuffle()));
      meta.put("epoch_loss", Numbers.repr(training.epochLoss()));
      meta.put("epoch_updates", Long.toString(training.epochUpdates()));
      meta.put("update_norm", Numbers.repr(training.updateNorm()));
      meta.put("update_grad_norm", Numbers.repr(training.updateGradNorm()));
    }
    boolean f32 = stepper.float32(); // the values are floats then, written as F32
    Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
    for (RunState.Slot s : layout) {
      tensors.put("param/" + s.name(), new SafeTensors.Tensor(s.shape(), slice(p, s), f32));
    }
    Map<String, double[]> saved = stepper.savedBuffers();
    java.util.Set<String> shared = stepper.sharedBuffers();
    for (RunState.Slot s : layout) {
      for (Map.Entry<String, double[]> b : saved.entrySet()) {
        tensors.put("state/" + s.name() + "/" + b.getKey(), shared.contains(b.getKey())
            ? new SafeTensors.Tensor(new long[0], b.getValue().clone(), f32)
            : new SafeTensors.Tensor(s.shape(), slice(b.getValue(), s), f32));
      }
    }
    if (!f32 && stepper.tensorBuffers(0) != null) {
      // a user rule's states have their own shapes: written per tensor as they are
      for (int i = 0; i < layout.size(); i++) {
        for (Map.Entry<String, OptimizerState.Buffer> b
            : stepper.tensorBuffers(i).entrySet()) {
          tensors.put("state/" + layout.get(i).name() + "/" + b.getKey(),
              new SafeTensors.Tensor(b.getValue().shape(), b.getValue().data(), false));
        }
      }
    }
    try {
      SafeTensors.write(file, meta, tensors);
    } catch (IOException e) {
      throw new WriteFailed(e);
    }
  }

  /** Writing the checkpoint failed: told apart from the trace file's failures. */
  static final class WriteFailed extends IOException {
    WriteFailed(IOException cause) {
      super(cause);
    }
  }

  private static double[] slice(double[] flat, RunState.Slot s) {
    return java.util.Arrays.copyOfRange(flat, s.offset(), s.offset() + s.size());
  }

  /** Numbers as Python's repr writes them, comma-separated: exact, and Python's float() reads them. */
  static String numbers(double[] values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      Numbers.appendRepr(sb.append(i == 0 ? "" : ","), values[i]);
    }
    return sb.toString();
  }
}

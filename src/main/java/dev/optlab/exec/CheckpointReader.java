package dev.optlab.exec;

import dev.optlab.io.SafeTensors;
import dev.optlab.optim.OptimizerState;
import dev.optlab.optim.ParamLayout;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.TrainingPlan;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a checkpoint ({@link Checkpointer}) and checks it against the run that would use it,
 * before the run changes anything: the parameters' names and shapes, and to resume, the
 * optimizer's kind and buffers, the schedule and how the data is batched. Every mismatch is a
 * {@link CheckpointError} naming what differs.
 */
final class CheckpointReader {
  private final Path file;
  private final ExecutionPlan plan;
  private final SafeTensors.Contents contents;
  private final Map<String, String> meta;
  private final List<RunState.Slot> layout;

  private CheckpointReader(Path file, ExecutionPlan plan) throws CheckpointError {
    this.file = file;
    this.plan = plan;
    try {
      this.contents = SafeTensors.read(file);
    } catch (NoSuchFileException e) {
      throw new CheckpointError("no such file");
    } catch (IOException e) {
      throw new CheckpointError(e.getMessage() == null ? "input/output error"
          : "cannot read it: " + e.getClass().getSimpleName().replace("Exception", ""));
    } catch (SafeTensors.Invalid e) {
      throw new CheckpointError(e.getMessage());
    }
    this.meta = contents.metadata();
    this.layout = RunState.layout(plan);
  }

  /** The parameters of {@code file}, flat in the run's layout: a warm start. */
  static double[] parameters(Path file, ExecutionPlan plan) throws CheckpointError {
    return new CheckpointReader(file, plan).params();
  }

  /** The whole state of {@code file}, checked to fit {@code optimizer} of the run. */
  static RunState resume(Path file, ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer)
      throws CheckpointError {
    CheckpointReader r = new CheckpointReader(file, plan);
    if (!Checkpointer.FORMAT.equals(r.meta.get("format"))) {
      throw new CheckpointError("it holds no optlab run state (its metadata has no format \""
          + Checkpointer.FORMAT + "\")", "to start from its parameters alone, write from {file} instead of resume");
    }
    r.dtypes();
    double[] params = r.params();
    long step = CheckpointMeta.whole(r.meta, "step");
    if (step > 1L << 53) {
      throw new CheckpointError("its metadata's step " + step + " is past 2^53, where step "
          + "counts stop being exact");
    }
    Map<String, double[]> buffers = r.buffers(optimizer);
    double[] schedule = r.schedule(optimizer);
    RunState.Training training = r.training();
    return new RunState(step, params, buffers, schedule, training);
  }

  /**
   * To resume, every tensor must be of the run's dtype: going on bit for bit leaves no room for
   * rounding (a warm start takes either, as the run's start rounds any start).
   */
  private void dtypes() throws CheckpointError {
    boolean f32 = plan.training() != null && plan.training().float32();
    for (Map.Entry<String, SafeTensors.Tensor> e : contents.tensors().entrySet()) {
      if (e.getValue().float32() != f32) {
        throw new CheckpointError("its tensor " + SafeTensors.printable(e.getKey()) + " is "
            + e.getValue().dtype() + ", but this run is " + (f32 ? "float32 (dtype = float32)"
            : "float64"), f32 ? "to start from its parameters alone, write from {file} instead "
            + "of resume" : "resume it with dtype = float32, or start from its parameters "
            + "alone: from {file}");
      }
    }
  }

  private double[] params() throws CheckpointError {
    int size = layout.stream().mapToInt(RunState.Slot::size).sum();
    double[] p = new double[size];
    Set<String> known = new TreeSet<>();
    for (RunState.Slot s : layout) {
      known.add(s.name());
      SafeTensors.Tensor t = contents.tensors().get("param/" + s.name());
      if (t == null) {
        throw new CheckpointError("it has no parameter " + s.name() + " of "
            + plan.objective().name() + " (it holds " + paramNames() + ")");
      }
      if (!java.util.Arrays.equals(t.shape(), s.shape())) {
        throw new CheckpointError("parameter " + s.name() + " is " + shape(t.shape())
            + " in it, but " + shape(s.shape()) + " in " + plan.objective().name(),
            "it was written for another objective");
      }
      System.arraycopy(t.data(), 0, p, s.offset(), s.size());
    }
    for (String name : contents.tensors().keySet()) {
      if (name.startsWith("param/") && !known.contains(name.substring(6))) {
        throw new CheckpointError("it holds parameter " + SafeTensors.printable(name.substring(6))
            + ", which "
            + plan.objective().name() + " does not have", "it was written for another objective");
      }
      if (!name.startsWith("param/") && !name.startsWith("state/")) {
        throw new CheckpointError("it holds a tensor '" + SafeTensors.printable(name) + "' that is neither param/NAME "
            + "nor state/NAME/BUFFER");
      }
    }
    return p;
  }

  private String paramNames() {
    List<String> names = contents.tensors().keySet().stream().filter(n -> n.startsWith("param/"))
        .map(n -> SafeTensors.printable(n.substring(6))).toList();
    return names.isEmpty() ? "no parameters" : String.join(", ", names);
  }

  /** The buffers, flat in the rule's layout, after checking they are the rule's own. */
  private Map<String, double[]> buffers(ExecutionPlan.OptimizerPlan optimizer)
      throws CheckpointError {
    String kind = optimizer.config().kind().name();
    String written = meta.getOrDefault("optimizer_kind", "");
    if (!written.equals(kind)) {
      throw new CheckpointError("it holds the state of " + (written.isEmpty() ? "no optimizer"
          : SafeTensors.printable(written)) + ", but this run's optimizer is " + kind, "to start " + kind
          + " from its parameters alone, write from {file} instead of resume");
    }
    int size = layout.stream().mapToInt(RunState.Slot::size).sum();
    OptimizerState fresh = optimizer.config().rule().init(paramLayout());
    if (fresh.tensorBuffers(0) != null) {
      return tensorBuffers(fresh, optimizer);
    }
    Map<String, double[]> expected = fresh.buffers();
    String keeps = String.join(", ", expected.keySet());
    Map<String, double[]> flat = new HashMap<>();
    for (String name : contents.tensors().keySet()) {
      if (!name.startsWith("state/")) {
        continue;
      }
      String buffer = name.substring(name.lastIndexOf('/') + 1);
      if (!expected.containsKey(buffer)) {
        throw new CheckpointError("it holds buffer " + SafeTensors.printable(buffer) + ", which "
            + optimizer.config().describe() + " does not keep (it keeps " + keeps + ")",
            "it was written by another optimizer or other options");
      }
    }
    for (Map.Entry<String, double[]> e : expected.entrySet()) {
      String buffer = e.getKey();
      boolean shared = fresh.shared().contains(buffer);
      double[] into = new double[e.getValue().length];
      int present = 0;
      for (RunState.Slot s : layout) {
        SafeTensors.Tensor t = contents.tensors().get("state/" + s.name() + "/" + buffer);
        if (t == null) {
          continue;
        }
        present++;
        long[] want = shared ? new long[0] : s.shape();
        if (!java.util.Arrays.equals(t.shape(), want)) {
          throw new CheckpointError("buffer " + buffer + " of " + s.name() + " is "
              + shape(t.shape()) + ", not " + shape(want));
        }
        if (shared) {
          if (present > 1 && Double.compare(into[0], t.data()[0]) != 0) {
            throw new CheckpointError("buffer " + buffer + " differs between parameters");
          }
          into[0] = t.data()[0];
        } else {
          System.arraycopy(t.data(), 0, into, s.offset(), s.size());
        }
      }
      if (present == 0 && fresh.optional().contains(buffer)) {
        continue;
      }
      if (present < layout.size()) {
        RunState.Slot missing = layout.stream().filter(s -> !contents.tensors().containsKey(
            "state/" + s.name() + "/" + buffer)).findFirst().orElseThrow();
        throw new CheckpointError("it has no buffer " + buffer + " for " + missing.name()
            + ", which " + optimizer.config().describe() + " keeps",
            "it was written by another optimizer or other options");
      }
      flat.put(buffer, into);
    }
    return flat;
  }

  /** The run's parameter tensors, as the optimizer sees them. */
  private ParamLayout paramLayout() {
    List<ParamLayout.Tensor> tensors = new java.util.ArrayList<>();
    for (RunState.Slot s : layout) {
      int[] dims = new int[s.shape().length];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = (int) s.shape()[i];
      }
      tensors.add(new ParamLayout.Tensor(s.name(), dims, s.offset(), s.size()));
    }
    return new ParamLayout(tensors);
  }

  /**
   * A user rule's buffers, each of its own shape per tensor (its states, row and column
   * statistics, scalars), under the keys {@code TENSOR_INDEX/NAME} its state loads.
   */
  private Map<String, double[]> tensorBuffers(OptimizerState fresh,
      ExecutionPlan.OptimizerPlan optimizer) throws CheckpointError {
    Map<String, double[]> out = new HashMap<>();
    java.util.Set<String> known = new java.util.HashSet<>();
    for (int i = 0; i < layout.size(); i++) {
      RunState.Slot s = layout.get(i);
      for (Map.Entry<String, OptimizerState.Buffer> e : fresh.tensorBuffers(i).entrySet()) {
        String name = "state/" + s.name() + "/" + e.getKey();
        known.add(name);
        SafeTensors.Tensor t = contents.tensors().get(name);
        if (t == null) {
          throw new CheckpointError("it has no buffer " + e.getKey() + " for " + s.name()
              + ", which " + optimizer.config().describe() + " keeps",
              "it was written by another rule or other options");
        }
        if (!java.util.Arrays.equals(t.shape(), e.getValue().shape())) {
          throw new CheckpointError("buffer " + e.getKey() + " of " + s.name() + " is "
              + shape(t.shape()) + ", not " + shape(e.getValue().shape()));
        }
        out.put(i + "/" + e.getKey(), t.data());
      }
    }
    for (String name : contents.tensors().keySet()) {
      if (name.startsWith("state/") && !known.contains(name)) {
        throw new CheckpointError("it holds " + SafeTensors.printable(name) + ", which "
            + optimizer.config().describe() + " does not keep",
            "it was written by another rule or other options");
      }
    }
    return out;
  }

  private double[] schedule(ExecutionPlan.OptimizerPlan optimizer) throws CheckpointError {
    String ours = optimizer.schedule() == null ? "" : optimizer.config().scheduleText();
    String theirs = meta.getOrDefault("schedule", "");
    if (!ours.equals(theirs)) {
      throw new CheckpointError("it was written with " + (theirs.isEmpty() ? "no schedule"
          : "schedule " + SafeTensors.printable(theirs)) + ", but this run has " + (ours.isEmpty() ? "none" : ours),
          "to change the schedule, start from its parameters alone: from {file}");
    }
    if (optimizer.schedule() == null) {
      return null;
    }
    String text = meta.getOrDefault("schedule_state", "");
    String[] parts = text.isEmpty() ? new String[0] : text.split(",", -1);
    double[] state = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      state[i] = CheckpointMeta.number("schedule_state", parts[i]);
    }
    // a dry run on a fresh schedule: the numbers must be exactly as many as it takes
    var fresh = optimizer.schedule().start(optimizer.config().lr(),
        optimizer.config().rule().momentum());
    var it = java.util.Arrays.stream(state).iterator();
    try {
      fresh.restore(it);
    } catch (java.util.NoSuchElementException e) {
      it = null;
    }
    if (it == null || it.hasNext()) {
      throw new CheckpointError("its schedule_state does not fit the schedule " + ours);
    }
    return state;
  }

  private RunState.Training training() throws CheckpointError {
    TrainingPlan t = plan.training();
    if (t == null) {
      if (meta.containsKey("batch")) {
        throw new CheckpointError("it was written by a run on data; " + plan.objective().name()
            + " has scalar parameters");
      }
      return null;
    }
    int rows = t.data() == null ? 1 : t.data().train().rows();
    check("training_rows", rows, "training rows");
    check("batch", t.batch(), "the batch size");
    check("seed", t.seed(), "the seed");
    return new RunState.Training(CheckpointMeta.wholeOrNegative(meta, "shuffle_state"),
        CheckpointMeta.number("epoch_loss", meta.getOrDefault("epoch_loss", "")),
        CheckpointMeta.whole(meta, "epoch_updates"), optional("update_norm"),
        optional("update_grad_norm"));
  }

  /** A number the file may leave out (one written by PyTorch's tools): NaN, "not known". */
  private double optional(String key) throws CheckpointError {
    String v = meta.get(key);
    return v == null ? Double.NaN : CheckpointMeta.number(key, v);
  }

  private void check(String key, long ours, String what) throws CheckpointError {
    long theirs = CheckpointMeta.whole(meta, key);
    if (theirs != ours) {
      throw new CheckpointError("it was trained with " + key.replace('_', ' ') + " " + theirs
          + ", this run with " + ours, "give the run " + what + " the checkpoint's run had");
    }
  }

  private static String shape(long[] s) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < s.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(s[i]);
    }
    return sb.append(s.length == 0 ? "] (a scalar)" : "]").toString();
  }
}

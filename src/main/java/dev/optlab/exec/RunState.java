package dev.optlab.exec;

import dev.optlab.plan.ExecutionPlan;
import dev.optlab.tensor.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs to go on from step {@link #step} exactly as if it had never stopped: what
 * a checkpoint file holds once read and checked ({@link CheckpointReader}).
 *
 * @param params the flat parameters after {@code step} updates
 * @param buffers the optimizer's buffers by PyTorch's name, flat over all parameters as the rule
 *     keeps them (one element for a shared one)
 * @param schedule what the schedule's {@code save} wrote, or null without a schedule
 * @param training where a run on data stands in its epochs, or null for a scalar objective
 */
record RunState(long step, double[] params, Map<String, double[]> buffers, double[] schedule,
    Training training) {

  /**
   * @param shuffle the shuffling generator's state before the shuffle of the epoch step {@code
   *     step} falls in, which that shuffle replays
   * @param epochLoss the sum of this epoch's minibatch losses so far, for a schedule stepped per
   *     epoch with their mean
   * @param epochUpdates how many there were
   * @param updateNorm the length of the last update, {@code |p_step - p_(step-1)|} (0 at step
   *     0), which the first row of a resumed run shows as {@code update_norm}
   * @param updateGradNorm the length of the minibatch gradient that update came from, for {@code
   *     effective_lr} (NaN before any update, or when the file does not say: PyTorch's)
   */
  record Training(long shuffle, double epochLoss, long epochUpdates, double updateNorm,
      double updateGradNorm) {}

  /** One parameter tensor's place in the flat arrays. */
  record Slot(String name, long[] shape, int offset, int size) {}

  /** The run's parameter tensors in declaration order; a scalar parameter has the shape []. */
  static List<Slot> layout(ExecutionPlan plan) {
    List<Slot> slots = new ArrayList<>();
    if (plan.training() != null) {
      for (Model.Param q : plan.training().model().params()) {
        long[] shape = java.util.Arrays.stream(q.shape().dims()).asLongStream().toArray();
        slots.add(new Slot(q.name(), shape, q.offset(), q.size()));
      }
    } else {
      List<String> names = plan.objective().params();
      for (int i = 0; i < names.size(); i++) {
        slots.add(new Slot(names.get(i), new long[0], i, 1));
      }
    }
    return slots;
  }
}

package dev.optlab.exec;

import dev.optlab.data.Rng;
import dev.optlab.plan.TrainingPlan;

/**
 * Where a run on data stands in its epochs, shared by {@link EpochLoop} and {@link EpochLoop32}:
 * the epoch's row order and the generator it was shuffled from, the sums a schedule stepped per
 * epoch takes its mean loss from, and what a checkpoint records of them, so that a resumed run
 * goes on with the same minibatches and schedule steps as a run that never stopped.
 */
final class EpochCursor {
  private final TrainingPlan t;
  private final long perEpoch;
  /** The training rows in the current epoch's order. */
  final int[] order;
  private Rng shuffle;
  /** The shuffle's state before this epoch's shuffle: what a checkpoint records. */
  private long epochShuffle;
  private double epochLoss;
  private long epochUpdates;
  /**
   * A run that ends mid-epoch with a schedule stepped per epoch steps it at its own end, which
   * is not the epoch's: the schedule's state and the epoch's sums before that step, for the
   * checkpoint, which keeps the epoch open. Null otherwise.
   */
  private double[] endSchedule;
  private RunState.Training endTraining;

  EpochCursor(TrainingPlan t) {
    this.t = t;
    this.perEpoch = t.stepsPerEpoch();
    this.order = new int[t.data() == null ? 1 : t.data().train().rows()];
    this.shuffle = Rng.of(t.seed(), Rng.SHUFFLE);
    this.epochShuffle = shuffle.state();
  }

  /** Goes on from a checkpoint after {@code first} updates: its shuffle and epoch sums. */
  void resume(RunState.Training r, long first) {
    shuffle = Rng.resume(r.shuffle());
    epochShuffle = r.shuffle();
    epochLoss = r.epochLoss();
    epochUpdates = r.epochUpdates();
    if (!t.fullBatch() && first % perEpoch != 0) {
      shuffleOrder(); // the epoch's order, drawn again from where its shuffle began
    }
  }

  /**
   * Before step {@code k}: a new epoch's rows are shuffled here rather than with its first
   * minibatch, so that a checkpoint at any step knows which state the epoch's order came from.
   */
  void beginStep(long k) {
    if (!t.fullBatch() && k % perEpoch == 0) {
      epochShuffle = shuffle.state();
      shuffleOrder();
    }
  }

  private void shuffleOrder() {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    shuffle.shuffle(order);
  }

  /** The place of step {@code k} in its epoch (the minibatch it takes). */
  int at(long k) {
    return (int) (k % perEpoch);
  }

  /** What a checkpoint records now, with the last update's norms ({@link UpdateNorms}). */
  RunState.Training training(double updateNorm, double updateGradNorm) {
    return new RunState.Training(epochShuffle, epochLoss, epochUpdates, updateNorm,
        updateGradNorm);
  }

  /**
   * Whether the schedule step after update {@code k} is the run's end cutting an epoch short:
   * a checkpoint then keeps the state from before it ({@link #keepEndOfRun}).
   */
  boolean cutsEpoch(OptimizerStepper stepper, long k, long steps) {
    return stepper.hasSchedule() && t.perEpoch() && k == steps - 1 && at(k) != perEpoch - 1;
  }

  /** Keeps the schedule's state before the run's last, partial-epoch step; {@code k} as above. */
  void keepEndOfRun(OptimizerStepper stepper, long k, double batchLoss, double updateNorm,
      double updateGradNorm) {
    endSchedule = stepper.scheduleState();
    endTraining = new RunState.Training(epochShuffle, epochLoss + batchLoss, epochUpdates + 1,
        updateNorm, updateGradNorm);
  }

  /**
   * Steps the schedule after update {@code k} with {@code batchLoss}: after every update, or at
   * an epoch's end (and the run's) with the mean of the epoch's minibatch losses.
   */
  void stepSchedule(OptimizerStepper stepper, long k, long steps, double batchLoss) {
    if (!stepper.hasSchedule()) {
      return;
    }
    if (!t.perEpoch()) {
      stepper.stepSchedule(batchLoss);
      return;
    }
    epochLoss += batchLoss;
    epochUpdates++;
    if (at(k) == perEpoch - 1 || k == steps - 1) { // a run cut mid-epoch steps at its end
      stepper.stepSchedule(epochLoss / epochUpdates);
      epochLoss = 0;
      epochUpdates = 0;
    }
  }

  /**
   * Writes the checkpoint at the end of a run after {@code k} updates, of {@code steps}: the
   * epoch kept open if the run cut it, else as it stands.
   */
  void saveAtEnd(Checkpointer saver, long k, long steps, double[] p, OptimizerStepper stepper,
      double updateNorm, double updateGradNorm) throws java.io.IOException {
    if (endSchedule != null && k == steps) {
      saver.save(k, p, stepper, endTraining, endSchedule);
    } else {
      saver.save(k, p, stepper, training(updateNorm, updateGradNorm));
    }
  }
}

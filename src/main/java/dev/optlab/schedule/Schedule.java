package dev.optlab.schedule;

/**
 * A learning-rate schedule in the middle of a run, stateful as PyTorch's scheduler is: {@link
 * #lr()} is {@code get_last_lr()}, {@link #step(double)} is {@code scheduler.step()} called once
 * after every {@code optimizer.step()}. Created by {@link ScheduleSpec#start}.
 */
public interface Schedule {
  /** The learning rate the next update uses. */
  double lr();

  /**
   * The momentum (SGD/RMSprop {@code momentum}, Adam's first beta) the next update uses when this
   * schedule cycles momentum (cyclic, onecycle); {@code Double.NaN} when it leaves momentum alone.
   */
  double momentum();

  /**
   * Advances one step after an update. {@code loss} is the loss at the parameters that update
   * started from (what {@code ReduceLROnPlateau.step(loss)} watches); others ignore it.
   *
   * @throws IllegalStateException when stepped more than {@link ScheduleSpec#maxSteps()} times
   *     (onecycle past {@code total_steps}, as PyTorch raises)
   */
  void step(double loss);

  /**
   * Writes what changes as this schedule steps (the lr, the step count, plateau's best loss, a
   * chain's position, ...) as numbers in a fixed order, for a checkpoint: a schedule started from
   * the same spec and given them by {@link #restore} steps on exactly as this one would. Counts
   * are written as doubles, exact up to 2^53 steps. Not a default method: a new schedule must say
   * what its state is, or resuming it would silently restart it.
   */
  void save(java.util.function.DoubleConsumer out);

  /**
   * Takes back the numbers {@link #save} wrote, in its order.
   *
   * @throws java.util.NoSuchElementException when they run out (a checkpoint of another schedule)
   */
  void restore(java.util.PrimitiveIterator.OfDouble in);
}

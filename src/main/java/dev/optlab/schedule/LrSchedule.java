package dev.optlab.schedule;

/**
 * The running state of a schedule that sets only the learning rate (every one but cyclic and
 * onecycle): the current lr and the steps taken. Subclasses say how one step changes the lr.
 */
public abstract class LrSchedule implements Schedule {
  /** The learning rate the next update uses. */
  protected double lr;

  /** Steps taken so far: PyTorch's {@code last_epoch}. */
  protected long t;

  @Override
  public final double lr() {
    return lr;
  }

  @Override
  public final double momentum() {
    return Double.NaN;
  }

  @Override
  public final void step(double loss) {
    t++;
    advance(loss);
  }

  /**
   * In a {@code chain(...)} (PyTorch's ChainedScheduler): the lr this schedule's first {@code
   * get_lr} makes of the lr the schedules before it left, {@code lr}: that lr itself, or for the
   * warm-ups ({@code constant_lr}, {@code linear}) that lr times their first factor.
   */
  protected double firstFrom(double lr) {
    return lr;
  }

  /** In a chain: continue from the lr the schedules before this one left at this step. */
  final void chainFrom(double lr) {
    this.lr = lr;
  }

  @Override
  public final void save(java.util.function.DoubleConsumer out) {
    out.accept(lr);
    out.accept(t);
    saveMore(out);
  }

  @Override
  public final void restore(java.util.PrimitiveIterator.OfDouble in) {
    lr = in.nextDouble();
    t = (long) in.nextDouble();
    restoreMore(in);
  }

  /** A subclass's own state beyond the lr and the step count, after them. */
  protected void saveMore(java.util.function.DoubleConsumer out) {}

  /** Takes back what {@link #saveMore} wrote. */
  protected void restoreMore(java.util.PrimitiveIterator.OfDouble in) {}

  /** Updates {@link #lr} for step {@link #t}, just incremented; {@code loss} as in {@link #step}. */
  protected abstract void advance(double loss);
}

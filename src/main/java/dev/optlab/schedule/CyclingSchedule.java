package dev.optlab.schedule;

/**
 * A running schedule that sets the lr and the momentum together from its step count alone
 * ({@code cyclic}, {@code onecycle}): its whole state is that count and the two values it last
 * computed, which is all a checkpoint needs to keep.
 */
abstract class CyclingSchedule implements Schedule {
  /** Steps taken so far. */
  protected long t;
  protected double lr;
  /** NaN when the schedule does not cycle the momentum. */
  protected double momentum;

  /** Sets {@link #lr} and {@link #momentum} for step {@link #t}. */
  protected abstract void update();

  @Override
  public double lr() {
    return lr;
  }

  @Override
  public double momentum() {
    return momentum;
  }

  @Override
  public void step(double loss) {
    t++;
    update();
  }

  @Override
  public void save(java.util.function.DoubleConsumer out) {
    out.accept(t);
    out.accept(lr);
    out.accept(momentum);
  }

  @Override
  public void restore(java.util.PrimitiveIterator.OfDouble in) {
    t = (long) in.nextDouble();
    lr = in.nextDouble();
    momentum = in.nextDouble();
  }
}

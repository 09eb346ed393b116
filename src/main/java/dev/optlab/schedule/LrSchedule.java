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

  /** Updates {@link #lr} for step {@link #t}, just incremented; {@code loss} as in {@link #step}. */
  protected abstract void advance(double loss);
}

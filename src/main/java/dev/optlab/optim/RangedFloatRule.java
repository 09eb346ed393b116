package dev.optlab.optim;

/**
 * A float32 kernel written as two parts, what an update does once ({@link #count}) and the
 * update of a range of parameters ({@link #range}), so that one update ({@link #update}) and an
 * update split over the tensor threads ({@link #begin}) are said once, here, for every kernel.
 */
abstract class RangedFloatRule implements FloatRule, RangeUpdate.Floats {
  /** What an update does once, before any range: counts the step. */
  void count(double lr, double momentum, FloatState s) {
    s.step++;
  }

  /** Parameters {@code [from, to)} of the update of step {@code s.step}. */
  abstract void range(float[] p, float[] g, double lr, double momentum, FloatState s, int from,
      int to);

  @Override
  public final void update(float[] p, float[] g, double lr, double momentum, FloatState s) {
    count(lr, momentum, s);
    range(p, g, lr, momentum, s, 0, p.length);
  }

  @Override
  public final RangeUpdate.Ranges begin(float[] p, float[] g, double lr, double momentum,
      FloatState s) {
    count(lr, momentum, s);
    return (from, to) -> range(p, g, lr, momentum, s, from, to);
  }
}

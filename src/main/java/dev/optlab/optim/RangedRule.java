package dev.optlab.optim;

/**
 * A float64 kernel written as two parts, what an update does once ({@link #count}) and the
 * update of a range of parameters ({@link #range}), so that one update ({@link #update}) and an
 * update split over the tensor threads ({@link #begin}) are said once, here, for every kernel
 * (the float32 kernels' twin is {@link RangedFloatRule}).
 *
 * @param <S> the kernel's state, as its {@link #init} makes it
 */
abstract class RangedRule<S extends OptimizerState> implements UpdateRule, RangeUpdate {
  /** What an update does once, before any range: counts the step. */
  void count(double lr, double momentum, S s) {
    s.step++;
  }

  /** Parameters {@code [from, to)} of the update of step {@code s.step}. */
  abstract void range(double[] p, double[] g, double lr, double momentum, S s, int from, int to);

  @Override
  @SuppressWarnings("unchecked") // the state this kernel's init made
  public final void update(double[] p, double[] g, double lr, double momentum,
      OptimizerState state) {
    S s = (S) state;
    count(lr, momentum, s);
    range(p, g, lr, momentum, s, 0, p.length);
  }

  @Override
  @SuppressWarnings("unchecked")
  public final Ranges begin(double[] p, double[] g, double lr, double momentum,
      OptimizerState state) {
    S s = (S) state;
    count(lr, momentum, s);
    return (from, to) -> range(p, g, lr, momentum, s, from, to);
  }
}

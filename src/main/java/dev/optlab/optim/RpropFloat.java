package dev.optlab.optim;

/**
 * {@link Rprop}'s kernel in float32: PyTorch 1.13's {@code _single_tensor_rprop} on floats (step
 * sizes start at the lr rounded to float; the factor by the sign of {@code g * prev}; the step
 * size clamped; {@code g} zeroed after a sign flip; {@code p -= sign(g) * step size}).
 */
final class RpropFloat extends RangedFloatRule {
  private final float[] etaBySign;
  private final float stepSizeMin;
  private final float stepSizeMax;
  private final boolean maximize;

  RpropFloat(double etaMinus, double etaPlus, double stepSizeMin, double stepSizeMax,
      boolean maximize) {
    this.etaBySign = new float[] {(float) etaMinus, 1f, (float) etaPlus};
    this.stepSizeMin = (float) stepSizeMin;
    this.stepSizeMax = (float) stepSizeMax;
    this.maximize = maximize;
  }

  @Override
  public FloatState init(int n) {
    return new FloatState(n, "prev", "step_size");
  }

  /** Counts the step; the first sets every step size to lr. */
  @Override
  void count(double lr, double momentum, FloatState s) {
    if (s.step++ == 0) {
      java.util.Arrays.fill(s.buffer("step_size"), (float) lr);
    }
  }

  @Override
  void range(float[] p, float[] g, double lr, double momentum, FloatState s, int from,
      int to) {
    float[] prev = s.buffer("prev");
    float[] size = s.buffer("step_size");
    for (int i = from; i < to; i++) {
      float gi = maximize ? -g[i] : g[i];
      float product = gi * prev[i];
      int up = product > 0 ? 1 : 0;
      int down = product < 0 ? 1 : 0;
      gi = down == 1 ? 0f : gi;
      float si = Math.min(Math.max(size[i] * etaBySign[1 + up - down], stepSizeMin), stepSizeMax);
      size[i] = si;
      float sign = (gi > 0 ? 1 : 0) - (gi < 0 ? 1 : 0);
      p[i] = Math.fma(-sign, si, p[i]);
      prev[i] = gi;
    }
  }
}

package dev.optlab.optim;

/** {@link Adagrad}'s kernel in float32: PyTorch 1.13's {@code _single_tensor_adagrad} on floats. */
final class AdagradFloat extends RangedFloatRule {
  private final double lrDecay;
  private final float weightDecay;
  private final float initial;
  private final float eps;
  private final boolean maximize;

  AdagradFloat(double lrDecay, double weightDecay, double initial, double eps,
      boolean maximize) {
    this.lrDecay = lrDecay;
    this.weightDecay = (float) weightDecay;
    this.initial = (float) initial;
    this.eps = (float) eps;
    this.maximize = maximize;
  }

  @Override
  public FloatState init(int n) {
    FloatState s = new FloatState(n, "sum");
    java.util.Arrays.fill(s.buffer("sum"), initial);
    return s;
  }

  @Override
  void range(float[] p, float[] g, double lr, double momentum, FloatState s, int from,
      int to) {
    long t = s.step;
    float[] sum = s.buffer("sum");
    float negClr = (float) -(lr / (1 + (double) (t - 1) * lrDecay)); // a Python number
    for (int i = from; i < to; i++) {
      float gi = maximize ? -g[i] : g[i];
      if (weightDecay != 0) {
        gi = Math.fma(weightDecay, p[i], gi);
      }
      float si = Math.fma(gi, gi, sum[i]);
      sum[i] = si;
      p[i] = p[i] + negClr * gi / ((float) Math.sqrt(si) + eps);
    }
  }
}

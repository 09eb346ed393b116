package dev.optlab.optim;

/** {@link Adamax}'s kernel in float32: PyTorch 1.13's {@code _single_tensor_adamax} on floats. */
final class AdamaxFloat extends RangedFloatRule {
  private final float beta2;
  private final float eps;
  private final float weightDecay;
  private final boolean maximize;

  AdamaxFloat(double beta2, double eps, double weightDecay, boolean maximize) {
    this.beta2 = (float) beta2;
    this.eps = (float) eps;
    this.weightDecay = (float) weightDecay;
    this.maximize = maximize;
  }

  @Override
  public FloatState init(int n) {
    return new FloatState(n, "exp_avg", "exp_inf");
  }

  @Override
  void range(float[] p, float[] g, double lr, double beta1d, FloatState s, int from,
      int to) {
    long t = s.step;
    float[] m = s.buffer("exp_avg");
    float[] u = s.buffer("exp_inf");
    float beta1 = (float) beta1d;
    float oneMinusBeta1 = (float) (1 - beta1d);
    float negClr = (float) -(lr / TorchOps.biasCorrection(beta1d, t));
    for (int i = from; i < to; i++) {
      float gi = maximize ? -g[i] : g[i];
      if (weightDecay != 0) {
        gi = Math.fma(weightDecay, p[i], gi);
      }
      float mi = Math.fma(oneMinusBeta1, gi, m[i] * beta1);
      m[i] = mi;
      float ui = Math.max(u[i] * beta2, Math.abs(gi) + eps); // NaN wins, as torch.amax
      u[i] = ui;
      p[i] = p[i] + negClr * mi / ui;
    }
  }
}

package dev.optlab.optim;

/** {@link Adadelta}'s kernel in float32: PyTorch 1.13's {@code _single_tensor_adadelta}. */
final class AdadeltaFloat extends RangedFloatRule {
  private final float rho;
  private final float oneMinusRho;
  private final float eps;
  private final float weightDecay;
  private final boolean maximize;

  AdadeltaFloat(double rho, double eps, double weightDecay, boolean maximize) {
    this.rho = (float) rho;
    this.oneMinusRho = (float) (1 - rho);
    this.eps = (float) eps;
    this.weightDecay = (float) weightDecay;
    this.maximize = maximize;
  }

  @Override
  public FloatState init(int n) {
    return new FloatState(n, "square_avg", "acc_delta");
  }

  @Override
  void range(float[] p, float[] g, double lr, double momentum, FloatState s, int from,
      int to) {
    float[] sq = s.buffer("square_avg");
    float[] acc = s.buffer("acc_delta");
    float negLr = (float) -lr;
    for (int i = from; i < to; i++) {
      float gi = maximize ? -g[i] : g[i];
      if (weightDecay != 0) {
        gi = Math.fma(weightDecay, p[i], gi);
      }
      float si = Math.fma(oneMinusRho * gi, gi, sq[i] * rho);
      sq[i] = si;
      float delta = (float) Math.sqrt(acc[i] + eps) / (float) Math.sqrt(si + eps) * gi;
      acc[i] = Math.fma(oneMinusRho * delta, delta, acc[i] * rho);
      p[i] = Math.fma(negLr, delta, p[i]);
    }
  }
}

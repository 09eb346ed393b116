package dev.optlab.optim;

/**
 * {@link RAdam}'s kernel in float32: PyTorch 1.13's {@code _single_tensor_radam} on floats, the
 * rectification and bias corrections Python numbers rounded to float where they meet tensors.
 */
final class RAdamFloat extends RangedFloatRule {
  private final double beta2d;
  private final float beta2;
  private final float oneMinusBeta2;
  private final float eps;
  private final float weightDecay;

  RAdamFloat(double beta2, double eps, double weightDecay) {
    this.beta2d = beta2;
    this.beta2 = (float) beta2;
    this.oneMinusBeta2 = (float) (1 - beta2);
    this.eps = (float) eps;
    this.weightDecay = (float) weightDecay;
  }

  @Override
  public FloatState init(int n) {
    return new FloatState(n, "exp_avg", "exp_avg_sq");
  }

  @Override
  void range(float[] p, float[] g, double lr, double beta1d, FloatState s, int from,
      int to) {
    long t = s.step;
    float[] m = s.buffer("exp_avg");
    float[] v = s.buffer("exp_avg_sq");
    double step = t;
    double bc1d = TorchOps.biasCorrection(beta1d, t);
    double bc2 = TorchOps.biasCorrection(beta2d, t);
    double rhoInf = 2 / (1 - beta2d) - 1;
    double rhoT = rhoInf - 2 * step * Math.pow(beta2d, step) / bc2;
    boolean rectified = rhoT > 5.;
    float rect = rectified ? (float) Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf
        / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0f;
    float bc1 = (float) bc1d;
    float bc2Sqrt = (float) Math.sqrt(bc2);
    float lrf = (float) lr;
    float beta1 = (float) beta1d;
    float oneMinusBeta1 = (float) (1 - beta1d);
    for (int i = from; i < to; i++) {
      float gi = g[i];
      if (weightDecay != 0) {
        gi = Math.fma(weightDecay, p[i], gi);
      }
      float mi = Math.fma(oneMinusBeta1, gi, m[i] * beta1);
      float vi = Math.fma(oneMinusBeta2 * gi, gi, v[i] * beta2);
      m[i] = mi;
      v[i] = vi;
      float mHat = mi / bc1;
      if (rectified) { // a Python number / tensor: reciprocal(tensor) * number
        float adaptiveLr = (1f / ((float) Math.sqrt(vi) + eps)) * bc2Sqrt;
        p[i] = p[i] - mHat * lrf * adaptiveLr * rect;
      } else {
        p[i] = p[i] - mHat * lrf;
      }
    }
  }
}

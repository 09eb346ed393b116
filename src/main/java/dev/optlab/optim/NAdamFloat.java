package dev.optlab.optim;

/**
 * {@link NAdam}'s kernel in float32: PyTorch 1.13's {@code _single_tensor_nadam} on floats, its
 * {@code mu_product} a float32 tensor (as PyTorch 1.13 keeps it whatever the parameters' dtype)
 * multiplied by each step's Python-number {@code mu}, the step sizes Python numbers from it.
 */
final class NAdamFloat extends RangedFloatRule {
  private final double beta2d;
  private final float beta2;
  private final float oneMinusBeta2;
  private final float eps;
  private final float weightDecay;
  private final double momentumDecay;

  NAdamFloat(double beta2, double eps, double weightDecay, double momentumDecay) {
    this.beta2d = beta2;
    this.beta2 = (float) beta2;
    this.oneMinusBeta2 = (float) (1 - beta2);
    this.eps = (float) eps;
    this.weightDecay = (float) weightDecay;
    this.momentumDecay = momentumDecay;
  }

  @Override
  public FloatState init(int n) {
    return new FloatState(n, "exp_avg", "exp_avg_sq");
  }

  /** Counts the step and multiplies mu_product by its mu, once. */
  @Override
  void count(double lr, double beta1d, FloatState s) {
    long t = ++s.step;
    s.muProduct = (float) (s.muProduct * (float) mu(beta1d, t));
  }

  private double mu(double beta1d, long t) {
    return beta1d * (1. - 0.5 * Math.pow(0.96, t * momentumDecay));
  }

  @Override
  void range(float[] p, float[] g, double lr, double beta1d, FloatState s, int from,
      int to) {
    long t = s.step;
    float[] m = s.buffer("exp_avg");
    float[] v = s.buffer("exp_avg_sq");
    double mu = mu(beta1d, t);
    double muNext = mu(beta1d, t + 1);
    double muProduct = s.muProduct;
    float gradStep = (float) ((lr * (1. - mu) / (1. - muProduct)) * -1);
    float avgStep = (float) ((lr * muNext / (1. - muProduct * muNext)) * -1);
    float bc2Sqrt = (float) Math.sqrt(TorchOps.biasCorrection(beta2d, t));
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
      float denom = (float) Math.sqrt(vi) / bc2Sqrt + eps;
      float pi = p[i] + gradStep * gi / denom;
      p[i] = pi + avgStep * mi / denom;
    }
  }
}

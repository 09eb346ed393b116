package dev.optlab.optim;

/**
 * {@link Adam}'s and AdamW's kernel in float32, the steps of PyTorch 1.13's {@code
 * _single_tensor_adam(w)} on a float tensor: the bias corrections, the step size and the square
 * root of the second correction in float64 (Python numbers), rounded to float where they meet
 * the tensors; moments, denominator and parameter in float.
 */
final class AdamFloat extends RangedFloatRule {
  private final float beta2;
  private final float oneMinusBeta2;
  private final double beta2d;
  private final float eps;
  private final double weightDecay;
  private final boolean amsgrad;
  private final boolean maximize;
  private final boolean decoupled;

  AdamFloat(double beta2, double eps, double weightDecay, boolean amsgrad, boolean maximize,
      boolean decoupled) {
    this.beta2 = (float) beta2;
    this.oneMinusBeta2 = (float) (1 - beta2);
    this.beta2d = beta2;
    this.eps = (float) eps;
    this.weightDecay = weightDecay;
    this.amsgrad = amsgrad;
    this.maximize = maximize;
    this.decoupled = decoupled;
  }

  @Override
  public FloatState init(int n) {
    return amsgrad ? new FloatState(n, "exp_avg", "exp_avg_sq", "max_exp_avg_sq")
        : new FloatState(n, "exp_avg", "exp_avg_sq");
  }

  @Override
  void range(float[] p, float[] g, double lr, double beta1d, FloatState s, int from,
      int to) {
    long t = s.step;
    float[] m = s.buffer("exp_avg");
    float[] v = s.buffer("exp_avg_sq");
    float[] vMax = s.buffer("max_exp_avg_sq");
    float beta1 = (float) beta1d;
    float oneMinusBeta1 = (float) (1 - beta1d);
    float negStepSize = (float) -(lr / TorchOps.biasCorrection(beta1d, t));
    float bc2Sqrt = (float) Math.sqrt(TorchOps.biasCorrection(beta2d, t));
    float shrink = (float) (1 - lr * weightDecay);
    float decay = (float) weightDecay;
    boolean l2 = !decoupled && weightDecay != 0;
    for (int i = from; i < to; i++) {
      float gi = maximize ? -g[i] : g[i];
      float pi = p[i];
      if (decoupled) {
        pi *= shrink;
      } else if (l2) {
        gi = Math.fma(decay, pi, gi);
      }
      float mi = Math.fma(oneMinusBeta1, gi, m[i] * beta1);
      float vi = Math.fma(oneMinusBeta2 * gi, gi, v[i] * beta2);
      m[i] = mi;
      v[i] = vi;
      if (amsgrad) {
        vi = Math.max(vMax[i], vi);
        vMax[i] = vi;
      }
      float denom = (float) Math.sqrt(vi) / bc2Sqrt + eps;
      p[i] = pi + negStepSize * mi / denom;
    }
  }
}

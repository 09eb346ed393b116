package dev.optlab.optim;

/** {@link RmsProp}'s kernel in float32: PyTorch 1.13's {@code _single_tensor_rmsprop} on floats. */
final class RmsPropFloat extends RangedFloatRule {
  private final float alpha;
  private final float oneMinusAlpha;
  private final float eps;
  private final float weightDecay;
  private final boolean centered;
  private final boolean maximize;

  RmsPropFloat(double alpha, double eps, double weightDecay, boolean centered,
      boolean maximize) {
    this.alpha = (float) alpha;
    this.oneMinusAlpha = (float) (1 - alpha);
    this.eps = (float) eps;
    this.weightDecay = (float) weightDecay;
    this.centered = centered;
    this.maximize = maximize;
  }

  @Override
  public FloatState init(int n) {
    return new FloatState(n, "square_avg", "momentum_buffer", "grad_avg");
  }

  @Override
  void range(float[] p, float[] g, double lr, double momentumd, FloatState s, int from,
      int to) {
    float[] sq = s.buffer("square_avg");
    float[] buf = s.buffer("momentum_buffer");
    float[] ga = s.buffer("grad_avg");
    boolean useMomentum = momentumd > 0;
    float momentum = (float) momentumd;
    float negLr = (float) -lr;
    for (int i = from; i < to; i++) {
      float gi = maximize ? -g[i] : g[i];
      if (weightDecay != 0) {
        gi = Math.fma(weightDecay, p[i], gi);
      }
      float si = Math.fma(oneMinusAlpha * gi, gi, sq[i] * alpha);
      sq[i] = si;
      float avg;
      if (centered) {
        float ai = Math.fma(oneMinusAlpha, gi, ga[i] * alpha);
        ga[i] = ai;
        avg = (float) Math.sqrt(Math.fma(-ai, ai, si)) + eps;
      } else {
        avg = (float) Math.sqrt(si) + eps;
      }
      if (useMomentum) {
        float b = buf[i] * momentum + gi / avg;
        buf[i] = b;
        p[i] = Math.fma(negLr, b, p[i]);
      } else {
        p[i] = p[i] + negLr * gi / avg;
      }
    }
  }
}

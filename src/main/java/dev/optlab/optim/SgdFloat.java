package dev.optlab.optim;

/**
 * {@link Sgd}'s kernel in float32, PyTorch 1.13's {@code _single_tensor_sgd} on a float tensor:
 * weight decay, momentum buffer (a copy of the first direction, then {@code buf * momentum +
 * (1 - dampening) * d}), Nesterov's look-ahead and the step, each a float fused multiply-add
 * with the hyperparameter rounded to float.
 */
final class SgdFloat implements FloatRule {
  private final float dampeningKeep;
  private final float weightDecay;
  private final boolean decay;
  private final boolean nesterov;
  private final boolean maximize;

  SgdFloat(double dampening, double weightDecay, boolean nesterov, boolean maximize) {
    this.dampeningKeep = (float) (1 - dampening);
    this.weightDecay = (float) weightDecay;
    this.decay = weightDecay != 0;
    this.nesterov = nesterov;
    this.maximize = maximize;
  }

  @Override
  public FloatState init(int n) {
    return new FloatState(n, "momentum_buffer");
  }

  @Override
  public void update(float[] p, float[] g, double lr, double momentumd, FloatState s) {
    s.step++;
    float[] buf = s.buffer("momentum_buffer");
    boolean useMomentum = momentumd != 0;
    boolean first = !s.started;
    float momentum = (float) momentumd;
    float negLr = (float) -lr;
    for (int i = 0; i < p.length; i++) {
      float d = maximize ? -g[i] : g[i];
      if (decay) {
        d = Math.fma(weightDecay, p[i], d);
      }
      if (useMomentum) {
        float b = first ? d : Math.fma(dampeningKeep, d, buf[i] * momentum);
        buf[i] = b;
        d = nesterov ? Math.fma(momentum, b, d) : b;
      }
      p[i] = Math.fma(negLr, d, p[i]);
    }
    if (useMomentum) {
      s.started = true;
    }
  }
}

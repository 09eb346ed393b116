package dev.optlab.optim;

/**
 * {@link Sgd}'s kernel in float32, PyTorch 1.13's {@code _single_tensor_sgd} on a float tensor:
 * weight decay, momentum buffer (a copy of the first direction, then {@code buf * momentum +
 * (1 - dampening) * d}), Nesterov's look-ahead and the step, each a float fused multiply-add
 * with the hyperparameter rounded to float.
 */
final class SgdFloat implements FloatRule, RangeUpdate.Floats {
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
    range(p, g, lr, momentumd, s, !s.started, 0, p.length);
    if (momentumd != 0) {
      s.started = true;
    }
  }

  @Override
  public RangeUpdate.Ranges begin(float[] p, float[] g, double lr, double momentumd,
      FloatState s) {
    s.step++;
    boolean first = !s.started;
    if (momentumd != 0) {
      s.started = true; // the ranges below fill the buffer
    }
    return (from, to) -> range(p, g, lr, momentumd, s, first, from, to);
  }

  /** Parameters {@code [from, to)} of one update; {@code first}: the buffer is not there yet. */
  private void range(float[] p, float[] g, double lr, double momentumd, FloatState s,
      boolean first, int from, int to) {
    float[] buf = s.buffer("momentum_buffer");
    boolean useMomentum = momentumd != 0;
    float momentum = (float) momentumd;
    float negLr = (float) -lr;
    for (int i = from; i < to; i++) {
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
  }
}

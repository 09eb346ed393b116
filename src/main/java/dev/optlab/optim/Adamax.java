package dev.optlab.optim;

import dev.optlab.hyper.HyperValues;
import java.util.List;

/**
 * Adamax, Adam with the infinity norm, as {@code torch.optim.Adamax} ({@code
 * _single_tensor_adamax}, PyTorch 1.13). At step {@code t} (1-based), with {@code beta1} the
 * momentum passed to {@link #update}:
 *
 * <pre>
 * g = maximize ? -g : g
 * g = g + weight_decay * p                          (when weight_decay != 0)
 * m = beta1 * m + (1 - beta1) * g
 * u = max(beta2 * u, |g| + eps)                     (eps added to |g| inside the max)
 * p = p + (-(lr / (1 - beta1^t)) * m) / u
 * </pre>
 *
 * Reference: Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization" (ICLR 2015), section
 * 7.1.
 */
public final class Adamax extends RangedRule<TwoBuffers> {
  static final OptimizerKind KIND = new OptimizerKind(
      "Adamax",
      List.of(CommonParams.LR.withDefault(2e-3), CommonParams.BETAS, CommonParams.EPS,
          CommonParams.WEIGHT_DECAY, CommonParams.MAXIMIZE),
      MomentumSlot.BETA1,
      """
      g = g (or -g when maximize) + weight_decay * p
      m = beta1 * m + (1 - beta1) * g
      u = max(beta2 * u, |g| + eps)
      p = p - lr / (1 - beta1^t) * m / u""",
      "Kingma & Ba 2015 (arXiv:1412.6980), section 7.1; torch.optim.Adamax, PyTorch 1.13",
      "Adamax(lr = 0.002)",
      CommonParams::none,
      Adamax::of);

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final boolean maximize;

  public Adamax(double beta1, double beta2, double eps, double weightDecay, boolean maximize) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.maximize = maximize;
  }

  static Adamax of(HyperValues h) {
    double[] betas = h.pair(CommonParams.BETAS);
    return new Adamax(betas[0], betas[1], h.number(CommonParams.EPS),
        h.number(CommonParams.WEIGHT_DECAY), h.bool(CommonParams.MAXIMIZE));
  }

  @Override
  public TwoBuffers init(int n) {
    return new TwoBuffers("exp_avg", "exp_inf", n);
  }

  /** Parameters {@code [from, to)} of the update of step {@code s.step}. */
  @Override
  void range(double[] p, double[] g, double lr, double beta1, TwoBuffers s, int from,
      int to) {
    long t = s.step;
    double[] m = s.first;
    double[] u = s.second;
    double oneMinusBeta1 = 1 - beta1;
    double negClr = -(lr / TorchOps.biasCorrection(beta1, t));
    if (to - from < KernelLoops.SMALL) {
      for (int i = from; i < to; i++) {
        at(i, p, g, m, u, beta1, oneMinusBeta1, negClr);
      }
    } else {
      for (int i = from; i < to; i++) { // the same loop, profiled apart (KernelLoops)
        at(i, p, g, m, u, beta1, oneMinusBeta1, negClr);
      }
    }
  }

  /** The update of parameter {@code i}. */
  private void at(int i, double[] p, double[] g, double[] m, double[] u, double beta1,
      double oneMinusBeta1, double negClr) {
    double gi = maximize ? -g[i] : g[i];
    if (weightDecay != 0) {
      gi = TorchOps.add(gi, p[i], weightDecay);
    }
    double mi = TorchOps.ema(m[i], gi, beta1, oneMinusBeta1);
    m[i] = mi;
    // Math.max, like torch.amax, returns NaN when either side is NaN.
    double ui = Math.max(u[i] * beta2, Math.abs(gi) + eps);
    u[i] = ui;
    p[i] = TorchOps.addcdiv(p[i], mi, ui, negClr);
  }

  @Override
  public double momentum() {
    return beta1;
  }

  @Override
  public FloatRule float32() {
    return new AdamaxFloat(beta2, eps, weightDecay, maximize);
  }
}

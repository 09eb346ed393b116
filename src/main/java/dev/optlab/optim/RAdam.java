package dev.optlab.optim;

import dev.optlab.hyper.HyperValues;
import java.util.List;

/**
 * RAdam, Adam with a rectified adaptive learning rate, as {@code torch.optim.RAdam} ({@code
 * _single_tensor_radam}, PyTorch 1.13). At step {@code t} (1-based), with {@code beta1} the
 * momentum passed to {@link #update}:
 *
 * <pre>
 * g = g + weight_decay * p                          (when weight_decay != 0)
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * m_hat = m / (1 - beta1^t)
 * rho_inf = 2 / (1 - beta2) - 1
 * rho_t = rho_inf - 2 * t * beta2^t / (1 - beta2^t)
 * rho_t > 5: r = sqrt((rho_t - 4) * (rho_t - 2) * rho_inf
 *                     / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
 *            p = p - m_hat * lr * ((1 / (sqrt(v) + eps)) * sqrt(1 - beta2^t)) * r
 *                                                   (eps outside the square root, before the
 *                                                    bias correction)
 * otherwise: p = p - m_hat * lr                     (SGD with momentum while the variance of the
 *                                                    adaptive rate is intractable)
 * </pre>
 *
 * Reference: Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond" (ICLR 2020).
 */
public final class RAdam extends RangedRule<TwoBuffers> {
  static final OptimizerKind KIND = new OptimizerKind(
      "RAdam",
      List.of(CommonParams.LR.withDefault(1e-3), CommonParams.BETAS, CommonParams.EPS,
          CommonParams.WEIGHT_DECAY),
      MomentumSlot.BETA1,
      """
      g = g + weight_decay * p
      m = beta1 * m + (1 - beta1) * g;  v = beta2 * v + (1 - beta2) * g^2
      rho_inf = 2 / (1 - beta2) - 1;  rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)
      rho_t > 5: r = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
                 p = p - lr * m / (1 - beta1^t) * sqrt(1 - beta2^t) / (sqrt(v) + eps) * r
      otherwise: p = p - lr * m / (1 - beta1^t)""",
      "Liu et al. 2020 (arXiv:1908.03265); torch.optim.RAdam, PyTorch 1.13",
      "RAdam(lr = 0.001)",
      CommonParams::none,
      RAdam::of);

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;

  public RAdam(double beta1, double beta2, double eps, double weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  static RAdam of(HyperValues h) {
    double[] betas = h.pair(CommonParams.BETAS);
    return new RAdam(betas[0], betas[1], h.number(CommonParams.EPS),
        h.number(CommonParams.WEIGHT_DECAY));
  }

  @Override
  public TwoBuffers init(int n) {
    return new TwoBuffers("exp_avg", "exp_avg_sq", n);
  }

  /** Parameters {@code [from, to)} of the update of step {@code s.step}. */
  @Override
  void range(double[] p, double[] g, double lr, double beta1, TwoBuffers s, int from,
      int to) {
    long t = s.step;
    double[] m = s.first;
    double[] v = s.second;
    double step = t;
    double bc1 = TorchOps.biasCorrection(beta1, t);
    double bc2 = TorchOps.biasCorrection(beta2, t);
    double rhoInf = 2 / (1 - beta2) - 1;
    double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / bc2;
    boolean rectified = rhoT > 5.;
    double rect = rectified
        ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
        : 0;
    double bc2Sqrt = Math.sqrt(bc2);
    double oneMinusBeta1 = 1 - beta1;
    double oneMinusBeta2 = 1 - beta2;
    if (to - from < KernelLoops.SMALL) {
      for (int i = from; i < to; i++) {
        at(i, p, g, m, v, lr, beta1, oneMinusBeta1, oneMinusBeta2, bc1, bc2Sqrt, rectified, rect);
      }
    } else {
      for (int i = from; i < to; i++) { // the same loop, profiled apart (KernelLoops)
        at(i, p, g, m, v, lr, beta1, oneMinusBeta1, oneMinusBeta2, bc1, bc2Sqrt, rectified, rect);
      }
    }
  }

  /** The update of parameter {@code i}. */
  private void at(int i, double[] p, double[] g, double[] m, double[] v, double lr, double beta1,
      double oneMinusBeta1, double oneMinusBeta2, double bc1, double bc2Sqrt, boolean rectified,
      double rect) {
    double gi = g[i];
    if (weightDecay != 0) {
      gi = TorchOps.add(gi, p[i], weightDecay);
    }
    double mi = TorchOps.ema(m[i], gi, beta1, oneMinusBeta1);
    double vi = TorchOps.emaSquare(v[i], gi, beta2, oneMinusBeta2);
    m[i] = mi;
    v[i] = vi;
    double mHat = mi / bc1;
    if (rectified) {
      // Python's number / tensor is reciprocal(tensor) * number (Tensor.__rtruediv__).
      double adaptiveLr = (1 / (Math.sqrt(vi) + eps)) * bc2Sqrt;
      p[i] = p[i] - mHat * lr * adaptiveLr * rect;
    } else {
      p[i] = p[i] - mHat * lr;
    }
  }

  @Override
  public double momentum() {
    return beta1;
  }

  @Override
  public FloatRule float32() {
    return new RAdamFloat(beta2, eps, weightDecay);
  }
}

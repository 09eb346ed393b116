package dev.optlab.optim;

import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.List;
import java.util.Map;

/**
 * Adam and AdamW: one kernel, two recipes that differ only in where weight decay goes, as {@code
 * torch.optim.Adam} and {@code torch.optim.AdamW} ({@code _single_tensor_adam(w)}, PyTorch 1.13).
 * At step {@code t} (1-based), with {@code beta1} the momentum passed to {@link #update}:
 *
 * <pre>
 * g = maximize ? -g : g
 * Adam:  g = g + weight_decay * p                   (L2 penalty, when weight_decay != 0)
 * AdamW: p = p * (1 - lr * weight_decay)            (decoupled decay, before the moments)
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * v_max = max(v_max, v); use v_max for v below      (amsgrad)
 * denom = sqrt(v) / sqrt(1 - beta2^t) + eps         (eps outside the square root, after the
 *                                                    second bias correction)
 * p = p + (-(lr / (1 - beta1^t)) * m) / denom
 * </pre>
 *
 * References: Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization" (ICLR 2015); Reddi
 * et al., "On the Convergence of Adam and Beyond" (ICLR 2018) for AMSGrad; Loshchilov &amp;
 * Hutter, "Decoupled Weight Decay Regularization" (ICLR 2019) for AdamW.
 */
public final class Adam extends RangedRule<Adam.State> {
  static final HyperParam AMSGRAD =
      HyperParam.bool("amsgrad", false, "the AMSGrad variant: divide by the largest v so far");

  static final OptimizerKind ADAM = new OptimizerKind(
      "Adam",
      params(0),
      MomentumSlot.BETA1,
      """
      g = g (or -g when maximize) + weight_decay * p
      m = beta1 * m + (1 - beta1) * g;  v = beta2 * v + (1 - beta2) * g^2
      v = max(v_max, v) when amsgrad
      p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)""",
      "Kingma & Ba 2015 (arXiv:1412.6980); AMSGrad: Reddi et al. 2018; "
          + "torch.optim.Adam, PyTorch 1.13",
      "Adam(lr = 0.01, betas = (0.9, 0.999))",
      CommonParams::none,
      h -> of(h, false));

  static final OptimizerKind ADAMW = new OptimizerKind(
      "AdamW",
      params(1e-2),
      MomentumSlot.BETA1,
      """
      p = p * (1 - lr * weight_decay)                 (decoupled weight decay)
      g = g (or -g when maximize)
      m = beta1 * m + (1 - beta1) * g;  v = beta2 * v + (1 - beta2) * g^2
      v = max(v_max, v) when amsgrad
      p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)""",
      "Loshchilov & Hutter 2019 (arXiv:1711.05101); torch.optim.AdamW, PyTorch 1.13",
      "AdamW(lr = 0.01, weight_decay = 0.01)",
      CommonParams::none,
      h -> of(h, true));

  private static List<HyperParam> params(double weightDecay) {
    HyperParam decay = weightDecay == 0
        ? CommonParams.WEIGHT_DECAY
        : CommonParams.WEIGHT_DECAY.withDefault(weightDecay).withDoc(
            "decoupled weight decay: p shrinks by the factor 1 - lr * weight_decay each step");
    return List.of(CommonParams.LR.withDefault(1e-3), CommonParams.BETAS, CommonParams.EPS, decay,
        AMSGRAD, CommonParams.MAXIMIZE);
  }

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final boolean amsgrad;
  private final boolean maximize;
  private final boolean decoupled;

  /**
   * @param decoupled {@code true} for AdamW's decoupled weight decay, {@code false} for Adam's L2
   *     penalty
   */
  public Adam(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
      boolean maximize, boolean decoupled) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.amsgrad = amsgrad;
    this.maximize = maximize;
    this.decoupled = decoupled;
  }

  static Adam of(HyperValues h, boolean decoupled) {
    double[] betas = h.pair(CommonParams.BETAS);
    return new Adam(betas[0], betas[1], h.number(CommonParams.EPS),
        h.number(CommonParams.WEIGHT_DECAY), h.bool(AMSGRAD), h.bool(CommonParams.MAXIMIZE),
        decoupled);
  }

  /** PyTorch's {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad, {@code max_exp_avg_sq}. */
  public static final class State extends OptimizerState {
    public final double[] expAvg;
    public final double[] expAvgSq;
    /** {@code null} unless amsgrad. */
    public final double[] maxExpAvgSq;

    State(int n, boolean amsgrad) {
      expAvg = new double[n];
      expAvgSq = new double[n];
      maxExpAvgSq = amsgrad ? new double[n] : null;
    }

    @Override
    public Map<String, double[]> buffers() {
      return named("exp_avg", expAvg, "exp_avg_sq", expAvgSq, "max_exp_avg_sq", maxExpAvgSq);
    }
  }

  @Override
  public State init(int n) {
    return new State(n, amsgrad);
  }

  /** Parameters {@code [from, to)} of the update of step {@code s.step}. */
  @Override
  void range(double[] p, double[] g, double lr, double beta1, State s, int from,
      int to) {
    long t = s.step;
    double[] m = s.expAvg;
    double[] v = s.expAvgSq;
    double[] vMax = s.maxExpAvgSq;
    double oneMinusBeta1 = 1 - beta1;
    double oneMinusBeta2 = 1 - beta2;
    double negStepSize = -(lr / TorchOps.biasCorrection(beta1, t));
    double bc2Sqrt = Math.sqrt(TorchOps.biasCorrection(beta2, t));
    double shrink = 1 - lr * weightDecay;
    boolean l2 = !decoupled && weightDecay != 0;
    if (to - from < KernelLoops.SMALL) {
      for (int i = from; i < to; i++) {
        at(i, p, g, m, v, vMax, beta1, oneMinusBeta1, oneMinusBeta2, negStepSize, bc2Sqrt,
            shrink, l2);
      }
    } else {
      for (int i = from; i < to; i++) { // the same loop, profiled apart (KernelLoops)
        at(i, p, g, m, v, vMax, beta1, oneMinusBeta1, oneMinusBeta2, negStepSize, bc2Sqrt,
            shrink, l2);
      }
    }
  }

  /** The update of parameter {@code i}. */
  private void at(int i, double[] p, double[] g, double[] m, double[] v, double[] vMax,
      double beta1, double oneMinusBeta1, double oneMinusBeta2, double negStepSize,
      double bc2Sqrt, double shrink, boolean l2) {
    double gi = maximize ? -g[i] : g[i];
    double pi = p[i];
    if (decoupled) {
      pi *= shrink;
    } else if (l2) {
      gi = TorchOps.add(gi, pi, weightDecay);
    }
    double mi = TorchOps.ema(m[i], gi, beta1, oneMinusBeta1);
    double vi = TorchOps.emaSquare(v[i], gi, beta2, oneMinusBeta2);
    m[i] = mi;
    v[i] = vi;
    if (amsgrad) {
      vi = Math.max(vMax[i], vi);
      vMax[i] = vi;
    }
    double denom = Math.sqrt(vi) / bc2Sqrt + eps;
    p[i] = TorchOps.addcdiv(pi, mi, denom, negStepSize);
  }

  @Override
  public double momentum() {
    return beta1;
  }

  @Override
  public FloatRule float32() {
    return new AdamFloat(beta2, eps, weightDecay, amsgrad, maximize, decoupled);
  }
}

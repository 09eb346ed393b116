package dev.optlab.optim;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.List;
import java.util.Map;

/**
 * NAdam, Adam with Nesterov momentum and a momentum schedule, as PyTorch 1.13's {@code
 * _multi_tensor_nadam} (the {@code foreach=True} path). 1.13's default single-tensor path counts
 * one momentum-decay term twice ({@code mu_product * mu * mu_next} in the second step size);
 * PyTorch 2.0 fixed it to agree with the foreach path, which this kernel follows. At step {@code t}
 * (1-based), with {@code beta1} the momentum passed to {@link #update}:
 *
 * <pre>
 * g = g + weight_decay * p                          (when weight_decay != 0)
 * mu      = beta1 * (1 - 0.5 * 0.96^(t * momentum_decay))
 * mu_next = beta1 * (1 - 0.5 * 0.96^((t + 1) * momentum_decay))
 * mu_product = mu_product * mu                      (a scalar, starting at 1)
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * denom = sqrt(v) / sqrt(1 - beta2^t) + eps         (eps outside the square root)
 * p = p + (-(lr * (1 - mu) / (1 - mu_product)) * g) / denom
 * p = p + (-(lr * mu_next / (1 - mu_product * mu_next)) * m) / denom
 * </pre>
 *
 * Reference: Dozat, "Incorporating Nesterov Momentum into Adam" (ICLR 2016 workshop).
 */
public final class NAdam extends RangedRule<NAdam.State> {
  static final HyperParam MOMENTUM_DECAY = HyperParam.number("momentum_decay", 4e-3,
      Check.NON_NEGATIVE,
      "how fast the momentum schedule mu_t = beta1 * (1 - 0.5 * 0.96^(t * momentum_decay))"
          + " rises");

  static final OptimizerKind KIND = new OptimizerKind(
      "NAdam",
      List.of(CommonParams.LR.withDefault(2e-3), CommonParams.BETAS, CommonParams.EPS,
          CommonParams.WEIGHT_DECAY, MOMENTUM_DECAY),
      MomentumSlot.BETA1,
      """
      g = g + weight_decay * p
      mu_t = beta1 * (1 - 0.5 * 0.96^(t * momentum_decay));  P_t = mu_1 * ... * mu_t
      m = beta1 * m + (1 - beta1) * g;  v = beta2 * v + (1 - beta2) * g^2
      d = sqrt(v) / sqrt(1 - beta2^t) + eps
      p = p - lr * (1 - mu_t) / (1 - P_t) * g / d - lr * mu_t+1 / (1 - P_t * mu_t+1) * m / d""",
      "Dozat 2016 (ICLR workshop); torch.optim.NAdam, PyTorch 1.13 foreach path "
          + "(= the 2.0 default path)",
      "NAdam(lr = 0.002)",
      CommonParams::none,
      NAdam::of);

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final double momentumDecay;

  public NAdam(double beta1, double beta2, double eps, double weightDecay, double momentumDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.momentumDecay = momentumDecay;
  }

  static NAdam of(HyperValues h) {
    double[] betas = h.pair(CommonParams.BETAS);
    return new NAdam(betas[0], betas[1], h.number(CommonParams.EPS),
        h.number(CommonParams.WEIGHT_DECAY), h.number(MOMENTUM_DECAY));
  }

  /**
   * PyTorch's {@code exp_avg}, {@code exp_avg_sq} and {@code mu_product}; PyTorch keeps one {@code
   * mu_product} per parameter, but they are all equal, so one number serves.
   */
  public static final class State extends TwoBuffers {
    public double muProduct = 1;
    /** The current step's scalars, worked out once by {@link NAdam#count}. */
    double gradStep;
    double avgStep;
    double bc2Sqrt;

    State(int n) {
      super("exp_avg", "exp_avg_sq", n);
    }

    @Override
    public Map<String, double[]> buffers() {
      Map<String, double[]> m = super.buffers();
      m.put("mu_product", new double[] {muProduct});
      return m;
    }

    @Override
    public java.util.Set<String> shared() {
      return java.util.Set.of("mu_product");
    }

    @Override
    public void load(long step, Map<String, double[]> saved) {
      super.load(step, saved);
      muProduct = saved.get("mu_product")[0];
    }
  }

  @Override
  public State init(int n) {
    return new State(n);
  }

  /** Counts the step and works out its scalars, once, into {@code s}. */
  @Override
  void count(double lr, double beta1, State s) {
    long t = ++s.step;
    double step = t;
    double mu = beta1 * (1. - 0.5 * Math.pow(0.96, step * momentumDecay));
    double muNext = beta1 * (1. - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
    double muProduct = s.muProduct * mu;
    s.muProduct = muProduct;
    s.gradStep = (lr * (1. - mu) / (1. - muProduct)) * -1;
    s.avgStep = (lr * muNext / (1. - muProduct * muNext)) * -1;
    s.bc2Sqrt = Math.sqrt(TorchOps.biasCorrection(beta2, t));
  }

  /** Parameters {@code [from, to)} of the step {@link #count} prepared. */
  @Override
  void range(double[] p, double[] g, double lr, double beta1, State s, int from, int to) {
    double[] m = s.first;
    double[] v = s.second;
    double oneMinusBeta1 = 1 - beta1;
    double oneMinusBeta2 = 1 - beta2;
    double bc2Sqrt = s.bc2Sqrt;
    double gradStep = s.gradStep;
    double avgStep = s.avgStep;
    if (to - from < KernelLoops.SMALL) {
      for (int i = from; i < to; i++) {
        at(i, p, g, m, v, beta1, oneMinusBeta1, oneMinusBeta2, bc2Sqrt, gradStep, avgStep);
      }
    } else {
      for (int i = from; i < to; i++) { // the same loop, profiled apart (KernelLoops)
        at(i, p, g, m, v, beta1, oneMinusBeta1, oneMinusBeta2, bc2Sqrt, gradStep, avgStep);
      }
    }
  }

  /** The update of parameter {@code i}. */
  private void at(int i, double[] p, double[] g, double[] m, double[] v, double beta1,
      double oneMinusBeta1, double oneMinusBeta2, double bc2Sqrt, double gradStep,
      double avgStep) {
    double gi = g[i];
    if (weightDecay != 0) {
      gi = TorchOps.add(gi, p[i], weightDecay);
    }
    double mi = TorchOps.ema(m[i], gi, beta1, oneMinusBeta1);
    double vi = TorchOps.emaSquare(v[i], gi, beta2, oneMinusBeta2);
    m[i] = mi;
    v[i] = vi;
    double denom = Math.sqrt(vi) / bc2Sqrt + eps;
    double pi = TorchOps.addcdiv(p[i], gi, denom, gradStep);
    p[i] = TorchOps.addcdiv(pi, mi, denom, avgStep);
  }

  @Override
  public double momentum() {
    return beta1;
  }

  @Override
  public FloatRule float32() {
    return new NAdamFloat(beta2, eps, weightDecay, momentumDecay);
  }
}

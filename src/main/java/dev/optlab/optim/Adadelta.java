package dev.optlab.optim;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.List;

/**
 * Adadelta, as {@code torch.optim.Adadelta} ({@code _single_tensor_adadelta}, PyTorch 1.13):
 *
 * <pre>
 * g = maximize ? -g : g
 * g = g + weight_decay * p                          (when weight_decay != 0)
 * square_avg = rho * square_avg + (1 - rho) * g * g
 * delta = sqrt(acc_delta + eps) / sqrt(square_avg + eps) * g     (eps inside both roots)
 * acc_delta = rho * acc_delta + (1 - rho) * delta * delta
 * p = p - lr * delta
 * </pre>
 *
 * Reference: Zeiler, "ADADELTA: An Adaptive Learning Rate Method" (arXiv:1212.5701); PyTorch
 * adds the {@code lr} factor, 1 by default.
 */
public final class Adadelta extends RangedRule<TwoBuffers> {
  static final HyperParam RHO = HyperParam.number("rho", 0.9, Check.CLOSED_UNIT,
      "decay rate of the running averages of g^2 and of delta^2");

  static final OptimizerKind KIND = new OptimizerKind(
      "Adadelta",
      List.of(CommonParams.LR.withDefault(1.0), RHO, CommonParams.EPS.withDefault(1e-6),
          CommonParams.WEIGHT_DECAY, CommonParams.MAXIMIZE),
      MomentumSlot.NONE,
      """
      g = g (or -g when maximize) + weight_decay * p
      s = rho * s + (1 - rho) * g^2
      delta = sqrt(u + eps) / sqrt(s + eps) * g
      u = rho * u + (1 - rho) * delta^2
      p = p - lr * delta""",
      "Zeiler 2012 (arXiv:1212.5701); torch.optim.Adadelta, PyTorch 1.13",
      "Adadelta(lr = 1, rho = 0.95)",
      CommonParams::none,
      Adadelta::of);

  private final double rho;
  private final double eps;
  private final double weightDecay;
  private final boolean maximize;

  public Adadelta(double rho, double eps, double weightDecay, boolean maximize) {
    this.rho = rho;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.maximize = maximize;
  }

  static Adadelta of(HyperValues h) {
    return new Adadelta(h.number(RHO), h.number(CommonParams.EPS),
        h.number(CommonParams.WEIGHT_DECAY), h.bool(CommonParams.MAXIMIZE));
  }

  @Override
  public TwoBuffers init(int n) {
    return new TwoBuffers("square_avg", "acc_delta", n);
  }

  /** Parameters {@code [from, to)} of the update of step {@code s.step}. */
  @Override
  void range(double[] p, double[] g, double lr, double momentum, TwoBuffers s, int from,
      int to) {
    double[] sq = s.first;
    double[] acc = s.second;
    double oneMinusRho = 1 - rho;
    double negLr = -lr;
    if (to - from < KernelLoops.SMALL) {
      for (int i = from; i < to; i++) {
        at(i, p, g, sq, acc, oneMinusRho, negLr);
      }
    } else {
      for (int i = from; i < to; i++) { // the same loop, profiled apart (KernelLoops)
        at(i, p, g, sq, acc, oneMinusRho, negLr);
      }
    }
  }

  /** The update of parameter {@code i}. */
  private void at(int i, double[] p, double[] g, double[] sq, double[] acc, double oneMinusRho,
      double negLr) {
    double gi = maximize ? -g[i] : g[i];
    if (weightDecay != 0) {
      gi = TorchOps.add(gi, p[i], weightDecay);
    }
    double si = TorchOps.emaSquare(sq[i], gi, rho, oneMinusRho);
    sq[i] = si;
    double delta = Math.sqrt(acc[i] + eps) / Math.sqrt(si + eps) * gi;
    acc[i] = TorchOps.emaSquare(acc[i], delta, rho, oneMinusRho);
    p[i] = TorchOps.add(p[i], delta, negLr);
  }

  @Override
  public double momentum() {
    return 0;
  }

  @Override
  public FloatRule float32() {
    return new AdadeltaFloat(rho, eps, weightDecay, maximize);
  }
}

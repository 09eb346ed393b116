package dev.optlab.optim;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.List;
import java.util.Map;

/**
 * RMSprop, plain or centered, with optional momentum, as {@code torch.optim.RMSprop} ({@code
 * _single_tensor_rmsprop}, PyTorch 1.13):
 *
 * <pre>
 * g = maximize ? -g : g
 * g = g + weight_decay * p                          (when weight_decay != 0)
 * square_avg = alpha * square_avg + (1 - alpha) * g * g
 * centered:  grad_avg = alpha * grad_avg + (1 - alpha) * g
 *            avg = sqrt(square_avg - grad_avg * grad_avg) + eps
 * otherwise: avg = sqrt(square_avg) + eps           (eps outside the square root)
 * momentum > 0: buf = momentum * buf + g / avg;  p = p - lr * buf
 * otherwise:    p = p + (-lr * g) / avg
 * </pre>
 *
 * References: Hinton, Neural Networks for Machine Learning, lecture 6e (2012); Graves,
 * "Generating Sequences With Recurrent Neural Networks" (arXiv:1308.0850) for the centered form.
 */
public final class RmsProp extends RangedRule<RmsProp.State> {
  // PyTorch only rejects alpha < 0; alpha > 1 would make square_avg negative.
  static final HyperParam ALPHA = HyperParam.number("alpha", 0.99, Check.CLOSED_UNIT,
      "smoothing constant of the running average of g^2");
  static final HyperParam CENTERED = HyperParam.bool("centered", false,
      "divide by an estimate of the variance of g instead of its second moment");

  static final OptimizerKind KIND = new OptimizerKind(
      "RMSprop",
      List.of(CommonParams.LR.withDefault(1e-2), ALPHA, CommonParams.EPS,
          CommonParams.WEIGHT_DECAY, CommonParams.MOMENTUM, CENTERED, CommonParams.MAXIMIZE),
      MomentumSlot.MOMENTUM,
      """
      g = g (or -g when maximize) + weight_decay * p
      s = alpha * s + (1 - alpha) * g^2
      avg = sqrt(s) + eps, or sqrt(s - a^2) + eps with a = alpha * a + (1 - alpha) * g if centered
      b = momentum * b + g / avg;  p = p - lr * b      (momentum > 0)
      p = p - lr * g / avg                             (momentum = 0)""",
      "Hinton, lecture 6e 2012; centered: Graves 2013 (arXiv:1308.0850); "
          + "torch.optim.RMSprop, PyTorch 1.13",
      "RMSprop(lr = 0.01, alpha = 0.9)",
      CommonParams::none,
      RmsProp::of);

  private final double alpha;
  private final double eps;
  private final double weightDecay;
  private final double momentum;
  private final boolean centered;
  private final boolean maximize;

  public RmsProp(double alpha, double eps, double weightDecay, double momentum, boolean centered,
      boolean maximize) {
    this.alpha = alpha;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.momentum = momentum;
    this.centered = centered;
    this.maximize = maximize;
  }

  static RmsProp of(HyperValues h) {
    return new RmsProp(h.number(ALPHA), h.number(CommonParams.EPS),
        h.number(CommonParams.WEIGHT_DECAY), h.number(CommonParams.MOMENTUM), h.bool(CENTERED),
        h.bool(CommonParams.MAXIMIZE));
  }

  /** PyTorch's {@code square_avg}, {@code momentum_buffer} and, when centered, {@code grad_avg}. */
  public static final class State extends OptimizerState {
    public final double[] squareAvg;
    /** Always allocated, so that a schedule may raise the momentum from 0. */
    public final double[] momentumBuffer;
    /** {@code null} unless centered. */
    public final double[] gradAvg;

    State(int n, boolean centered) {
      squareAvg = new double[n];
      momentumBuffer = new double[n];
      gradAvg = centered ? new double[n] : null;
    }

    @Override
    public Map<String, double[]> buffers() {
      return named("square_avg", squareAvg, "momentum_buffer", momentumBuffer, "grad_avg", gradAvg);
    }

    /** PyTorch makes it only with momentum; here it is always there, at zero until used. */
    @Override
    public java.util.Set<String> optional() {
      return java.util.Set.of("momentum_buffer");
    }
  }

  @Override
  public State init(int n) {
    return new State(n, centered);
  }

  /** Parameters {@code [from, to)} of the update of step {@code s.step}. */
  @Override
  void range(double[] p, double[] g, double lr, double momentum, State s, int from,
      int to) {
    double[] sq = s.squareAvg;
    double[] buf = s.momentumBuffer;
    double[] ga = s.gradAvg;
    double oneMinusAlpha = 1 - alpha;
    boolean useMomentum = momentum > 0;
    double negLr = -lr;
    if (to - from < KernelLoops.SMALL) {
      for (int i = from; i < to; i++) {
        at(i, p, g, sq, buf, ga, oneMinusAlpha, useMomentum, momentum, negLr);
      }
    } else {
      for (int i = from; i < to; i++) { // the same loop, profiled apart (KernelLoops)
        at(i, p, g, sq, buf, ga, oneMinusAlpha, useMomentum, momentum, negLr);
      }
    }
  }

  /** The update of parameter {@code i}. */
  private void at(int i, double[] p, double[] g, double[] sq, double[] buf, double[] ga,
      double oneMinusAlpha, boolean useMomentum, double momentum, double negLr) {
    double gi = maximize ? -g[i] : g[i];
    if (weightDecay != 0) {
      gi = TorchOps.add(gi, p[i], weightDecay);
    }
    double si = TorchOps.emaSquare(sq[i], gi, alpha, oneMinusAlpha);
    sq[i] = si;
    double avg;
    if (centered) {
      double ai = TorchOps.ema(ga[i], gi, alpha, oneMinusAlpha);
      ga[i] = ai;
      avg = Math.sqrt(TorchOps.addcmul(si, ai, ai, -1)) + eps;
    } else {
      avg = Math.sqrt(si) + eps;
    }
    if (useMomentum) {
      double b = TorchOps.addcdiv(buf[i] * momentum, gi, avg, 1);
      buf[i] = b;
      p[i] = TorchOps.add(p[i], b, negLr);
    } else {
      p[i] = TorchOps.addcdiv(p[i], gi, avg, negLr);
    }
  }

  @Override
  public double momentum() {
    return momentum;
  }

  @Override
  public FloatRule float32() {
    return new RmsPropFloat(alpha, eps, weightDecay, centered, maximize);
  }
}

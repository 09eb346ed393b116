package dev.optlab.optim;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Adagrad, as {@code torch.optim.Adagrad} ({@code _single_tensor_adagrad}, PyTorch 1.13). At step
 * {@code t} (1-based):
 *
 * <pre>
 * g = maximize ? -g : g
 * g = g + weight_decay * p                          (when weight_decay != 0)
 * clr = lr / (1 + (t - 1) * lr_decay)
 * sum = sum + g * g                                 (sum starts at initial_accumulator_value)
 * p = p + (-clr * g) / (sqrt(sum) + eps)            (eps outside the square root)
 * </pre>
 *
 * Reference: Duchi, Hazan &amp; Singer, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization" (JMLR 2011).
 */
public final class Adagrad extends RangedRule<Adagrad.State> {
  static final HyperParam LR_DECAY = HyperParam.number("lr_decay", 0.0, Check.NON_NEGATIVE,
      "the learning rate at step t is lr / (1 + (t - 1) * lr_decay)");
  static final HyperParam INITIAL_ACCUMULATOR_VALUE = HyperParam.number(
      "initial_accumulator_value", 0.0, Check.NON_NEGATIVE,
      "the starting value of the sum of squared gradients");

  static final OptimizerKind KIND = new OptimizerKind(
      "Adagrad",
      List.of(CommonParams.LR.withDefault(1e-2), LR_DECAY, CommonParams.WEIGHT_DECAY,
          INITIAL_ACCUMULATOR_VALUE, CommonParams.EPS.withDefault(1e-10), CommonParams.MAXIMIZE),
      MomentumSlot.NONE,
      """
      g = g (or -g when maximize) + weight_decay * p
      sum = sum + g^2                                 (sum starts at initial_accumulator_value)
      p = p - lr / (1 + (t - 1) * lr_decay) * g / (sqrt(sum) + eps)""",
      "Duchi, Hazan & Singer 2011 (JMLR 12); torch.optim.Adagrad, PyTorch 1.13",
      "Adagrad(lr = 0.5)",
      CommonParams::none,
      Adagrad::of);

  private final double lrDecay;
  private final double weightDecay;
  private final double initialAccumulatorValue;
  private final double eps;
  private final boolean maximize;

  public Adagrad(double lrDecay, double weightDecay, double initialAccumulatorValue, double eps,
      boolean maximize) {
    this.lrDecay = lrDecay;
    this.weightDecay = weightDecay;
    this.initialAccumulatorValue = initialAccumulatorValue;
    this.eps = eps;
    this.maximize = maximize;
  }

  static Adagrad of(HyperValues h) {
    return new Adagrad(h.number(LR_DECAY), h.number(CommonParams.WEIGHT_DECAY),
        h.number(INITIAL_ACCUMULATOR_VALUE), h.number(CommonParams.EPS),
        h.bool(CommonParams.MAXIMIZE));
  }

  /** PyTorch's {@code sum}, the running sum of squared gradients. */
  public static final class State extends OptimizerState {
    public final double[] sum;

    State(int n, double initial) {
      sum = new double[n];
      Arrays.fill(sum, initial);
    }

    @Override
    public Map<String, double[]> buffers() {
      return named("sum", sum);
    }
  }

  @Override
  public State init(int n) {
    return new State(n, initialAccumulatorValue);
  }

  /** Parameters {@code [from, to)} of the update of step {@code s.step}. */
  @Override
  void range(double[] p, double[] g, double lr, double momentum, State s, int from,
      int to) {
    long t = s.step;
    double[] sum = s.sum;
    double negClr = -(lr / (1 + (double) (t - 1) * lrDecay));
    if (to - from < KernelLoops.SMALL) {
      for (int i = from; i < to; i++) {
        at(i, p, g, sum, negClr);
      }
    } else {
      for (int i = from; i < to; i++) { // the same loop, profiled apart (KernelLoops)
        at(i, p, g, sum, negClr);
      }
    }
  }

  /** The update of parameter {@code i}. */
  private void at(int i, double[] p, double[] g, double[] sum, double negClr) {
    double gi = maximize ? -g[i] : g[i];
    if (weightDecay != 0) {
      gi = TorchOps.add(gi, p[i], weightDecay);
    }
    double si = TorchOps.addcmul(sum[i], gi, gi, 1);
    sum[i] = si;
    p[i] = TorchOps.addcdiv(p[i], gi, Math.sqrt(si) + eps, negClr);
  }

  @Override
  public double momentum() {
    return 0;
  }

  @Override
  public FloatRule float32() {
    return new AdagradFloat(lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
  }
}

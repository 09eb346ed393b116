package dev.optlab.optim;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.Arrays;
import java.util.List;

/**
 * Resilient backpropagation, as {@code torch.optim.Rprop} ({@code _single_tensor_rprop}, PyTorch
 * 1.13). Each parameter has its own step size, which starts at {@code lr} (the learning rate of
 * the first update; later learning rates are ignored, as in PyTorch):
 *
 * <pre>
 * g = maximize ? -g : g
 * s = sign(g * prev)
 * s > 0: step_size = min(step_size * eta_plus,  step_size_max)
 * s &lt; 0: step_size = max(step_size * eta_minus, step_size_min);  g = 0
 * s = 0: step_size = clamp(step_size, step_size_min, step_size_max)
 * p = p - sign(g) * step_size
 * prev = g
 * </pre>
 *
 * No {@code eps}: only the signs of gradients are used. Reference: Riedmiller &amp; Braun, "A
 * Direct Adaptive Method for Faster Backpropagation Learning: The RPROP Algorithm" (ICNN 1993).
 */
public final class Rprop extends RangedRule<TwoBuffers> {
  static final HyperParam ETAS = HyperParam.pair("etas", new double[] {0.5, 1.2}, Check.POSITIVE,
      "(eta_minus, eta_plus): how the step size shrinks when the gradient's sign flips"
          + " and grows when it holds");
  static final HyperParam STEP_SIZES = HyperParam.pair("step_sizes", new double[] {1e-6, 50},
      Check.NON_NEGATIVE, "(min, max): the bounds of each parameter's step size");

  static final OptimizerKind KIND = new OptimizerKind(
      "Rprop",
      List.of(CommonParams.LR.withDefault(1e-2), ETAS, STEP_SIZES, CommonParams.MAXIMIZE),
      MomentumSlot.NONE,
      """
      g = g (or -g when maximize); step sizes start at lr
      for each parameter, by the sign of g * g_prev:
      > 0: step = min(step * eta_plus, max);  < 0: step = max(step * eta_minus, min), g = 0
      p = p - sign(g) * step""",
      "Riedmiller & Braun 1993; torch.optim.Rprop, PyTorch 1.13",
      "Rprop(lr = 0.01, etas = (0.5, 1.2))",
      Rprop::crossCheck,
      Rprop::of);

  private final double etaMinus;
  private final double etaPlus;
  private final double stepSizeMin;
  private final double stepSizeMax;
  private final boolean maximize;
  /** The factor of the step size by the sign of {@code g * prev}: -1, 0 (or NaN), 1. */
  private final double[] etaBySign;

  public Rprop(double etaMinus, double etaPlus, double stepSizeMin, double stepSizeMax,
      boolean maximize) {
    this.etaMinus = etaMinus;
    this.etaPlus = etaPlus;
    this.stepSizeMin = stepSizeMin;
    this.stepSizeMax = stepSizeMax;
    this.maximize = maximize;
    this.etaBySign = new double[] {etaMinus, 1, etaPlus};
  }

  static Rprop of(HyperValues h) {
    double[] etas = h.pair(ETAS);
    double[] sizes = h.pair(STEP_SIZES);
    return new Rprop(etas[0], etas[1], sizes[0], sizes[1], h.bool(CommonParams.MAXIMIZE));
  }

  static String crossCheck(HyperValues h) {
    double[] etas = h.pair(ETAS);
    if (!(0 < etas[0] && etas[0] < 1 && 1 < etas[1])) {
      return "etas must satisfy 0 < etas[0] < 1 < etas[1], got "
          + HyperValues.format(etas);
    }
    double[] sizes = h.pair(STEP_SIZES);
    // PyTorch does not check this; its clamp would pin every step size to the maximum.
    if (!(sizes[0] <= sizes[1])) {
      return "step_sizes must satisfy step_sizes[0] <= step_sizes[1], got "
          + HyperValues.format(sizes);
    }
    return null;
  }

  @Override
  public TwoBuffers init(int n) {
    return new TwoBuffers("prev", "step_size", n);
  }

  /** Counts the step; the first sets every step size to lr. */
  @Override
  void count(double lr, double momentum, TwoBuffers s) {
    if (s.step++ == 0) {
      Arrays.fill(s.second, lr);
    }
  }

  @Override
  void range(double[] p, double[] g, double lr, double momentum, TwoBuffers s, int from,
      int to) {
    double[] prev = s.first;
    double[] size = s.second;
    if (to - from < KernelLoops.SMALL) {
      for (int i = from; i < to; i++) {
        at(i, p, g, prev, size, etaBySign);
      }
    } else {
      for (int i = from; i < to; i++) { // the same loop, profiled apart (KernelLoops)
        at(i, p, g, prev, size, etaBySign);
      }
    }
  }

  /**
   * The update of parameter {@code i}; {@code etas} is {@link #etaBySign}. Branch-free, with the
   * arithmetic of the cases in the class comment: the sign of g * prev flips at random from one
   * parameter to the next, so branches on it mispredict about half the time (9 ns a parameter over
   * 10M parameters). C2 compiles int selects to conditional moves but not double selects (on x86),
   * so the cases pick by ints: a table look-up for the factor, a bit mask for g = 0, and {@link
   * TorchOps#sign} (2.3 ns a parameter; bench/README.md).
   */
  private void at(int i, double[] p, double[] g, double[] prev, double[] size, double[] etas) {
    double gi = maximize ? -g[i] : g[i];
    double product = gi * prev[i];
    int up = product > 0 ? 1 : 0;
    int down = product < 0 ? 1 : 0; // neither for 0 and NaN, whose torch.sign is 0 in PyTorch 1.13
    // g = 0 (+0.0) after a sign flip: the mask is 0 when down, all ones otherwise.
    gi = Double.longBitsToDouble(Double.doubleToRawLongBits(gi) & (down - 1L));
    double si = Math.min(Math.max(size[i] * etas[1 + up - down], stepSizeMin), stepSizeMax);
    size[i] = si;
    p[i] = TorchOps.addcmul(p[i], TorchOps.sign(gi), si, -1);
    prev[i] = gi;
  }

  @Override
  public double momentum() {
    return 0;
  }

  @Override
  public FloatRule float32() {
    return new RpropFloat(etaMinus, etaPlus, stepSizeMin, stepSizeMax, maximize);
  }
}

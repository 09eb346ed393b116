package dev.optlab.optim;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum, L2 weight
 * decay and maximization, as {@code torch.optim.SGD} ({@code _single_tensor_sgd}, PyTorch 1.13):
 *
 * <pre>
 * d = maximize ? -g : g
 * d = d + weight_decay * p                          (when weight_decay != 0)
 * if momentum != 0:
 *   buf = d                                          (the first such step: a copy, no dampening)
 *   buf = momentum * buf + (1 - dampening) * d       (later steps)
 *   d = nesterov ? d + momentum * buf : buf
 * p = p - lr * d
 * </pre>
 *
 * Each {@code a + c * b} above is one fused multiply-add, as in PyTorch's CPU kernels ({@link
 * TorchOps}). The momentum is PyTorch's (velocity without the learning rate), not Sutskever's.
 * Reference: Sutskever et al., "On the importance of initialization and momentum in deep
 * learning" (ICML 2013) for Nesterov momentum.
 */
public final class Sgd implements UpdateRule, RangeUpdate {
  static final HyperParam DAMPENING = HyperParam.number("dampening", 0.0, Check.ANY,
      "dampening: the new gradient enters the momentum buffer scaled by 1 - dampening");
  static final HyperParam NESTEROV = HyperParam.bool("nesterov", false, "Nesterov momentum");

  static final OptimizerKind KIND = new OptimizerKind(
      "SGD",
      List.of(CommonParams.LR, CommonParams.MOMENTUM, DAMPENING, CommonParams.WEIGHT_DECAY,
          NESTEROV, CommonParams.MAXIMIZE),
      MomentumSlot.MOMENTUM,
      """
      d = g (or -g when maximize) + weight_decay * p
      b = d on the first step, then b = momentum * b + (1 - dampening) * d
      d = d + momentum * b if nesterov, else d = b        (only when momentum != 0)
      p = p - lr * d""",
      "Robbins & Monro 1951; Nesterov momentum after Sutskever et al. 2013; "
          + "torch.optim.SGD, PyTorch 1.13",
      "SGD(lr = 0.01, momentum = 0.9)",
      Sgd::crossCheck,
      Sgd::of);

  private final double momentum;
  private final double dampening;
  private final double weightDecay;
  private final boolean nesterov;
  private final boolean maximize;

  public Sgd(double momentum, double dampening, double weightDecay, boolean nesterov,
      boolean maximize) {
    this.momentum = momentum;
    this.dampening = dampening;
    this.weightDecay = weightDecay;
    this.nesterov = nesterov;
    this.maximize = maximize;
  }

  static Sgd of(HyperValues h) {
    return new Sgd(h.number(CommonParams.MOMENTUM), h.number(DAMPENING),
        h.number(CommonParams.WEIGHT_DECAY), h.bool(NESTEROV), h.bool(CommonParams.MAXIMIZE));
  }

  static String crossCheck(HyperValues h) {
    if (h.bool(NESTEROV) && (h.number(CommonParams.MOMENTUM) <= 0 || h.number(DAMPENING) != 0)) {
      return "Nesterov momentum requires a momentum and zero dampening";
    }
    return null;
  }

  /** SGD's state: PyTorch's {@code momentum_buffer}, which exists after the first momentum step. */
  public static final class State extends OptimizerState {
    public final double[] momentumBuffer;
    /** Whether {@link #momentumBuffer} holds a value (PyTorch's buffer is not {@code None}). */
    public boolean hasMomentumBuffer;

    State(int n) {
      momentumBuffer = new double[n];
    }

    @Override
    public Map<String, double[]> buffers() {
      return named("momentum_buffer", momentumBuffer);
    }

    @Override
    public Map<String, double[]> saved() {
      return hasMomentumBuffer ? buffers() : Map.of();
    }

    @Override
    public java.util.Set<String> optional() {
      return java.util.Set.of("momentum_buffer");
    }

    @Override
    public void load(long step, Map<String, double[]> saved) {
      super.load(step, saved);
      hasMomentumBuffer = saved.containsKey("momentum_buffer");
    }
  }

  @Override
  public State init(int n) {
    return new State(n);
  }

  @Override
  public void update(double[] p, double[] g, double lr, double momentum, OptimizerState state) {
    State s = (State) state;
    s.step++;
    boolean first = !s.hasMomentumBuffer;
    range(p, g, lr, momentum, s, first, 0, p.length);
    if (momentum != 0) {
      s.hasMomentumBuffer = true;
    }
  }

  @Override
  public Ranges begin(double[] p, double[] g, double lr, double momentum, OptimizerState state) {
    State s = (State) state;
    s.step++;
    boolean first = !s.hasMomentumBuffer;
    if (momentum != 0) {
      s.hasMomentumBuffer = true; // the ranges below fill the buffer
    }
    return (from, to) -> range(p, g, lr, momentum, s, first, from, to);
  }

  /** Parameters {@code [from, to)} of one update; {@code first}: the buffer is not there yet. */
  private void range(double[] p, double[] g, double lr, double momentum, State s, boolean first,
      int from, int to) {
    double[] buf = s.momentumBuffer;
    boolean useMomentum = momentum != 0;
    double keep = 1 - dampening;
    double negLr = -lr;
    if (to - from < KernelLoops.SMALL) {
      for (int i = from; i < to; i++) {
        at(i, p, g, buf, useMomentum, first, momentum, keep, negLr);
      }
    } else {
      for (int i = from; i < to; i++) { // the same loop, profiled apart (KernelLoops)
        at(i, p, g, buf, useMomentum, first, momentum, keep, negLr);
      }
    }
  }

  /** The update of parameter {@code i}. */
  private void at(int i, double[] p, double[] g, double[] buf, boolean useMomentum,
      boolean first, double momentum, double keep, double negLr) {
    double d = maximize ? -g[i] : g[i];
    if (weightDecay != 0) {
      d = TorchOps.add(d, p[i], weightDecay);
    }
    if (useMomentum) {
      double b = first ? d : TorchOps.add(buf[i] * momentum, d, keep);
      buf[i] = b;
      d = nesterov ? TorchOps.add(d, b, momentum) : b;
    }
    p[i] = TorchOps.add(p[i], d, negLr);
  }

  @Override
  public double momentum() {
    return momentum;
  }

  @Override
  public FloatRule float32() {
    return new SgdFloat(dampening, weightDecay, nesterov, maximize);
  }
}

package dev.optlab.optim;

/**
 * An optimizer's update rule with its hyperparameters fixed (Optax's init/update pair); the
 * mutable state lives apart, in the object {@link #init} returns, so one rule serves many runs.
 *
 * <p>Kernels run on primitive arrays and allocate nothing per step.
 */
public interface UpdateRule {
  /** Fresh state for {@code n} parameters (PyTorch's lazily created {@code state[p]}). */
  OptimizerState init(int n);

  /**
   * Fresh state for the parameter tensors of {@code layout}. Element-wise rules see one flat
   * array (the default); user-defined rules keep per-tensor buffers and reductions.
   */
  default OptimizerState init(ParamLayout layout) {
    return init(layout.size());
  }

  /**
   * Applies one update in place, {@code p <- p + delta(g, state)}, exactly as PyTorch's
   * {@code optimizer.step()} does in float64. {@code g} is the gradient at {@code p} and is not
   * modified.
   *
   * @param lr the learning rate this update uses (a schedule may change it every step)
   * @param momentum the momentum this update uses: SGD's and RMSprop's {@code momentum}, the Adam
   *     family's first beta; a schedule that cycles momentum changes it, otherwise it is {@link
   *     #momentum()}. Rules with no momentum ignore it.
   */
  void update(double[] p, double[] g, double lr, double momentum, OptimizerState state);

  /** The configured momentum (or first beta); {@code 0} for rules that have none. */
  double momentum();

  /**
   * The rule's float32 kernel, for runs with {@code dtype = float32}, or {@code null} when the
   * rule has none (the checker then names the optimizer in its error).
   */
  default FloatRule float32() {
    return null;
  }
}

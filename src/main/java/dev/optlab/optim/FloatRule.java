package dev.optlab.optim;

/**
 * An update rule's float32 kernel, for runs with {@code dtype = float32} (docs/tensors.md): the
 * same recipe as the rule's float64 {@link UpdateRule#update}, on float parameters, gradients and
 * state, as PyTorch's {@code torch.optim} steps a float32 tensor. Each Python-number
 * hyperparameter (lr, a beta, eps, the bias corrections, computed in float64 as Python does) is
 * rounded to float where PyTorch's kernel meets the float tensor with it; every operation on the
 * tensors is a float operation, with the fused multiply-adds of {@link TorchOps} in float.
 */
public interface FloatRule {
  /** Fresh state for {@code n} parameters. */
  FloatState init(int n);

  /** One update in place, {@code p <- p + delta(g, state)}; {@code g} is not modified. */
  void update(float[] p, float[] g, double lr, double momentum, FloatState state);
}

package dev.optlab.optim;

/**
 * The float64 arithmetic of the PyTorch CPU kernels that {@code torch.optim} calls, one scalar at a
 * time, so that the update rules here reproduce PyTorch's traces bit for bit.
 *
 * <p>Measured on torch 1.13 (Debian's python3-torch, AVX2/AVX-512 kernels) against exact
 * arithmetic over 20,000 random operands: the compiler contracts the scalar kernels' {@code a +
 * alpha * b} into a fused multiply-add, so {@code add(b, alpha=)} and {@code addcmul} round once
 * where plain Java would round twice; {@code addcdiv} is {@code a + (value * b) / c} (the value
 * multiplies the numerator before the division, not the quotient after it); a Python number
 * divided by a tensor is {@code reciprocal(t) * number} ({@code Tensor.__rtruediv__}). Java never
 * contracts on its own, so each fused step is spelled {@link Math#fma}, which the JIT turns into
 * one instruction on every x86-64 and ARM64 processor with FMA.
 *
 * <p>Every method is a small static one the JIT inlines into the kernels' loops.
 */
final class TorchOps {
  private TorchOps() {}

  /** {@code a.add(b, alpha=alpha)}: {@code a + alpha * b}, rounded once. */
  static double add(double a, double b, double alpha) {
    return Math.fma(alpha, b, a);
  }

  /** {@code a.addcmul(b, c, value=value)}: {@code a + (value * b) * c}, the last two fused. */
  static double addcmul(double a, double b, double c, double value) {
    return Math.fma(value * b, c, a);
  }

  /** {@code a.addcdiv(b, c, value=value)}: {@code a + (value * b) / c}. */
  static double addcdiv(double a, double b, double c, double value) {
    return a + value * b / c;
  }

  /**
   * An exponential moving average as PyTorch writes it, {@code avg.mul_(beta).add_(x, alpha=1 -
   * beta)}: {@code fma(1 - beta, x, avg * beta)}. {@code oneMinusBeta} is {@code 1 - beta},
   * computed once per step by the caller.
   */
  static double ema(double avg, double x, double beta, double oneMinusBeta) {
    return Math.fma(oneMinusBeta, x, avg * beta);
  }

  /**
   * A moving average of squares, {@code avg.mul_(beta).addcmul_(x, x, value=1 - beta)}: {@code
   * fma((1 - beta) * x, x, avg * beta)}.
   */
  static double emaSquare(double avg, double x, double beta, double oneMinusBeta) {
    return Math.fma(oneMinusBeta * x, x, avg * beta);
  }

  /**
   * {@code torch.sign}: -1, 0 (+0.0) or 1, and 0 for NaN (unlike {@link Math#signum}). Written as
   * two int selects, which C2 compiles to conditional moves: the chained {@code x > 0 ? 1 : x < 0 ?
   * -1 : 0} became branches that mispredict on gradients of random sign (Rprop, bench/README.md).
   */
  static double sign(double x) {
    return (x > 0 ? 1 : 0) - (x < 0 ? 1 : 0);
  }

  /** {@code 1 - beta ** step} as Python computes it (a float power of the step count). */
  static double biasCorrection(double beta, long step) {
    return 1 - Math.pow(beta, (double) step);
  }
}

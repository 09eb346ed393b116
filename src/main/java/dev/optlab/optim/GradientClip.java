package dev.optlab.optim;

import dev.optlab.hyper.HyperValues;

/**
 * Gradient clipping between the backward pass and the update, as PyTorch users write it before
 * {@code optimizer.step()} (PyTorch 1.13, {@code torch.nn.utils}):
 *
 * <pre>
 * clip_grad_norm_(params, max_norm):    (norm_type 2)
 *   total = norm(stack([norm(g_j) for each parameter tensor j]))
 *   coef = max_norm / (total + 1e-6)
 *   g = g * min(coef, 1)                 (always multiplied, also by 1)
 * clip_grad_value_(params, clip_value):
 *   g = clamp(g, -clip_value, clip_value)
 * </pre>
 *
 * <p>The arithmetic is PyTorch's, measured on its CPU kernels: a 2-norm is {@code sqrt} of the
 * squares summed in order from the first element, each step one fused multiply-add (single
 * threaded, as optlab's goldens are made; PyTorch's parallel reduction splits tensors of more
 * than 32,768 elements between threads, and so rounds them otherwise); a number divided by a
 * tensor is the tensor's reciprocal times the number ({@code Tensor.__rtruediv__}); a clamp
 * keeps NaN. A scalar parameter is a tensor of its own, so its norm is {@code sqrt(g * g)}.
 */
public final class GradientClip {
  /** The two forms, by the name a run writes. */
  public enum Mode {
    NORM("clip_grad_norm"),
    VALUE("clip_grad_value");

    public final String option;

    Mode(String option) {
      this.option = option;
    }
  }

  private final Mode mode;
  private final double value;
  /** Where each parameter tensor ends in the flat gradient, increasing. */
  private final int[] ends;

  private GradientClip(Mode mode, double value, int[] ends) {
    this.mode = mode;
    this.value = value;
    this.ends = ends.clone();
  }

  /**
   * {@code clip_grad_norm_} with {@code max_norm = maxNorm} over parameter tensors that end at
   * {@code ends} in the flat gradient (for scalar parameters {@code 1, 2, ..., n}).
   */
  public static GradientClip norm(double maxNorm, int[] ends) {
    return new GradientClip(Mode.NORM, maxNorm, ends);
  }

  /** {@code clip_grad_value_} with {@code clip_value = clipValue}. */
  public static GradientClip value(double clipValue) {
    return new GradientClip(Mode.VALUE, clipValue, new int[0]);
  }

  public Mode mode() {
    return mode;
  }

  public double value() {
    return value;
  }

  /** Clips the gradient {@code g} in place. Allocates nothing. */
  public void apply(double[] g) {
    if (mode == Mode.VALUE) {
      double lo = -value;
      for (int i = 0; i < g.length; i++) {
        g[i] = Math.min(Math.max(g[i], lo), value); // NaN stays NaN, as in torch.clamp
      }
      return;
    }
    double total = 0;
    int from = 0;
    for (int end : ends) {
      double n = Math.sqrt(sumOfSquares(g, from, end));
      total = Math.fma(n, n, total);
      from = end;
    }
    double coef = 1 / (Math.sqrt(total) + 1e-6) * value;
    coef = Math.min(coef, 1.0); // torch.clamp(max=1.0): a NaN coefficient stays NaN
    for (int i = 0; i < g.length; i++) {
      g[i] *= coef;
    }
  }

  /**
   * Clips a float32 gradient in place, as PyTorch's clip_grad_*_ on float tensors: each
   * tensor's norm and the total norm rounded to float (their sums of squares carried in a
   * double, as PyTorch's cascaded float sums are about as accurate), the coefficient a float.
   */
  public void apply(float[] g) {
    float v = (float) value;
    if (mode == Mode.VALUE) {
      for (int i = 0; i < g.length; i++) {
        g[i] = Math.min(Math.max(g[i], -v), v);
      }
      return;
    }
    double total = 0;
    int from = 0;
    for (int end : ends) {
      double s = 0;
      for (int i = from; i < end; i++) {
        s += (double) g[i] * g[i];
      }
      float n = (float) Math.sqrt(s);
      total += (double) n * n;
      from = end;
    }
    float coef = Math.min(v / ((float) Math.sqrt(total) + 1e-6f), 1f);
    for (int i = 0; i < g.length; i++) {
      g[i] *= coef;
    }
  }

  /** The squares of {@code g[from, end)} summed in order, each step fused. */
  private static double sumOfSquares(double[] g, int from, int end) {
    double s = 0;
    for (int i = from; i < end; i++) {
      s = Math.fma(g[i], g[i], s);
    }
    return s;
  }

  /** {@code clip_grad_norm=1}, as a run's title shows it beside the hyperparameters. */
  @Override
  public String toString() {
    return mode.option + "=" + HyperValues.format(value);
  }
}

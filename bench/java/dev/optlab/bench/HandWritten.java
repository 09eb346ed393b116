package dev.optlab.bench;

/**
 * The reference: Rosenbrock + Adam written by hand, the way a person would write it for two
 * parameters — local doubles, the gradient worked out on paper, and the update of {@code
 * torch.optim.Adam} (PyTorch 1.13, {@code _single_tensor_adam}) with its bias corrections taken
 * as {@code 1 - beta ** step} every step. optlab's run of the same statement does this same work
 * and more (the gradient norm of every step, the stop checks, the trace).
 */
public final class HandWritten {
  private HandWritten() {}

  /** Runs {@code steps} Adam updates from (-1.5, 2) and returns the final loss. */
  public static double rosenbrockAdam(long steps, double lr) {
    final double beta1 = 0.9;
    final double beta2 = 0.999;
    final double eps = 1e-8;
    double x = -1.5;
    double y = 2;
    double mx = 0;
    double my = 0;
    double vx = 0;
    double vy = 0;
    for (long t = 1; t <= steps; t++) {
      double r = y - x * x;
      double gx = -2 * (1 - x) - 400 * x * r;
      double gy = 200 * r;
      mx = beta1 * mx + (1 - beta1) * gx;
      my = beta1 * my + (1 - beta1) * gy;
      vx = beta2 * vx + (1 - beta2) * gx * gx;
      vy = beta2 * vy + (1 - beta2) * gy * gy;
      double stepSize = lr / (1 - Math.pow(beta1, t));
      double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
      x -= stepSize * mx / (Math.sqrt(vx) / bc2Sqrt + eps);
      y -= stepSize * my / (Math.sqrt(vy) / bc2Sqrt + eps);
    }
    double a = 1 - x;
    double b = y - x * x;
    return a * a + 100 * b * b;
  }
}

package dev.optlab.bench;

/**
 * The references of section (e): each built-in optimizer's update over a flat {@code double[]}
 * written by hand as one plain fused loop, the way a person would write it for the configuration
 * the benchmark runs (the options that are off are simply not written): the per-step scalars
 * (bias corrections, step sizes) computed once before the loop, then one pass over the parameter,
 * gradient and state arrays with the rule's arithmetic written out in ordinary Java ({@code a * b +
 * c}, no {@link Math#fma}). The results agree with optlab's kernels to rounding (optlab fuses where
 * PyTorch does, these loops do not); the benchmark checks that they do.
 */
final class HandKernels {
  private HandKernels() {}

  /** One hand-written rule with its own state arrays, which it allocates for {@code n}. */
  interface Kernel {
    /** One update at step {@code t} (1-based). */
    void update(double[] p, double[] g, long t);
  }

  /** SGD with momentum (no dampening, no Nesterov, no weight decay). */
  static Kernel sgdMomentum(int n, double lr, double momentum) {
    double[] buf = new double[n];
    return (p, g, t) -> {
      for (int i = 0; i < p.length; i++) {
        double b = momentum * buf[i] + g[i];
        buf[i] = b;
        p[i] -= lr * b;
      }
    };
  }

  /** Adam (no weight decay, no AMSGrad). */
  static Kernel adam(int n, double lr, double beta1, double beta2, double eps) {
    double[] m = new double[n];
    double[] v = new double[n];
    return (p, g, t) -> {
      double stepSize = lr / (1 - Math.pow(beta1, t));
      double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
      for (int i = 0; i < p.length; i++) {
        double gi = g[i];
        double mi = beta1 * m[i] + (1 - beta1) * gi;
        double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        p[i] -= stepSize * mi / (Math.sqrt(vi) / bc2Sqrt + eps);
      }
    };
  }

  /** AdamW: Adam with decoupled weight decay (p shrinks by 1 - lr * weight_decay first). */
  static Kernel adamW(int n, double lr, double beta1, double beta2, double eps,
      double weightDecay) {
    double[] m = new double[n];
    double[] v = new double[n];
    return (p, g, t) -> {
      double stepSize = lr / (1 - Math.pow(beta1, t));
      double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
      double shrink = 1 - lr * weightDecay;
      for (int i = 0; i < p.length; i++) {
        double gi = g[i];
        double mi = beta1 * m[i] + (1 - beta1) * gi;
        double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        p[i] = p[i] * shrink - stepSize * mi / (Math.sqrt(vi) / bc2Sqrt + eps);
      }
    };
  }

  /** Adagrad (no learning-rate decay, no weight decay, the sum starting at 0). */
  static Kernel adagrad(int n, double lr, double eps) {
    double[] sum = new double[n];
    return (p, g, t) -> {
      for (int i = 0; i < p.length; i++) {
        double gi = g[i];
        double s = sum[i] + gi * gi;
        sum[i] = s;
        p[i] -= lr * gi / (Math.sqrt(s) + eps);
      }
    };
  }

  /** RMSprop (not centered, no momentum, no weight decay). */
  static Kernel rmsprop(int n, double lr, double alpha, double eps) {
    double[] sq = new double[n];
    return (p, g, t) -> {
      for (int i = 0; i < p.length; i++) {
        double gi = g[i];
        double s = alpha * sq[i] + (1 - alpha) * gi * gi;
        sq[i] = s;
        p[i] -= lr * gi / (Math.sqrt(s) + eps);
      }
    };
  }

  /** Adadelta (no weight decay). */
  static Kernel adadelta(int n, double lr, double rho, double eps) {
    double[] sq = new double[n];
    double[] acc = new double[n];
    return (p, g, t) -> {
      for (int i = 0; i < p.length; i++) {
        double gi = g[i];
        double s = rho * sq[i] + (1 - rho) * gi * gi;
        sq[i] = s;
        double delta = Math.sqrt(acc[i] + eps) / Math.sqrt(s + eps) * gi;
        acc[i] = rho * acc[i] + (1 - rho) * delta * delta;
        p[i] -= lr * delta;
      }
    };
  }

  /** Adamax (no weight decay). */
  static Kernel adamax(int n, double lr, double beta1, double beta2, double eps) {
    double[] m = new double[n];
    double[] u = new double[n];
    return (p, g, t) -> {
      double stepSize = lr / (1 - Math.pow(beta1, t));
      for (int i = 0; i < p.length; i++) {
        double gi = g[i];
        double mi = beta1 * m[i] + (1 - beta1) * gi;
        double ui = Math.max(beta2 * u[i], Math.abs(gi) + eps);
        m[i] = mi;
        u[i] = ui;
        p[i] -= stepSize * mi / ui;
      }
    };
  }

  /** NAdam (no weight decay), Dozat's two terms with PyTorch's momentum schedule. */
  static Kernel nadam(int n, double lr, double beta1, double beta2, double eps,
      double momentumDecay) {
    double[] m = new double[n];
    double[] v = new double[n];
    double[] muProduct = {1};
    return (p, g, t) -> {
      double mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
      double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
      double prod = muProduct[0] * mu;
      muProduct[0] = prod;
      double gradCoef = lr * (1 - mu) / (1 - prod);
      double avgCoef = lr * muNext / (1 - prod * muNext);
      double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
      for (int i = 0; i < p.length; i++) {
        double gi = g[i];
        double mi = beta1 * m[i] + (1 - beta1) * gi;
        double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        double denom = Math.sqrt(vi) / bc2Sqrt + eps;
        p[i] = p[i] - gradCoef * gi / denom - avgCoef * mi / denom;
      }
    };
  }

  /** RAdam (no weight decay): the rectified update once rho_t > 5, SGD with momentum before. */
  static Kernel radam(int n, double lr, double beta1, double beta2, double eps) {
    double[] m = new double[n];
    double[] v = new double[n];
    return (p, g, t) -> {
      double bc1 = 1 - Math.pow(beta1, t);
      double bc2 = 1 - Math.pow(beta2, t);
      double rhoInf = 2 / (1 - beta2) - 1;
      double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / bc2;
      if (rhoT > 5) {
        double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf
            / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
        double stepSize = lr * rect * Math.sqrt(bc2) / bc1;
        for (int i = 0; i < p.length; i++) {
          double gi = g[i];
          double mi = beta1 * m[i] + (1 - beta1) * gi;
          double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
          m[i] = mi;
          v[i] = vi;
          p[i] -= stepSize * mi / (Math.sqrt(vi) + eps);
        }
      } else {
        double stepSize = lr / bc1;
        for (int i = 0; i < p.length; i++) {
          double gi = g[i];
          double mi = beta1 * m[i] + (1 - beta1) * gi;
          m[i] = mi;
          v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
          p[i] -= stepSize * mi;
        }
      }
    };
  }

  /** Rprop: each step size grows by etaPlus while the gradient's sign holds, shrinks on a flip. */
  static Kernel rprop(int n, double lr, double etaMinus, double etaPlus, double minStep,
      double maxStep) {
    double[] prev = new double[n];
    double[] size = new double[n];
    java.util.Arrays.fill(size, lr);
    return (p, g, t) -> {
      for (int i = 0; i < p.length; i++) {
        double gi = g[i];
        double s = size[i];
        double product = gi * prev[i];
        if (product > 0) {
          s = Math.min(s * etaPlus, maxStep);
        } else if (product < 0) {
          s = Math.max(s * etaMinus, minStep);
          gi = 0;
        }
        size[i] = s;
        p[i] -= Math.signum(gi) * s;
        prev[i] = gi;
      }
    };
  }
}

package dev.optlab.optim;

import java.util.Map;

/**
 * The golden cases' objectives, hand-coded with the exact floating-point operations PyTorch's
 * forward pass and autograd perform, so that a golden row's loss and gradient are reproduced bit
 * for bit and any difference in a trace comes from the optimizer. The gradient follows torch's
 * backward formulas: {@code pow(u, 2)} back-propagates {@code grad * (2 * u)}, {@code 1 - u}
 * gives {@code -grad}, {@code c * u} gives {@code grad * c}.
 */
final class Objectives {
  private Objectives() {}

  /** Writes the gradient at {@code p} into {@code g} and returns the loss. */
  @FunctionalInterface
  interface Objective {
    double eval(double[] p, double[] g);
  }

  private static final Map<String, Objective> BY_SOURCE = Map.of(
      "(1 - x)**2 + 100*(y - x**2)**2", Objectives::rosenbrock,
      "0.5*x**2 + 12.5*y**2", Objectives::quadratic,
      "-(0.5*x**2 + 12.5*y**2)", Objectives::negQuadratic,
      "(x - 1)**2 + 2*(y + 0.5)**2 + 3*(z - 2)**2", Objectives::bowl3);

  /** The objective whose PyTorch source (as in the case files) is {@code source}. */
  static Objective of(String source) {
    Objective f = BY_SOURCE.get(source);
    if (f == null) {
      throw new IllegalArgumentException("no Java version of objective " + source);
    }
    return f;
  }

  static double rosenbrock(double[] p, double[] g) {
    double x = p[0];
    double y = p[1];
    double a = 1 - x;
    double c = y - x * x;
    double gc = 100 * (2 * c);
    g[0] = -(1 * (2 * a)) + (-gc) * (2 * x);
    g[1] = gc;
    return a * a + 100 * (c * c);
  }

  static double quadratic(double[] p, double[] g) {
    double x = p[0];
    double y = p[1];
    g[0] = 0.5 * (2 * x);
    g[1] = 12.5 * (2 * y);
    return 0.5 * (x * x) + 12.5 * (y * y);
  }

  static double negQuadratic(double[] p, double[] g) {
    double x = p[0];
    double y = p[1];
    g[0] = -0.5 * (2 * x);
    g[1] = -12.5 * (2 * y);
    return -(0.5 * (x * x) + 12.5 * (y * y));
  }

  static double bowl3(double[] p, double[] g) {
    double a = p[0] - 1;
    double b = p[1] + 0.5;
    double c = p[2] - 2;
    g[0] = 2 * a;
    g[1] = 2 * (2 * b);
    g[2] = 3 * (2 * c);
    return a * a + 2 * (b * b) + 3 * (c * c);
  }

  /** The gradient's Euclidean norm as the oracle computes it: {@code sqrt(0 + g0^2 + g1^2 ...)}. */
  static double norm(double[] g) {
    double s = 0;
    for (double v : g) {
      s += v * v;
    }
    return Math.sqrt(s);
  }
}

package dev.optlab.ops;

/**
 * The scalar kernels of PyTorch 1.13's CPU float64 ops and the backward formulas of its autograd
 * ({@code tools/autograd/derivatives.yaml}, {@code FunctionsManual.cpp}), written so that Java
 * evaluates them with the same roundings. The one definition of each scalar operation: constant folding, the objective
 * interpreter and its bytecode ({@code diff/}) and the tensor kernels ({@code tensor/Elementwise})
 * all use these, so a folded subexpression has the value it would have had at run time and a
 * tensor op the value its scalar form has.
 *
 * <p>What makes them bit-identical to PyTorch: the same operation order ({@code (g * (1 - y)) *
 * y}, not {@code g * y * (1 - y)}); pow's special cases; {@code std::max}/{@code std::min}'s
 * treatment of signed zeros; the fused multiply-add that GCC contracts in the AVX2 build of
 * {@code tanh_backward}; and for the unary ops that PyTorch computes with SLEEF's vector
 * functions ({@code exp}, {@code log}, {@code sin}, {@code cos}, {@code tan}, {@code tanh},
 * including the {@code log} and {@code cos}/{@code sin} inside backward formulas), a port of
 * those functions ({@link Sleef}).
 *
 * <p>What can still differ in the last bit: the kernels PyTorch runs through its scalar path and
 * so through glibc, for which {@link Math} stands in: {@code pow} (general exponents; about 0.1%
 * of arguments), the {@code exp} inside {@code sigmoid}, {@code softplus} and its backward (0.2%,
 * mostly absorbed by the rounding of what follows), and {@code log1p} in {@code softplus}
 * (0.01%).
 */
public final class ScalarOps {
  private ScalarOps() {}

  /** {@code pow(Tensor, Scalar)} with the special cases of PyTorch's CPU kernel. */
  public static double powScalar(double x, double c) {
    if (c == 0) {
      return 1.0;
    } else if (c == 1) {
      return x;
    } else if (c == 2) {
      return x * x;
    } else if (c == 3) {
      return x * x * x;
    } else if (c == 0.5) {
      return Math.sqrt(x);
    } else if (c == -0.5) {
      return 1.0 / Math.sqrt(x);
    } else if (c == -1) {
      return 1.0 / x;
    } else if (c == -2) {
      return 1.0 / (x * x);
    }
    return Math.pow(x, c);
  }

  /** {@code 1 / (1 + exp(-x))}, the scalar path of PyTorch's sigmoid kernel. */
  public static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /** {@code softplus(x, beta=1, threshold=20)}: {@code x} above the threshold. */
  public static double softplus(double x) {
    return x > 20 ? x : Math.log1p(Math.exp(x));
  }

  /** {@code clamp_min(x, 0)} = {@code std::max(x, 0)}: keeps NaN and -0.0. */
  public static double relu(double x) {
    return x < 0 ? 0.0 : x;
  }

  /** {@code (0 < x) - (x < 0)}: +0.0 for both zeros and for NaN. */
  public static double sign(double x) {
    return (x > 0 ? 1.0 : 0.0) - (x < 0 ? 1.0 : 0.0);
  }

  /** {@code torch.maximum}: NaN if either is NaN, else {@code std::max} ({@code a} on ties). */
  public static double max(double a, double b) {
    return a != a || b != b ? Double.NaN : (a < b ? b : a);
  }

  /** {@code torch.minimum}: NaN if either is NaN, else {@code std::min} ({@code a} on ties). */
  public static double min(double a, double b) {
    return a != a || b != b ? Double.NaN : (b < a ? b : a);
  }

  // Backward formulas. g is the gradient flowing into the node.

  /** {@code grad * self.sgn()}. */
  public static double absBackward(double g, double x) {
    return g * sign(x);
  }

  /** {@code grad * self.cos()}. */
  public static double sinBackward(double g, double x) {
    return g * Sleef.cos(x);
  }

  /** {@code grad * -self.sin()}. */
  public static double cosBackward(double g, double x) {
    return g * -Sleef.sin(x);
  }

  /** {@code grad * (1 + result.pow(2))}. */
  public static double tanBackward(double g, double y) {
    return g * (1 + y * y);
  }

  /** {@code grad / (2 * result)}. */
  public static double sqrtBackward(double g, double y) {
    return g / (2 * y);
  }

  /** {@code threshold_backward(grad, result, 0)}: 0 where the result is {@code <= 0}. */
  public static double reluBackward(double g, double y) {
    return y <= 0 ? 0.0 : g;
  }

  /** reciprocal: {@code -grad * (result * result)}. */
  public static double recipBackward(double g, double y) {
    return -g * (y * y);
  }

  /** div, for {@code other}: {@code -grad * ((self / other) / other)}. */
  public static double divBackwardOther(double g, double a, double b) {
    return -g * ((a / b) / b);
  }

  /** pow(Tensor, Tensor), for the exponent. */
  public static double powTensorBackwardExponent(double g, double a, double b, double result) {
    return powBackwardExponent(g, a, Sleef.log(a), b, result);
  }

  public static double maxBackwardSelf(double g, double a, double b) {
    return minMaxBackwardSelf(true, g, a, b);
  }

  public static double maxBackwardOther(double g, double a, double b) {
    return minMaxBackwardOther(true, g, a, b);
  }

  public static double minBackwardSelf(double g, double a, double b) {
    return minMaxBackwardSelf(false, g, a, b);
  }

  public static double minBackwardOther(double g, double a, double b) {
    return minMaxBackwardOther(false, g, a, b);
  }

  /** {@code pow_backward}: zeros for c == 0, else {@code grad * (c * x.pow(c - 1))}. */
  public static double powScalarBackward(double g, double x, double c) {
    return c == 0 ? 0.0 : g * (c * powScalar(x, c - 1));
  }

  /** {@code pow_backward_self}: {@code where(b == 0, 0, grad * (b * a.pow(b - 1)))}. */
  public static double powBackwardBase(double g, double a, double b) {
    return b == 0 ? 0.0 : g * (b * Math.pow(a, b - 1));
  }

  /**
   * {@code pow_backward_exponent}: {@code grad * where(a == 0 & b >= 0, 0, result * log(a))};
   * {@code logA} is {@code log(a)}, precomputed when the base is a constant.
   */
  public static double powBackwardExponent(double g, double a, double logA, double b, double result) {
    return g * (a == 0 && b >= 0 ? 0.0 : result * logA);
  }

  /** {@code sigmoid_backward(grad, y)} = {@code grad * (1 - y) * y}. */
  public static double sigmoidBackward(double g, double y) {
    return g * (1.0 - y) * y;
  }

  /**
   * {@code tanh_backward(grad, y)} = {@code grad * (1 - y * y)}; PyTorch's AVX2 build contracts
   * {@code 1 - y * y} into one fused multiply-add.
   */
  public static double tanhBackward(double g, double y) {
    return g * Math.fma(-y, y, 1.0);
  }

  /** {@code softplus_backward}: {@code z = exp(x); x > 20 ? grad : grad * z / (z + 1)}. */
  public static double softplusBackward(double g, double x) {
    if (x > 20) {
      return g;
    }
    double z = Math.exp(x);
    return g * z / (z + 1.0);
  }

  /** The gradient of {@code self} of minimum ({@code max == false}) or maximum. */
  public static double minMaxBackwardSelf(boolean max, double g, double a, double b) {
    if (a == b) {
      return g / 2;
    }
    return (max ? a < b : a > b) ? 0.0 : g;
  }

  /** The gradient of {@code other} of minimum ({@code max == false}) or maximum. */
  public static double minMaxBackwardOther(boolean max, double g, double a, double b) {
    if (a == b) {
      return g / 2;
    }
    return (max ? a > b : a < b) ? 0.0 : g;
  }
}

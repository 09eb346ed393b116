package dev.optlab.rules;

import dev.optlab.ops.ScalarOps;
import dev.optlab.ops.Sleef;

/**
 * The arithmetic of a rule's operations, one element at a time, as PyTorch 1.13's float64 CPU
 * kernels compute them (optim/TorchOps explains the measurements): {@code add(x, y, alpha)} and
 * {@code addcmul} round once where the alpha multiplies ({@link Math#fma}); {@code addcdiv} is
 * {@code x + (value * a) / b}; a number divided by a tensor is {@code reciprocal(t) * number};
 * {@code t ^ c} has pow's special cases ({@link ScalarOps#powScalar}); {@code exp} and {@code log}
 * of a tensor are SLEEF's ({@link Sleef}), of a number glibc's (here {@link Math}). Both the
 * interpreter and the generated kernels call these, so they agree bit for bit.
 */
public final class Ops {
  private Ops() {}

  public static double unary(Node.Op op, double a) {
    return switch (op) {
      case NEG -> -a;
      case SQRT -> Math.sqrt(a);
      case RSQRT -> rsqrt(a);
      case ABS -> Math.abs(a);
      case SIGN -> sign(a);
      case EXP -> exp(a);
      case LOG -> log(a);
      case SCALAR_EXP -> scalarExp(a);
      case SCALAR_LOG -> scalarLog(a);
      default -> throw new IllegalArgumentException("not unary: " + op);
    };
  }

  public static double binary(Node.Op op, double a, double b) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case RDIV -> rdiv(a, b);
      case POW -> pow(a, b);
      case SCALAR_POW -> scalarPow(a, b);
      case MAX -> max(a, b);
      case MIN -> min(a, b);
      default -> throw new IllegalArgumentException("not binary: " + op);
    };
  }

  public static double ternary(Node.Op op, double a, double b, double c, double d) {
    return switch (op) {
      case ADD_ALPHA -> addAlpha(a, b, c);
      case ADDCMUL -> addcmul(a, b, c, d);
      case ADDCDIV -> addcdiv(a, b, c, d);
      case LERP -> lerp(a, b, c);
      case CLAMP -> clamp(a, b, c);
      default -> throw new IllegalArgumentException("not ternary: " + op);
    };
  }

  // One static method per operation: the generated kernels (KernelGen) call these directly, so
  // that the JIT inlines each into the loop; the switches above call the same ones.

  /** {@code exp} of a tensor: SLEEF's. */
  public static double exp(double a) {
    return Sleef.exp(a);
  }

  /** {@code log} of a tensor: SLEEF's. */
  public static double log(double a) {
    return Sleef.log(a);
  }

  /** {@code exp} of a number: glibc's. */
  public static double scalarExp(double a) {
    return Math.exp(a);
  }

  /** {@code log} of a number: glibc's. */
  public static double scalarLog(double a) {
    return Math.log(a);
  }

  /** {@code tensor ** number}, with pow's special cases. */
  public static double pow(double a, double b) {
    return ScalarOps.powScalar(a, b);
  }

  /** {@code number ** number}. */
  public static double scalarPow(double a, double b) {
    return Math.pow(a, b);
  }

  /** {@code max(a, b)} of tensors ({@link ScalarOps#max}). */
  public static double max(double a, double b) {
    return ScalarOps.max(a, b);
  }

  /** {@code min(a, b)} of tensors ({@link ScalarOps#min}). */
  public static double min(double a, double b) {
    return ScalarOps.min(a, b);
  }

  /** {@code add(x, y, alpha = a)}: {@code x + a * y}, rounded once. */
  public static double addAlpha(double x, double y, double alpha) {
    return Math.fma(alpha, y, x);
  }

  /** {@code 1 / sqrt(a)}, as PyTorch's vectorized rsqrt divides. */
  public static double rsqrt(double a) {
    return 1.0 / Math.sqrt(a);
  }

  /** {@code torch.sign}: -1, 0 or 1, and 0 for NaN. */
  public static double sign(double x) {
    return (x > 0 ? 1 : 0) - (x < 0 ? 1 : 0);
  }

  /** {@code number / tensor}: {@code Tensor.__rtruediv__} is {@code reciprocal(t) * number}. */
  public static double rdiv(double number, double t) {
    return (1.0 / t) * number;
  }

  /** {@code x.addcmul(a, b, value=v)}: {@code x + (v * a) * b}, the last two fused. */
  public static double addcmul(double x, double a, double b, double v) {
    return Math.fma(v * a, b, x);
  }

  /** {@code x.addcdiv(a, b, value=v)}: {@code x + (v * a) / b}. */
  public static double addcdiv(double x, double a, double b, double v) {
    return x + v * a / b;
  }

  /**
   * {@code torch.lerp(a, b, w)} on the CPU: from the nearer end, {@code a + w * (b - a)} for
   * {@code |w| < 0.5}, else {@code b - (b - a) * (1 - w)}, each rounded once (measured on torch
   * 1.13 float64).
   */
  public static double lerp(double a, double b, double w) {
    double diff = b - a;
    return Math.abs(w) < 0.5 ? Math.fma(w, diff, a) : Math.fma(-diff, 1 - w, b);
  }

  /** {@code torch.clamp(x, lo, hi)}: NaN stays NaN; a NaN bound is no bound. */
  public static double clamp(double x, double lo, double hi) {
    if (x != x) {
      return x;
    }
    double y = lo == lo ? Math.max(x, lo) : x;
    return hi == hi ? Math.min(y, hi) : y;
  }
}

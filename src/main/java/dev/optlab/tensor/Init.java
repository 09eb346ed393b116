package dev.optlab.tensor;

import dev.optlab.data.Rng;
import dev.optlab.trace.Numbers;

/**
 * How a parameter starts: a constant, or drawn at random from the run's seed. He and Xavier are
 * PyTorch's {@code kaiming_*_} and {@code xavier_*_} ({@code torch.nn.init}, PyTorch 1.13) with
 * the fans of a weight used as {@code x @ W}: for {@code W[in, out]}, {@code fan_in = in} and
 * {@code fan_out = out} (for more dimensions, each times the product of the dimensions after the
 * second), the fans PyTorch computes for the same layer's {@code nn.Linear} weight, which it
 * stores transposed as {@code [out, in]}.
 */
public sealed interface Init {
  /** Whether it needs two or more dimensions to compute fans. */
  default boolean needsFans() {
    return false;
  }

  /** Fills {@code p[offset, offset + shape.size)} drawing from {@code rng}. */
  void fill(double[] p, int offset, Shape shape, Rng rng);

  record Constant(double value) implements Init {
    @Override
    public String toString() {
      return "= " + Numbers.repr(value);
    }

    public void fill(double[] p, int offset, Shape shape, Rng rng) {
      java.util.Arrays.fill(p, offset, offset + (int) shape.size(0), value);
    }
  }

  /**
   * Given values ({@code = [[...], ...]}, {@code = npy("w.npy")}, {@code = csv("w.csv")}), row-major,
   * as many as the shape holds: a run can start from PyTorch's weights.
   *
   * @param written how the source reads, for {@code explain}
   */
  record Values(double[] values, String written) implements Init {
    @Override
    public String toString() {
      return "= " + written;
    }

    public void fill(double[] p, int offset, Shape shape, Rng rng) {
      System.arraycopy(values, 0, p, offset, values.length);
    }
  }

  /** {@code normal(mean, std)}: {@code mean + std * N(0, 1)}. */
  record Normal(double mean, double std) implements Init {
    @Override
    public String toString() {
      return "~ normal(" + Numbers.repr(mean) + ", "
          + Numbers.repr(std) + ")";
    }

    public void fill(double[] p, int offset, Shape shape, Rng rng) {
      for (int i = 0; i < shape.size(0); i++) {
        p[offset + i] = mean + std * rng.nextGaussian();
      }
    }
  }

  /** {@code uniform(a, b)}: {@code a + (b - a) * U[0, 1)}. */
  record Uniform(double a, double b) implements Init {
    @Override
    public String toString() {
      return "~ uniform(" + Numbers.repr(a) + ", "
          + Numbers.repr(b) + ")";
    }

    public void fill(double[] p, int offset, Shape shape, Rng rng) {
      for (int i = 0; i < shape.size(0); i++) {
        p[offset + i] = a + (b - a) * rng.nextDouble();
      }
    }
  }

  /**
   * Glorot &amp; Bengio (AISTATS 2010), {@code xavier_uniform_}: {@code U(-bound, bound)}, {@code
   * bound = sqrt(3) * std}; {@code xavier_normal_}: {@code N(0, std^2)}; both with
   * {@code std = gain * sqrt(2 / (fan_in + fan_out))}.
   */
  record Xavier(boolean normal, double gain) implements Init {
    @Override
    public String toString() {
      return "~ xavier_" + (normal ? "normal" : "uniform")
          + (gain == 1 ? "" : "(gain = " + Numbers.repr(gain) + ")");
    }

    public boolean needsFans() {
      return true;
    }

    public void fill(double[] p, int offset, Shape shape, Rng rng) {
      double std = gain * Math.sqrt(2.0 / (fanIn(shape) + fanOut(shape)));
      if (normal) {
        new Normal(0, std).fill(p, offset, shape, rng);
      } else {
        double bound = Math.sqrt(3.0) * std; // PyTorch's arithmetic, so the bound is its bits
        new Uniform(-bound, bound).fill(p, offset, shape, rng);
      }
    }
  }

  /**
   * He et al. (ICCV 2015), {@code kaiming_uniform_} / {@code kaiming_normal_} with PyTorch's
   * defaults for a ReLU network ({@code a = 0}, gain {@code sqrt(2)}): {@code U(-bound, bound)},
   * {@code bound = sqrt(3) * std}, or {@code N(0, std^2)}, with {@code std = sqrt(2) /
   * sqrt(fan)}; {@code fan} is {@code fan_in}, or {@code fan_out} with {@code mode = "fan_out"}.
   */
  record He(boolean normal, boolean byFanOut) implements Init {
    @Override
    public String toString() {
      return "~ he_" + (normal ? "normal" : "uniform") + (byFanOut ? "(mode = \"fan_out\")" : "");
    }

    public boolean needsFans() {
      return true;
    }

    public void fill(double[] p, int offset, Shape shape, Rng rng) {
      double fan = byFanOut ? fanOut(shape) : fanIn(shape);
      double std = Math.sqrt(2.0) / Math.sqrt(fan);
      if (normal) {
        new Normal(0, std).fill(p, offset, shape, rng);
      } else {
        double bound = Math.sqrt(3.0) * std;
        new Uniform(-bound, bound).fill(p, offset, shape, rng);
      }
    }
  }

  private static double receptive(Shape s) {
    double r = 1;
    for (int i = 2; i < s.rank(); i++) {
      r *= s.dim(i);
    }
    return r;
  }

  static double fanIn(Shape s) {
    return s.dim(0) * receptive(s);
  }

  static double fanOut(Shape s) {
    return s.dim(1) * receptive(s);
  }
}

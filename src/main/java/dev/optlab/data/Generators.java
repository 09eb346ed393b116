package dev.optlab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic data sets that need no file, after scikit-learn's {@code make_moons} and {@code
 * make_blobs}, CS231n's spirals and a noisy linear regression. Every one is drawn from its own
 * {@link Rng} stream of the seed, then split and scaled like a CSV file's rows ({@link
 * Preparation}); rows come class by class and are shuffled only by a test split.
 */
public final class Generators {
  private Generators() {}

  /** The generators' names, for "did you mean". */
  public static final List<String> NAMES = List.of("moons", "spirals", "blobs", "linear");

  /**
   * Two interleaving half circles: {@code n / 2} (rounded down) on the outer moon {@code (cos t,
   * sin t)}, the rest on the inner one {@code (1 - cos t, 0.5 - sin t)}, {@code t} evenly spaced
   * over {@code [0, pi]}, plus Gaussian noise of standard deviation {@code noise}. Labels 0
   * (outer) and 1 (inner).
   */
  public static Raw moons(int n, double noise, long seed) {
    Rng rng = Rng.of(seed, Rng.GENERATE);
    int outer = n / 2;
    int inner = n - outer;
    Raw r = new Raw(n, 2, List.of("x1", "x2"));
    for (int i = 0; i < outer; i++) {
      double t = outer == 1 ? 0 : Math.PI * i / (outer - 1);
      r.set(i, 0, Math.cos(t), Math.sin(t));
    }
    for (int i = 0; i < inner; i++) {
      double t = inner == 1 ? 0 : Math.PI * i / (inner - 1);
      r.set(outer + i, 1, 1 - Math.cos(t), 0.5 - Math.sin(t));
    }
    r.addNoise(rng, noise);
    return r;
  }

  /**
   * {@code classes} spiral arms of {@code n / classes} points (the first arms get one more when
   * it does not divide): arm {@code k}'s point at radius {@code r} in [0, 1] has angle {@code 4k
   * + 4r} plus Gaussian noise of standard deviation {@code noise}, at {@code (r sin a, r cos a)}.
   */
  public static Raw spirals(int n, int classes, double noise, long seed) {
    Rng rng = Rng.of(seed, Rng.GENERATE);
    Raw r = new Raw(n, 2, List.of("x1", "x2"));
    int row = 0;
    for (int k = 0; k < classes; k++) {
      int m = n / classes + (k < n % classes ? 1 : 0);
      for (int i = 0; i < m; i++) {
        double radius = m == 1 ? 0 : (double) i / (m - 1);
        double a = 4.0 * k + 4.0 * radius + noise * rng.nextGaussian();
        r.set(row++, k, radius * Math.sin(a), radius * Math.cos(a));
      }
    }
    return r;
  }

  /**
   * Gaussian blobs: {@code centers} centres drawn uniformly from {@code [-10, 10]^features}, then
   * {@code n / centers} points around each (the first get one more when it does not divide), of
   * standard deviation {@code std}. Label: the centre's number.
   */
  public static Raw blobs(int n, int centers, int features, double std, long seed) {
    Rng rng = Rng.of(seed, Rng.GENERATE);
    List<String> names = new ArrayList<>();
    for (int j = 0; j < features; j++) {
      names.add("x" + (j + 1));
    }
    double[] c = new double[centers * features];
    for (int i = 0; i < c.length; i++) {
      c[i] = -10 + 20 * rng.nextDouble();
    }
    Raw r = new Raw(n, features, names);
    int row = 0;
    for (int k = 0; k < centers; k++) {
      int m = n / centers + (k < n % centers ? 1 : 0);
      for (int i = 0; i < m; i++, row++) {
        r.y[row] = k;
        for (int j = 0; j < features; j++) {
          r.x[row * features + j] = c[k * features + j] + std * rng.nextGaussian();
        }
      }
    }
    return r;
  }

  /**
   * Noisy linear regression: features standard normal, true weights {@code w} standard normal,
   * true bias {@code bias}, target {@code x @ w + bias + noise * N(0, 1)}.
   */
  public static Raw linear(int n, int features, double noise, double bias, long seed) {
    Rng rng = Rng.of(seed, Rng.GENERATE);
    List<String> names = new ArrayList<>();
    double[] w = new double[features];
    for (int j = 0; j < features; j++) {
      names.add("x" + (j + 1));
      w[j] = rng.nextGaussian();
    }
    Raw r = new Raw(n, features, names);
    for (int i = 0; i < n; i++) {
      double s = bias;
      for (int j = 0; j < features; j++) {
        double v = rng.nextGaussian();
        r.x[i * features + j] = v;
        s += v * w[j];
      }
      r.y[i] = s + noise * rng.nextGaussian();
    }
    return r;
  }

  /**
   * Refuses, before drawing anything, a generated set that cannot be held: more values than a
   * Java array takes, or more than the heap has room for (the rows, then their prepared copy).
   *
   * @param what the call as written, to start the message with
   */
  public static void checkSize(long rows, long cols, String what) {
    long values = rows * cols; // both at most 2^31, so no overflow
    if (values > NumericArray.MAX_VALUES) {
      throw new DataError(what + " would hold " + values + " values (" + (values >> 17)
          + " MB as float64); the most one data set holds is " + NumericArray.MAX_VALUES
          + " values (make n or features smaller)");
    }
    HeapCheck.require(2 * (values + rows) * Double.BYTES, what, "make n or features smaller");
  }

  /** Generated rows before the split. */
  public static final class Raw {
    public final int rows;
    public final int cols;
    public final double[] x;
    public final double[] y;
    public final List<String> features;

    Raw(int rows, int cols, List<String> features) {
      this.rows = rows;
      this.cols = cols;
      this.x = new double[rows * cols];
      this.y = new double[rows];
      this.features = features;
    }

    private void set(int row, int label, double a, double b) {
      x[row * 2] = a;
      x[row * 2 + 1] = b;
      y[row] = label;
    }

    private void addNoise(Rng rng, double noise) {
      if (noise != 0) {
        for (int i = 0; i < x.length; i++) {
          x[i] += noise * rng.nextGaussian();
        }
      }
    }

    public Dataset prepare(String name, double test, long seed, Preparation.Scale scale,
        String origin) {
      return Preparation.prepare(name, features, "y", null, x, y, rows, cols, test, seed, scale,
          origin);
    }
  }
}

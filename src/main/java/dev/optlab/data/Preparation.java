package dev.optlab.data;

/**
 * What happens to raw rows on their way to a {@link Dataset}: a seeded train/test split, then
 * standardisation fitted on the training rows only (so nothing about the held-out rows leaks into
 * training).
 *
 * <p>The split follows scikit-learn's {@code ShuffleSplit}: the rows are permuted with the seed,
 * the first {@code ceil(test * rows)} are held out, the rest train, in permuted order. With no
 * test split the rows keep the file's order. Standardisation is scikit-learn's {@code
 * StandardScaler}: {@code (x - mean) / std} with the population standard deviation (ddof 0),
 * each sum taken over the rows in order; a constant column keeps scale 1.
 */
public final class Preparation {
  private Preparation() {}

  public enum Scale {
    NONE, STANDARD
  }

  /**
   * @param x raw features, row-major {@code rows * cols}
   * @param test the held-out fraction in [0, 1)
   * @throws DataError when the split leaves no training row
   */
  public static Dataset prepare(String name, java.util.List<String> features, String target,
      java.util.List<String> classes, double[] x, double[] y, int rows, int cols, double test,
      long seed, Scale scale, String origin) {
    int nTest = (int) Math.ceil(test * rows);
    if (rows - nTest < 1) {
      throw new DataError("a test split of " + test + " leaves no training rows out of " + rows);
    }
    int[] order;
    if (nTest == 0) {
      order = new int[rows];
      for (int i = 0; i < rows; i++) {
        order[i] = i;
      }
    } else {
      order = Rng.of(seed, Rng.SPLIT).permutation(rows);
    }
    Dataset.Part testPart = part(x, y, cols, order, 0, nTest);
    Dataset.Part train = part(x, y, cols, order, nTest, rows);
    if (scale == Scale.STANDARD) {
      double[] mean = new double[cols];
      double[] std = new double[cols];
      fit(train, mean, std);
      apply(train, mean, std);
      apply(testPart, mean, std);
    }
    return new Dataset(name, features, target, classes, train, testPart, origin);
  }

  /**
   * Standardises a data set whose held-out rows came separately (their own files), in place:
   * fitted on the training rows, applied to both, as {@link #prepare} does after its split.
   */
  static void standardise(Dataset.Part train, Dataset.Part test) {
    double[] mean = new double[train.cols()];
    double[] std = new double[train.cols()];
    fit(train, mean, std);
    apply(train, mean, std);
    apply(test, mean, std);
  }

  private static Dataset.Part part(double[] x, double[] y, int cols, int[] order, int from,
      int to) {
    return part(x, null, y, cols, order, from, to);
  }

  /** The rows {@code order[from, to)} of {@code x} or, when it is null, of {@code x32}. */
  static Dataset.Part part(double[] x, float[] x32, double[] y, int cols, int[] order,
      int from, int to) {
    int n = to - from;
    double[] px = x == null ? null : new double[n * cols];
    float[] pf = x == null ? new float[n * cols] : null;
    double[] py = new double[n];
    for (int i = 0; i < n; i++) {
      int r = order[from + i];
      if (x != null) {
        System.arraycopy(x, r * cols, px, i * cols, cols);
      } else {
        System.arraycopy(x32, r * cols, pf, i * cols, cols);
      }
      py[i] = y[r];
    }
    return new Dataset.Part(n, cols, px, py, pf);
  }

  /** {@link #prepare}'s split and scaling for features held in float32. */
  static Dataset prepare32(String name, java.util.List<String> features, float[] x, double[] y,
      int rows, int cols, double test, long seed, Scale scale, String origin) {
    int nTest = (int) Math.ceil(test * rows);
    if (rows - nTest < 1) {
      throw new DataError("a test split of " + test + " leaves no training rows out of " + rows);
    }
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    if (nTest > 0) {
      order = Rng.of(seed, Rng.SPLIT).permutation(rows);
    }
    Dataset.Part testPart = part(null, x, y, cols, order, 0, nTest);
    Dataset.Part train = part(null, x, y, cols, order, nTest, rows);
    if (scale == Scale.STANDARD) {
      standardise(train, testPart);
    }
    return new Dataset(name, features, "y", null, train, testPart, origin);
  }

  private static double at(Dataset.Part p, int k) {
    return p.x() != null ? p.x()[k] : p.x32()[k];
  }

  /** Means and population standard deviations, summed over rows in order. */
  static void fit(Dataset.Part p, double[] mean, double[] std) {
    int cols = p.cols();
    for (int j = 0; j < cols; j++) {
      double s = 0;
      for (int i = 0; i < p.rows(); i++) {
        s += at(p, i * cols + j);
      }
      double m = s / p.rows();
      double ss = 0;
      for (int i = 0; i < p.rows(); i++) {
        double d = at(p, i * cols + j) - m;
        ss += d * d;
      }
      double sd = Math.sqrt(ss / p.rows());
      mean[j] = m;
      std[j] = sd == 0 ? 1 : sd;
    }
  }

  private static void apply(Dataset.Part p, double[] mean, double[] std) {
    int cols = p.cols();
    float[] f = p.x32();
    if (f != null) { // computed in float64, rounded once: PyTorch's ((x - m) / s).float()
      for (int i = 0; i < p.rows(); i++) {
        for (int j = 0; j < cols; j++) {
          f[i * cols + j] = (float) ((f[i * cols + j] - mean[j]) / std[j]);
        }
      }
      return;
    }
    double[] x = p.x();
    for (int i = 0; i < p.rows(); i++) {
      for (int j = 0; j < cols; j++) {
        x[i * cols + j] = (x[i * cols + j] - mean[j]) / std[j];
      }
    }
  }
}

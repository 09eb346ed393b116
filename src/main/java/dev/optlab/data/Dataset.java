package dev.optlab.data;

import java.util.List;

/**
 * A data set ready to train on: features and targets, split into a training and a held-out
 * part, already scaled. Immutable; the arrays are never written after construction.
 *
 * @param features the feature columns' names, in order
 * @param target the target column's name
 * @param classes the class names of a target written as strings, in label order (label {@code i}
 *     is {@code classes.get(i)}); null when the target was numeric
 * @param train the training rows
 * @param test the held-out rows (zero rows when there is no split)
 * @param origin where it came from, as {@code describe()} shows it
 */
public record Dataset(String name, List<String> features, String target, List<String> classes,
    Part train, Part test, String origin) {

  /** The sources a {@code data} statement reads or makes a data set from (docs/tensors.md). */
  public static final List<String> SOURCES =
      List.of("csv", "idx", "npy", "npz", "moons", "spirals", "blobs", "linear");

  public Dataset {
    features = List.copyOf(features);
    classes = classes == null ? null : List.copyOf(classes);
  }

  /**
   * Features held as one unsigned byte each (8-bit images, read from an IDX file of type ubyte):
   * feature {@code j} of a row is {@code (byte - mean[j]) / scale[j]} in float64, with the mean
   * 0 and the scale 1 until the data set is standardised ({@link Preparation}), which is the
   * byte itself, exactly. That is the arithmetic standardisation does on a double array, so the
   * features read are the doubles a double array would hold, bit for bit, from an eighth of the
   * memory: Fashion-MNIST's 60,000 training images are 47 MB instead of 376 MB, and load
   * without making or touching the big array. (A table of the 256 values per column would save
   * the division, but it is 1.6 MB, beyond the L2 cache, and each feature's lookup lands in
   * another part of it; the division reads memory only in order. Tried: the table's runs were
   * no faster, within this shared machine's noise of 7-11 s for the same 3-epoch run.)
   *
   * @param values row-major, {@code rows * cols}
   */
  public record Codes(byte[] values, double[] mean, double[] scale) {
    /** The bytes standing for themselves. */
    static Codes of(byte[] values, int cols) {
      double[] scale = new double[cols];
      java.util.Arrays.fill(scale, 1.0);
      return new Codes(values, new double[cols], scale);
    }
  }

  /**
   * Rows of features and targets.
   *
   * @param x row-major, {@code rows * cols}; null when the features are held in {@code x32} or
   *     {@code codes}
   * @param y one target per row: a class label (0, 1, ...) or a number
   * @param x32 the features in float32, for a data set declared with {@code dtype = "float32"}
   *     (docs/tensors.md), or null
   * @param codes the features as bytes ({@link Codes}), or null
   */
  public record Part(int rows, int cols, double[] x, double[] y, float[] x32, Codes codes) {
    public Part(int rows, int cols, double[] x, double[] y) {
      this(rows, cols, x, y, null, null);
    }

    public Part(int rows, int cols, double[] x, double[] y, float[] x32) {
      this(rows, cols, x, y, x32, null);
    }

    /** Feature {@code j} of row {@code i}, as a double. */
    public double at(int i, int j) {
      int k = i * cols + j;
      if (x != null) {
        return x[k];
      }
      return x32 != null ? x32[k] : ((codes.values[k] & 0xff) - codes.mean[j]) / codes.scale[j];
    }

    /**
     * Copies {@code n} rows from row {@code from} into {@code dst} at {@code at}, as doubles: a
     * chunk of a pass over all rows, for features not held as doubles.
     */
    public void copyRows(int from, int n, double[] dst, int at) {
      if (x != null) {
        System.arraycopy(x, from * cols, dst, at, n * cols);
        return;
      }
      for (int r = 0; r < n; r++) {
        copyRow(from + r, dst, at + r * cols);
      }
    }

    /** Copies row {@code row}'s features into {@code dst} at {@code at}, as doubles. */
    public void copyRow(int row, double[] dst, int at) {
      int k = row * cols;
      if (x != null) {
        System.arraycopy(x, k, dst, at, cols);
      } else if (x32 != null) {
        for (int j = 0; j < cols; j++) {
          dst[at + j] = x32[k + j];
        }
      } else {
        byte[] v = codes.values;
        double[] mean = codes.mean;
        double[] scale = codes.scale;
        for (int j = 0; j < cols; j++) {
          dst[at + j] = ((v[k + j] & 0xff) - mean[j]) / scale[j];
        }
      }
    }

    /** The features as doubles: {@code x}, or the others widened or decoded (a copy). */
    public double[] xAsDoubles() {
      if (x != null) {
        return x;
      }
      double[] d = new double[rows * cols];
      copyRows(0, rows, d, 0);
      return d;
    }

    /** This part with its features rounded to float32 once; itself if they are already. */
    public Part toFloat32() {
      if (x32 != null) {
        return this;
      }
      float[] f = new float[rows * cols];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          f[i * cols + j] = (float) at(i, j);
        }
      }
      return new Part(rows, cols, null, y, f);
    }
  }

  /** Whether the features are held in float32 ({@code dtype = "float32"}). */
  public boolean float32() {
    return train.x32() != null;
  }

  /** This data set with its features in float32. */
  public Dataset toFloat32() {
    return new Dataset(name, features, target, classes, train.toFloat32(), test.toFloat32(),
        origin);
  }

  public int cols() {
    return train.cols();
  }

  /** All rows, training and held out. */
  public int rows() {
    return train.rows() + test.rows();
  }

  /** Whether every target is a whole number at least 0: usable as class labels. */
  public boolean labelsAreClasses() {
    return minMaxLabel()[0] >= 0 && integral(train.y) && integral(test.y);
  }

  /** The smallest and largest target over both parts. */
  public double[] minMaxLabel() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Part p : List.of(train, test)) {
      for (double v : p.y) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return new double[] {lo, hi};
  }

  private static boolean integral(double[] y) {
    for (double v : y) {
      if (v != Math.rint(v)) {
        return false;
      }
    }
    return true;
  }

  /** {@code iris: 150 rows (120 train, 30 test) x 4 features, 3 classes (setosa, ...)}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(name).append(": ").append(rows()).append(" rows");
    if (test.rows() > 0) {
      sb.append(" (").append(train.rows()).append(" train, ").append(test.rows())
          .append(" test)");
    }
    sb.append(" x ").append(cols()).append(cols() == 1 ? " feature" : " features");
    if (classes != null) {
      sb.append(", ").append(classes.size()).append(" classes (").append(String.join(", ",
          classes.size() <= 6 ? classes : classes.subList(0, 6))).append(classes.size() > 6
          ? ", ...)" : ")");
    } else if (labelsAreClasses() && minMaxLabel()[1] < 1000) {
      sb.append(", labels 0 to ").append((long) minMaxLabel()[1]);
    } else {
      sb.append(", numeric target");
    }
    return sb.append("; ").append(origin).toString();
  }
}

package dev.optlab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a {@link Dataset} of arrays read from binary files (IDX, .npy, .npz): features of any
 * shape after the first dimension (28 x 28 images become 784 features, row-major), one target
 * per row. The held-out rows come either from their own files, kept in the files' order and
 * scaled in place (no copy of the big array is made), or from a seeded split as for CSV files.
 */
public final class ArrayData {
  private ArrayData() {}

  /** Which argument an error is about, so the checker can point at it. */
  public enum Culprit {
    CALL, X, Y, TEST_X, TEST_Y
  }

  /** A data set error about one argument of the source. */
  public static final class Mismatch extends RuntimeException {
    public final Culprit culprit;

    Mismatch(Culprit culprit, String message) {
      super(message, null, false, false);
      this.culprit = culprit;
    }
  }

  /**
   * @param testX the held-out features, or null (then {@code test} may split the training rows)
   * @param names how the four arrays are shown in messages: x, y, test x, test y
   * @throws Mismatch when counts or shapes do not agree
   */
  public static Dataset make(String name, NumericArray x, NumericArray y, NumericArray testX,
      NumericArray testY, List<String> names, double test, long seed, Preparation.Scale scale,
      String origin) {
    checkPair(x, y, names.get(0), names.get(1), Culprit.Y);
    List<String> features = new ArrayList<>();
    for (int j = 0; j < x.cols(); j++) {
      features.add("x" + (j + 1));
    }
    if (testX == null) {
      return Preparation.prepare(name, features, "y", null, part(x, y), test, seed, scale,
          origin);
    }
    checkPair(testX, testY, names.get(2), names.get(3), Culprit.TEST_Y);
    if (testX.cols() != x.cols()) {
      throw new Mismatch(Culprit.TEST_X, names.get(2) + " is " + testX.describeShape()
          + " but " + names.get(0) + " is " + x.describeShape() + ": each held-out row must "
          + "have the training rows' " + x.cols() + " features");
    }
    Dataset.Part train = part(x, y);
    Dataset.Part held = part(testX, testY);
    if (scale == Preparation.Scale.STANDARD) {
      Preparation.standardise(train, held);
    }
    return new Dataset(name, features, "y", null, train, held, origin);
  }

  /** The rows of {@code x} (in whatever form it was read) with the targets {@code y}. */
  private static Dataset.Part part(NumericArray x, NumericArray y) {
    return new Dataset.Part(x.rows(), x.cols(), x.values(), y.values(), x.floats(),
        x.bytes() == null ? null : Dataset.Codes.of(x.bytes(), x.cols()));
  }

  private static void checkPair(NumericArray x, NumericArray y, String xName, String yName,
      Culprit yCulprit) {
    if (x.shape().length == 0) {
      throw new Mismatch(yCulprit == Culprit.Y ? Culprit.X : Culprit.TEST_X, xName
          + " is a single number; it needs one row per example");
    }
    boolean column = y.shape().length == 1 || (y.shape().length == 2 && y.shape()[1] == 1);
    if (!column) {
      throw new Mismatch(yCulprit, yName + " is " + y.describeShape() + "; the targets must be "
          + "one number per example (one dimension)");
    }
    if (y.fileRows() != x.fileRows()) {
      throw new Mismatch(Culprit.CALL, xName + " has " + x.fileRows() + " examples but " + yName
          + " has " + y.fileRows() + " targets; they must be as many");
    }
  }
}

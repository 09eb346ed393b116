package dev.optlab.exec;

import dev.optlab.data.Dataset;

/**
 * A data set's rows in float32, for a run with {@code dtype = float32}: the data set's own
 * float32 features when it was declared with {@code dtype = "float32"}, else each value rounded
 * once from its float64 (as PyTorch's {@code tensor.float()} rounds), made once per run and
 * shared by the optimizers of a compare.
 */
record FloatData(float[] trainX, float[] trainY, float[] testX, float[] testY) {

  static FloatData of(Dataset d) {
    if (d == null) {
      return new FloatData(new float[0], new float[0], new float[0], new float[0]);
    }
    // rows declared with dtype = "float32" are used in place: no second copy of the data set
    return new FloatData(d.train().toFloat32().x32(), floats(d.train().y()),
        d.test().toFloat32().x32(), floats(d.test().y()));
  }

  private static float[] floats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  /** Euclidean norm of {@code v[from, from + length)}, the squares summed in float64 in order. */
  static double norm(float[] v, int from, int length) {
    double s = 0;
    for (int i = from; i < from + length; i++) {
      s += (double) v[i] * v[i];
    }
    return Math.sqrt(s);
  }

  /** {@code |a - b|}, in float64. */
  static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = (double) a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}

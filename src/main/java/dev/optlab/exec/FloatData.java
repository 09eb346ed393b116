package dev.optlab.exec;

import dev.optlab.data.Dataset;

/**
 * A data set's rows in float32, for a run with {@code dtype = float32}: each value rounded once
 * from the data set's float64 (as PyTorch's {@code tensor.float()} rounds), made once per run
 * and shared by the optimizers of a compare.
 */
record FloatData(float[] trainX, float[] trainY, float[] testX, float[] testY) {

  static FloatData of(Dataset d) {
    if (d == null) {
      return new FloatData(new float[0], new float[0], new float[0], new float[0]);
    }
    return new FloatData(floats(d.train().x()), floats(d.train().y()), floats(d.test().x()),
        floats(d.test().y()));
  }

  private static float[] floats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }
}

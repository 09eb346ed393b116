package dev.optlab.rules;

/**
 * The matrix operations of rules (Muon's Newton–Schulz iteration), on row-major arrays. Each
 * product element is summed over k in order; PyTorch's BLAS sums in blocks, so products agree
 * with it to rounding (docs/rules.md says by how much).
 */
final class Matrices {
  private Matrices() {}

  /** {@code out[m, n] = a[m, k] @ b[k, n]}; {@code out} may not overlap {@code a} or {@code b}. */
  static void matmul(double[] a, int aOff, double[] b, int bOff, double[] out, int m, int k,
      int n) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int q = 0; q < k; q++) {
          s += a[aOff + i * k + q] * b[bOff + q * n + j];
        }
        out[i * n + j] = s;
      }
    }
  }

  static void transpose(double[] a, int aOff, double[] out, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[c * rows + r] = a[aOff + r * cols + c];
      }
    }
  }
}

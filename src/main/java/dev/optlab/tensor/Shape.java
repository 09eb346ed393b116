package dev.optlab.tensor;

import java.util.Arrays;

/**
 * The shape of a tensor in an objective, known before anything runs. A tensor computed from a
 * data set's rows has those rows as its first dimension ({@link #rows()}): their number changes
 * from a minibatch to the next and to the whole set, so it matches only itself (or 1) when
 * shapes meet, and messages show it as the number of training rows.
 */
public record Shape(int[] dims, boolean rows) {
  public static final Shape SCALAR = new Shape(new int[0], false);

  public Shape {
    dims = dims.clone();
    if (rows && dims.length == 0) {
      throw new IllegalArgumentException("a scalar has no rows");
    }
  }

  public static Shape of(int... dims) {
    return new Shape(dims, false);
  }

  public int rank() {
    return dims.length;
  }

  public int dim(int axis) {
    return dims[axis];
  }

  public boolean isScalar() {
    return dims.length == 0;
  }

  /** The number of elements, counting the rows as {@code rowCount}. */
  public long size(int rowCount) {
    long n = 1;
    for (int i = 0; i < dims.length; i++) {
      n *= rows && i == 0 ? rowCount : dims[i];
    }
    return n;
  }

  /** The number of elements per row (all of them when there are no rows). */
  public int perRow() {
    int n = 1;
    for (int i = rows ? 1 : 0; i < dims.length; i++) {
      n *= dims[i];
    }
    return n;
  }

  /** Without dimension {@code axis}. */
  Shape without(int axis) {
    int[] d = new int[dims.length - 1];
    for (int i = 0, j = 0; i < dims.length; i++) {
      if (i != axis) {
        d[j++] = dims[i];
      }
    }
    return new Shape(d, rows && axis != 0);
  }

  /**
   * The shape two operands broadcast to (NumPy's rules, aligned from the last dimension), or null
   * when they do not. Rows meet only rows or 1, and must stay the first dimension.
   */
  static Shape broadcast(Shape a, Shape b) {
    int r = Math.max(a.rank(), b.rank());
    int[] d = new int[r];
    for (int i = 0; i < r; i++) {
      int ia = i - (r - a.rank());
      int ib = i - (r - b.rank());
      boolean ra = ia == 0 && a.rows;
      boolean rb = ib == 0 && b.rows;
      int da = ia < 0 ? 1 : a.dims[ia];
      int db = ib < 0 ? 1 : b.dims[ib];
      if (ra || rb) {
        if (i != 0 || (ra && !rb && ib >= 0 && db != 1) || (rb && !ra && ia >= 0 && da != 1)) {
          return null;
        }
        d[i] = ra ? da : db;
      } else if (da == db || db == 1) {
        d[i] = da;
      } else if (da == 1) {
        d[i] = db;
      } else {
        return null;
      }
    }
    return new Shape(d, a.rows || b.rows);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && s.rows == rows && Arrays.equals(s.dims, dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims) * 31 + (rows ? 1 : 0);
  }

  /** {@code [120, 4]}; a scalar is {@code []}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < dims.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return sb.append(']').toString();
  }
}

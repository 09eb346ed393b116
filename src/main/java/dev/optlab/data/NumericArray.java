package dev.optlab.data;

/**
 * An n-dimensional array of numbers read from a file, held as one contiguous row-major {@code
 * double[]} (no boxing): the common result of {@link IdxReader} and {@link NpyReader}.
 *
 * @param shape the dimensions; {@code shape[0]} is the rows
 * @param values row-major, {@code product(shape)} long (or fewer rows when a limit was asked)
 * @param fileRows the rows the file holds, read or not: counts are compared on these, so that
 *     reading the first N rows of mismatched files is still an error
 * @param floats the values in float32 instead, when read for a data set declared with {@code
 *     dtype = "float32"} ({@code values} is then null): half the memory, no float64 copy made
 * @param bytes the values as unsigned bytes instead (an IDX file of type ubyte, 8-bit images,
 *     read as a data set's features): an eighth of the memory ({@link Dataset.Codes})
 */
public record NumericArray(long[] shape, double[] values, long fileRows, float[] floats,
    byte[] bytes) {

  public NumericArray(long[] shape, double[] values, long fileRows) {
    this(shape, values, fileRows, null, null);
  }

  public NumericArray(long[] shape, double[] values, long fileRows, float[] floats) {
    this(shape, values, fileRows, floats, null);
  }

  /** The first dimension: examples. */
  public int rows() {
    return shape.length == 0 ? 1 : (int) shape[0];
  }

  /** The product of every dimension after the first: features per example. */
  public int cols() {
    long c = 1;
    for (int i = 1; i < shape.length; i++) {
      c *= shape[i];
    }
    return (int) c;
  }

  /** {@code 60000 x 28 x 28}. */
  public String describeShape() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : " x ").append(shape[i]);
    }
    return shape.length == 0 ? "a single number" : sb.toString();
  }

  /**
   * The rows to read of an array of {@code rows} rows when at most {@code limit} are wanted
   * ({@code limit <= 0}: all), after checking the heap can hold them as doubles.
   */
  /** The most values one array of a data set holds (Java's array limit). */
  static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  static int rowsToRead(long rows, long cols, long limit, String shown) {
    return rowsToRead(rows, cols, limit, shown, Double.BYTES);
  }

  /** @param bytesPerValue how the values will be held: 8 as doubles, 1 as bytes */
  static int rowsToRead(long rows, long cols, long limit, String shown, int bytesPerValue) {
    long n = limit > 0 ? Math.min(rows, limit) : rows;
    long values = n * cols;
    if (n > Integer.MAX_VALUE || values > MAX_VALUES) {
      throw new DataError(shown + " holds " + values + " values; optlab holds at most "
          + MAX_VALUES + " per data set part (read fewer with rows = N)");
    }
    HeapCheck.require(values * bytesPerValue, shown + " (" + values + " values)",
        "read fewer rows with rows = N", bytesPerValue == 1 ? "bytes" : "float64");
    return (int) n;
  }
}

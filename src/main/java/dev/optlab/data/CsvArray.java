package dev.optlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A CSV file of numbers only, no header: each record a row of the matrix, as many cells in each
 * (tensor parameters' starting values, {@code W[4, 3] = csv("w.csv")}). It is read with the data
 * statement's reader ({@link CsvRecords}: quoting, CRLF, blank lines, a byte-order mark, and every
 * number bit for bit as {@code Double.parseDouble} reads it), so a file reads the same either
 * way.
 */
public final class CsvArray {
  private CsvArray() {}

  /** The file as a {@code [rows, cols]} array; a cell that is not a finite number is an error. */
  public static NumericArray read(Path file, String shown) {
    try (InputStream in = Files2.open(file, shown)) {
      CsvRecords r = new CsvRecords(in, shown);
      double[] values = new double[64];
      int n = 0;
      int rows = 0;
      int cols = -1;
      while (r.next()) {
        if (cols >= 0 && r.cells() != cols) {
          throw new DataError(shown + ", line " + r.line() + " has " + r.cells()
              + " numbers, the first row " + cols);
        }
        cols = r.cells();
        for (int j = 0; j < cols; j++) {
          double v = r.number(j);
          if (!Double.isFinite(v)) {
            throw new DataError(shown + ", line " + r.line() + ": \"" + r.printable(j) + "\" is "
                + (Double.isNaN(v) ? "not a number (the file holds numbers only, no header)"
                    : "not a finite number"));
          }
          if (n == values.length) {
            NumericArray.rowsToRead(1, (long) n * 2, 0, shown);
            values = Arrays.copyOf(values, n * 2);
          }
          values[n++] = v;
        }
        rows++;
      }
      if (rows == 0) {
        throw new DataError(shown + " holds no numbers");
      }
      return new NumericArray(new long[] {rows, cols}, Arrays.copyOf(values, n), rows);
    } catch (IOException e) {
      throw Files2.unreadable(shown, e);
    }
  }
}

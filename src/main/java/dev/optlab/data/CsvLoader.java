package dev.optlab.data;

import dev.optlab.source.Suggest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a data set from a CSV file: a header row of column names, then one row per example; one
 * named column is the target, every other column a numeric feature. Fields may be quoted
 * (RFC 4180); blank lines are skipped. A target column of numbers keeps its numbers (class
 * labels 0, 1, ... or a regression target); a target column holding any non-number is read as
 * class names, numbered in sorted order as scikit-learn's {@code LabelEncoder} does.
 *
 * <p>The file streams through {@link CsvRecords} into one growing {@code double[]} sized from the
 * file's length: its text is never held, and numbers are parsed from bytes, so a large file loads
 * at the speed of the disk (bench/README.md) in little more memory than its numbers.
 */
public final class CsvLoader {
  private CsvLoader() {}

  /** Thrown by a numeric-target pass that met a class name: the file is read again as classes. */
  private static final class ClassNames extends RuntimeException {
    ClassNames() {
      super(null, null, false, false);
    }
  }

  /**
   * @param shown the path as the user wrote it, for messages
   * @throws DataError for a missing or unreadable file, a bad header or cell, ragged rows, no
   *     rows, a missing target column
   */
  public static Dataset load(Path file, String shown, String name, String target, double test,
      long seed, Preparation.Scale scale) {
    try {
      return load(file, shown, name, target, test, seed, scale, false);
    } catch (ClassNames e) {
      return load(file, shown, name, target, test, seed, scale, true);
    }
  }

  private static Dataset load(Path file, String shown, String name, String target, double test,
      long seed, Preparation.Scale scale, boolean classTargets) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(new CsvRecords(in, shown), Files.size(file), shown, name, target, test, seed,
          scale, classTargets);
    } catch (NoSuchFileException e) {
      throw new DataError("cannot read \"" + shown + "\": no such file");
    } catch (AccessDeniedException e) {
      throw new DataError("cannot read \"" + shown + "\": permission denied");
    } catch (IOException e) {
      throw new DataError("cannot read \"" + shown + "\": "
          + (Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage())));
    }
  }

  private static Dataset read(CsvRecords r, long bytes, String shown, String name,
      String target, double test, long seed, Preparation.Scale scale, boolean classTargets)
      throws IOException {
    if (!r.next()) {
      throw new DataError(shown + " is empty: no header, no rows");
    }
    List<String> header = new ArrayList<>(r.cells());
    for (int j = 0; j < r.cells(); j++) {
      header.add(r.text(j));
    }
    checkHeader(header, shown);
    int targetColumn = header.indexOf(target);
    if (targetColumn < 0) {
      throw new DataError("no column \"" + target + "\" in " + shown + " (its columns are "
          + columnList(header) + ")"
          + Suggest.didYouMean(target, header).replace("'", "\""), true);
    }
    int cols = header.size() - 1;
    if (cols == 0) {
      throw new DataError(shown + " has no feature columns besides the target \"" + target + "\"",
          true);
    }
    List<String> features = new ArrayList<>(header);
    features.remove(targetColumn);
    double[] x = null;
    double[] y = new double[16];
    int[] codes = classTargets ? new int[16] : null;
    Map<String, Integer> classIndex = new HashMap<>();
    int rows = 0;
    while (r.next()) {
      if (r.cells() != header.size()) {
        throw new DataError(shown + ", line " + r.line() + " has " + r.cells()
            + (r.cells() == 1 ? " cell" : " cells") + ", but the header has " + header.size());
      }
      if (x == null) { // sized from the first row's share of the file, grown if need be
        long guess = Math.min(NumericArray.MAX_VALUES / cols,
            bytes / Math.max(1, r.bytes()) * 21 / 20 + 16);
        HeapCheck.require(guess * cols * Double.BYTES, shown + " (about " + guess * cols
            + " values)", "read a smaller file");
        x = new double[(int) guess * cols];
      }
      if ((long) (rows + 1) * cols > x.length) {
        x = grow(x, (long) (rows + 1) * cols, shown);
      }
      if (rows == y.length) {
        y = Arrays.copyOf(y, rows * 2);
        codes = codes == null ? null : Arrays.copyOf(codes, rows * 2);
      }
      int at = rows * cols;
      for (int j = 0; j < r.cells(); j++) {
        if (j == targetColumn) {
          if (r.isEmpty(j)) {
            throw new DataError(cellPlace(r, header, j, shown) + "an empty target cell", true);
          }
          if (classTargets) {
            String label = r.text(j);
            Integer k = classIndex.putIfAbsent(label, classIndex.size());
            codes[rows] = k == null ? classIndex.size() - 1 : k;
          } else {
            double v = r.number(j);
            if (Double.isNaN(v)) {
              throw new ClassNames();
            }
            y[rows] = finite(r, header, j, v, shown, true);
          }
          continue;
        }
        double v = r.number(j);
        if (Double.isNaN(v)) {
          throw new DataError(cellPlace(r, header, j, shown) + (r.isEmpty(j) ? "an empty cell"
              : "\"" + r.printable(j) + "\" is not a number"));
        }
        x[at++] = finite(r, header, j, v, shown, false);
      }
      rows++;
    }
    if (rows == 0) {
      throw new DataError(shown + " has a header but no rows");
    }
    List<String> classes = null;
    if (classTargets) {
      // numbered in sorted order, as LabelEncoder does
      classes = new ArrayList<>(new TreeSet<>(classIndex.keySet()));
      int[] rank = new int[classes.size()];
      for (int k = 0; k < classes.size(); k++) {
        rank[classIndex.get(classes.get(k))] = k;
      }
      for (int i = 0; i < rows; i++) {
        y[i] = rank[codes[i]];
      }
      // class names reach the terminal (explain, the REPL's echo, tables): an escape sequence
      // in a label must not clear the screen, so they are kept as they print
      classes = classes.stream().map(CsvLoader::printable).toList();
    }
    return Preparation.prepare(name, features, target, classes, x, y, rows, cols, test, seed,
        scale, shown);
  }

  /** Room for at least {@code need} values: half as much again, within Java's array limit. */
  private static double[] grow(double[] x, long need, String shown) {
    long size = Math.max(need, x.length + (x.length >> 1));
    if (need > NumericArray.MAX_VALUES) {
      throw new DataError(shown + " holds more than " + NumericArray.MAX_VALUES
          + " values; optlab holds at most that many per data set");
    }
    size = Math.min(size, NumericArray.MAX_VALUES);
    HeapCheck.require((size - x.length) * Double.BYTES, shown + " (" + size + " values so far)",
        "read a smaller file");
    return Arrays.copyOf(x, (int) size);
  }

  /** The header's names for a message, the first ten of a wide file and how many more. */
  private static String columnList(List<String> header) {
    if (header.size() <= 10) {
      return printable(String.join(", ", header));
    }
    return printable(String.join(", ", header.subList(0, 10))) + " and "
        + (header.size() - 10) + " more";
  }

  /** "FILE, line N, column "C": ", the place of a cell of the current record for a message. */
  private static String cellPlace(CsvRecords r, List<String> header, int j, String shown) {
    return shown + ", line " + r.line() + ", column \"" + printable(header.get(j)) + "\": ";
  }

  /** A number too large for a double ({@code 1e309}) is an error rather than a silent infinity. */
  private static double finite(CsvRecords r, List<String> header, int j, double v, String shown,
      boolean aboutTarget) {
    if (Double.isInfinite(v)) {
      throw new DataError(cellPlace(r, header, j, shown) + "\"" + r.printable(j)
          + "\" is beyond the range of a double (magnitude at most 1.8e308)", aboutTarget);
    }
    return v;
  }

  /** A cell's text for a one-line message: line breaks and other control characters as '?'. */
  static String printable(String cell) {
    StringBuilder b = new StringBuilder(cell.length());
    for (int k = 0; k < cell.length(); k++) {
      char ch = cell.charAt(k);
      b.append(Character.isISOControl(ch) ? '?' : ch);
    }
    return b.toString();
  }

  /** Names must be present and unique; one hash set, so a header of 200,000 columns is quick. */
  private static void checkHeader(List<String> header, String shown) {
    Set<String> seen = new HashSet<>(header.size() * 2);
    for (int j = 0; j < header.size(); j++) {
      if (header.get(j).isEmpty()) {
        throw new DataError(shown + ", line 1: column " + (j + 1) + " has no name");
      }
      if (!seen.add(header.get(j))) {
        throw new DataError(shown + ", line 1: column \"" + printable(header.get(j))
            + "\" appears twice");
      }
    }
  }
}

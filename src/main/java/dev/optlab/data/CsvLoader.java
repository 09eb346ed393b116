package dev.optlab.data;

import dev.optlab.source.Suggest;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 */
public final class CsvLoader {
  private CsvLoader() {}

  /** A parsed file: its header and its rows of cells, each row with its line number. */
  record Table(List<String> header, List<String[]> rows, List<Integer> lines) {}

  /**
   * @param shown the path as the user wrote it, for messages
   * @throws DataError for a missing or unreadable file, a bad header or cell, ragged rows, no
   *     rows, a missing target column
   */
  public static Dataset load(Path file, String shown, String name, String target, double test,
      long seed, Preparation.Scale scale) {
    Table t = parse(read(file, shown), shown);
    int targetColumn = t.header().indexOf(target);
    if (targetColumn < 0) {
      throw new DataError("no column \"" + target + "\" in " + shown + " (its columns are "
          + columnList(t.header()) + ")"
          + Suggest.didYouMean(target, t.header()).replace("'", "\""), true);
    }
    int rows = t.rows().size();
    int cols = t.header().size() - 1;
    if (cols == 0) {
      throw new DataError(shown + " has no feature columns besides the target \"" + target + "\"",
          true);
    }
    List<String> features = new ArrayList<>(t.header());
    features.remove(targetColumn);
    double[] x = new double[rows * cols];
    String[] targets = new String[rows];
    boolean numericTarget = true;
    for (int i = 0; i < rows; i++) {
      String[] cells = t.rows().get(i);
      int c = 0;
      for (int j = 0; j < cells.length; j++) {
        if (j == targetColumn) {
          if (cells[j].isEmpty()) {
            throw new DataError(cellPlace(t, i, j, shown) + "an empty target cell", true);
          }
          targets[i] = cells[j];
          numericTarget &= isNumber(cells[j]);
          continue;
        }
        if (!isNumber(cells[j])) {
          throw new DataError(cellPlace(t, i, j, shown) + (cells[j].isEmpty() ? "an empty cell"
              : "\"" + printable(cells[j]) + "\" is not a number"));
        }
        x[i * cols + c++] = finite(t, i, j, shown, false);
      }
    }
    double[] y = new double[rows];
    List<String> classes = null;
    if (numericTarget) {
      for (int i = 0; i < rows; i++) {
        y[i] = finite(t, i, targetColumn, shown, true);
      }
    } else {
      classes = new ArrayList<>(new TreeSet<>(List.of(targets)));
      Map<String, Integer> index = new HashMap<>();
      for (int k = 0; k < classes.size(); k++) {
        index.put(classes.get(k), k);
      }
      for (int i = 0; i < rows; i++) {
        y[i] = index.get(targets[i]);
      }
      // class names reach the terminal (explain, the REPL's echo, tables): an escape sequence
      // in a label must not clear the screen, so they are kept as they print
      classes = classes.stream().map(CsvLoader::printable).toList();
    }
    return Preparation.prepare(name, features, target, classes, x, y, rows, cols, test, seed,
        scale, shown);
  }

  /** The header's names for a message, the first ten of a wide file and how many more. */
  private static String columnList(List<String> header) {
    if (header.size() <= 10) {
      return printable(String.join(", ", header));
    }
    return printable(String.join(", ", header.subList(0, 10))) + " and "
        + (header.size() - 10) + " more";
  }

  /** "FILE, line N, column "C": ", the place of cell (row i, column j) for a message. */
  private static String cellPlace(Table t, int i, int j, String shown) {
    return shown + ", line " + t.lines().get(i) + ", column \"" + printable(t.header().get(j))
        + "\": ";
  }

  /**
   * The number in cell (row i, column j), which {@link #isNumber} accepted; one too large for a
   * double ({@code 1e309}) is an error rather than a silent infinity.
   */
  private static double finite(Table t, int i, int j, String shown, boolean aboutTarget) {
    String cell = t.rows().get(i)[j];
    double v = Double.parseDouble(cell);
    if (Double.isInfinite(v)) {
      throw new DataError(cellPlace(t, i, j, shown) + "\"" + printable(cell)
          + "\" is beyond the range of a double (magnitude at most 1.8e308)", aboutTarget);
    }
    return v;
  }

  /** A cell's text for a one-line message: line breaks and other control characters as '?'. */
  private static String printable(String cell) {
    StringBuilder b = new StringBuilder(cell.length());
    for (int k = 0; k < cell.length(); k++) {
      char ch = cell.charAt(k);
      b.append(Character.isISOControl(ch) ? '?' : ch);
    }
    return b.toString();
  }

  private static String read(Path file, String shown) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (NoSuchFileException e) {
      throw new DataError("cannot read \"" + shown + "\": no such file");
    } catch (AccessDeniedException e) {
      throw new DataError("cannot read \"" + shown + "\": permission denied");
    } catch (CharacterCodingException e) {
      throw new DataError("cannot read \"" + shown + "\": not UTF-8 text");
    } catch (IOException e) {
      throw new DataError("cannot read \"" + shown + "\": "
          + (Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage())));
    }
  }

  /** Splits the text into cells, checking that every row has as many cells as the header. */
  static Table parse(String text, String shown) {
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int n = text.length();
    int i = 0;
    while (i < n) {
      int startLine = line;
      cells.clear();
      boolean blank = true;
      while (true) { // one record
        cell.setLength(0);
        if (i < n && text.charAt(i) == '"') {
          blank = false;
          i++;
          while (true) {
            if (i >= n) {
              throw new DataError(shown + ", line " + startLine + ": a quoted cell never ends");
            }
            char ch = text.charAt(i++);
            if (ch == '"') {
              if (i < n && text.charAt(i) == '"') {
                cell.append('"');
                i++;
                continue;
              }
              break;
            }
            if (ch == '\n') {
              line++;
            }
            cell.append(ch);
          }
        }
        while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n') {
          char ch = text.charAt(i++);
          if (ch != '\r') {
            cell.append(ch);
          }
        }
        String value = cell.toString().strip();
        blank &= value.isEmpty();
        cells.add(value);
        if (i < n && text.charAt(i) == ',') {
          blank = false;
          i++;
          continue;
        }
        i++; // the newline, or past the end
        line++;
        break;
      }
      if (blank) {
        continue;
      }
      if (header == null) {
        header = List.copyOf(cells);
        checkHeader(header, shown);
      } else if (cells.size() != header.size()) {
        throw new DataError(shown + ", line " + startLine + " has " + cells.size()
            + (cells.size() == 1 ? " cell" : " cells") + ", but the header has "
            + header.size());
      } else {
        rows.add(cells.toArray(new String[0]));
        lines.add(startLine);
      }
    }
    if (header == null) {
      throw new DataError(shown + " is empty: no header, no rows");
    }
    if (rows.isEmpty()) {
      throw new DataError(shown + " has a header but no rows");
    }
    return new Table(header, rows, lines);
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

  /** A decimal number: {@code 3}, {@code -0.5}, {@code .5}, {@code 1e-3}; no NaN, no infinity. */
  static boolean isNumber(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }
}

package dev.optlab.check;

import dev.optlab.ast.Expr;
import dev.optlab.ast.Stmt;
import dev.optlab.data.DataError;
import dev.optlab.data.NpyReader;
import dev.optlab.data.NumericArray;
import dev.optlab.tensor.Init;
import dev.optlab.tensor.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tensor parameter's given starting values, so that a run can start from PyTorch's weights:
 * a nested list literal ({@code W[2, 3] = [[1, 2, 3], [4, 5, 6]]}), a NumPy file ({@code =
 * npy("w1.npy")}, e.g. from {@code numpy.save("w1.npy", model.fc1.weight.detach().T.numpy())})
 * or a CSV file of numbers without a header, one row per line ({@code = csv("w1.csv")}). The
 * values' shape must be the declared one (a vector may also be one CSV row or column); relative
 * paths follow the one rule (docs/language.md).
 */
final class InitialValues {
  private final Values values;

  InitialValues(Values values) {
    this.values = values;
  }

  Init read(Stmt.ParamDecl p, Shape shape) {
    Expr e = p.start();
    String name = p.name().name();
    if (e instanceof Expr.ListLit list) {
      List<Integer> dims = new ArrayList<>();
      List<Double> flat = new ArrayList<>();
      flatten(list, 0, dims, flat);
      check(p, shape, dims.stream().mapToLong(Integer::longValue).toArray(), "the list");
      return new Init.Values(flat.stream().mapToDouble(Double::doubleValue).toArray(),
          values.source().text(e.span()));
    }
    Expr.Call call = (Expr.Call) e;
    if (call.args().size() != 1 || call.args().get(0).named()
        || !(call.args().get(0).value() instanceof Expr.Str file)) {
      throw values.error(call.span(), call.name() + " takes the file: " + name + " = "
          + call.name() + "(\"FILE." + call.name() + "\")");
    }
    Path path;
    try {
      path = values.source().resolve(file.value());
    } catch (InvalidPathException ex) {
      throw values.error(file.span(), "cannot read \"" + file.value() + "\": not a valid path");
    }
    try {
      NumericArray a = call.name().equals("npy") ? NpyReader.read(path, file.value(), 0)
          : csv(path, file.value());
      check(p, shape, a.shape(), file.value());
      return new Init.Values(a.values(), values.source().text(e.span()));
    } catch (DataError ex) {
      throw values.error(file.span(), ex.getMessage());
    }
  }

  /** Appends the numbers of a nested list, row-major, recording each level's length. */
  private void flatten(Expr e, int depth, List<Integer> dims, List<Double> flat) {
    if (!(e instanceof Expr.ListLit list)) {
      if (depth != dims.size()) {
        throw values.error(e.span(), "the list is ragged: a number where a list of "
            + dims.get(depth) + " was expected");
      }
      flat.add(values.number(e));
      return;
    }
    if (depth == dims.size()) {
      dims.add(list.items().size());
    } else if (depth > dims.size() || dims.get(depth) != list.items().size()) {
      throw values.error(list.span(), "the list is ragged: " + list.items().size()
          + " items where " + (depth < dims.size() ? dims.get(depth) : "numbers") + " were");
    }
    for (Expr item : list.items()) {
      flatten(item, depth + 1, dims, flat);
    }
  }

  /** The values' shape must be the declared one; a vector may come as one row or one column. */
  private void check(Stmt.ParamDecl p, Shape shape, long[] got, String what) {
    long[] want = Arrays.stream(shape.dims()).asLongStream().toArray();
    boolean same = Arrays.equals(want, got);
    boolean vector = want.length == 1 && got.length == 2 && (got[0] == 1 || got[1] == 1)
        && got[0] * got[1] == want[0];
    boolean scalar = want.length == 0 && Arrays.stream(got).reduce(1, (a, b) -> a * b) == 1;
    if (!same && !vector && !scalar) {
      throw values.error(p.start().span(), p.name().name() + " is declared " + shape + " but "
          + what + " has shape " + describe(got));
    }
  }

  private static String describe(long[] dims) {
    return dims.length == 0 ? "[] (a single number)" : Arrays.toString(dims);
  }

  /** A headerless CSV of numbers: each line a row, as many cells in each. */
  private static NumericArray csv(Path file, String shown) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      throw new DataError("cannot read \"" + shown + "\": no such file");
    } catch (IOException | RuntimeException e) {
      throw new DataError("cannot read \"" + shown + "\": " + e.getMessage());
    }
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      double[] row = new double[cells.length];
      for (int j = 0; j < cells.length; j++) {
        try {
          row[j] = Double.parseDouble(cells[j].strip());
        } catch (NumberFormatException e) {
          throw new DataError(shown + ", line " + (i + 1) + ": \"" + cells[j].strip()
              + "\" is not a number (the file holds numbers only, no header)");
        }
        if (!Double.isFinite(row[j])) {
          throw new DataError(shown + ", line " + (i + 1) + ": \"" + cells[j].strip()
              + "\" is not a finite number");
        }
      }
      if (!rows.isEmpty() && row.length != rows.get(0).length) {
        throw new DataError(shown + ", line " + (i + 1) + " has " + row.length
            + " numbers, the first row " + rows.get(0).length);
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new DataError(shown + " holds no numbers");
    }
    int cols = rows.get(0).length;
    double[] all = new double[rows.size() * cols];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, all, i * cols, cols);
    }
    return new NumericArray(new long[] {rows.size(), cols}, all, rows.size());
  }
}

package dev.optlab.check;

import dev.optlab.ast.Expr;
import dev.optlab.ast.Stmt;
import dev.optlab.data.CsvArray;
import dev.optlab.data.DataError;
import dev.optlab.data.NpyReader;
import dev.optlab.data.NumericArray;
import dev.optlab.tensor.Init;
import dev.optlab.tensor.Shape;
import dev.optlab.source.Span;
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
  /** The sources of given values that read a file. */
  static final List<String> FILES = List.of("npy", "csv");

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
      if (!dims.isEmpty() && dims.get(dims.size() - 1) < 0) {
        dims.remove(dims.size() - 1);
      }
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
    try {
      // the data statement's path rule and readers, so a file reads the same in both places
      Path path = new DataDeclarer(values).resolve(file.value());
      NumericArray a = call.name().equals("npy") ? NpyReader.readFloat64(path, file.value())
          : CsvArray.read(path, file.value());
      check(p, shape, a.shape(), file.value());
      return new Init.Values(a.values(), values.source().text(e.span()));
    } catch (DataError ex) {
      throw values.error(file.span(), ex.getMessage());
    }
  }

  /** The spans of the file names in an objective's parameters, for {@code :save} to rewrite. */
  static List<Span> pathSpans(Stmt.Objective o) {
    List<Span> spans = new ArrayList<>();
    for (Stmt.ParamDecl p : o.params()) {
      if (!p.sampled() && p.start() instanceof Expr.Call c && FILES.contains(c.name())
          && c.args().size() == 1 && c.args().get(0).value() instanceof Expr.Str file) {
        spans.add(file.span());
      }
    }
    return spans;
  }

  /**
   * Appends the numbers of a nested list, row-major, recording each level's length: the first
   * path down fixes the lengths and the depth of the numbers, and every other list must match.
   */
  private void flatten(Expr e, int depth, List<Integer> dims, List<Double> flat) {
    boolean leaf = !dims.isEmpty() && dims.get(dims.size() - 1) < 0;
    int leafDepth = leaf ? dims.size() - 1 : -1;
    if (!(e instanceof Expr.ListLit list)) {
      if (leaf && depth != leafDepth) {
        throw values.error(e.span(), "the list is ragged: a number where a list of "
            + dims.get(depth) + " was expected");
      }
      if (!leaf) {
        dims.add(-1); // marks the numbers' depth
      }
      flat.add(values.number(e));
      return;
    }
    if (leaf && depth >= leafDepth) {
      throw values.error(list.span(), "the list is ragged: a list where a number was expected");
    }
    int n = list.items().size();
    if (depth == dims.size()) {
      dims.add(n);
    } else if (dims.get(depth) != n) {
      throw values.error(list.span(), "the list is ragged: " + n + (n == 1 ? " item" : " items")
          + " where the first list at this depth has " + dims.get(depth));
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
}

package dev.optlab.check;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.ast.Stmt;
import dev.optlab.data.CsvLoader;
import dev.optlab.data.DataError;
import dev.optlab.data.Dataset;
import dev.optlab.data.Generators;
import dev.optlab.data.Preparation;
import dev.optlab.source.Span;
import dev.optlab.source.Suggest;
import dev.optlab.trace.Numbers;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@code data} statement and loads or makes its data set at once, so that a bad file,
 * column or cell is an error at the statement before anything runs (docs/tensors.md).
 */
final class DataDeclarer {
  private static final Map<String, List<String>> ARGS = Map.of(
      "csv", List.of("path", "target", "scale", "test", "seed", "dtype"),
      "moons", List.of("n", "noise", "scale", "test", "seed", "dtype"),
      "spirals", List.of("n", "classes", "noise", "scale", "test", "seed", "dtype"),
      "blobs", List.of("n", "centers", "features", "std", "scale", "test", "seed", "dtype"),
      "linear", List.of("n", "features", "noise", "bias", "scale", "test", "seed", "dtype"),
      "idx", ArraySources.IDX, "npy", ArraySources.NPY, "npz", ArraySources.NPZ);

  private final Values values;
  private final ArraySources arrays = new ArraySources(this);

  DataDeclarer(Values values) {
    this.values = values;
  }

  Values values() {
    return values;
  }

  /** The arguments of each data source that name files (the others are keys, columns, ...). */
  private static final Map<String, List<String>> FILE_ARGS = Map.of(
      "csv", List.of("path"), "npz", List.of("path"),
      "idx", List.of("images", "labels", "test_images", "test_labels"),
      "npy", List.of("x", "y", "test_x", "test_y"));

  /** The spans of the file names a (checked) data statement reads, as string literals. */
  static List<Span> pathSpans(Stmt.Data d) {
    if (!(d.source() instanceof Expr.Call call) || !FILE_ARGS.containsKey(call.name())) {
      return List.of();
    }
    List<String> keys = ARGS.get(call.name());
    List<Span> spans = new java.util.ArrayList<>();
    for (int i = 0; i < call.args().size(); i++) {
      Arg a = call.args().get(i);
      String key = a.named() ? a.name() : i < keys.size() ? keys.get(i) : null;
      if (FILE_ARGS.get(call.name()).contains(key) && a.value() instanceof Expr.Str str) {
        spans.add(str.span());
      }
    }
    return spans;
  }

  Declaration.Data declare(Stmt.Data d, String text) {
    if (!(d.source() instanceof Expr.Call call) || !ARGS.containsKey(call.name())) {
      String name = d.source() instanceof Expr.Call c ? c.name() : null;
      throw values.error(d.source() instanceof Expr.Call c ? c.nameSpan() : d.source().span(),
          (name == null ? "a data set comes from csv(\"FILE\", target = \"COLUMN\"), idx, "
              + "npy, npz or a generator (" + String.join(", ", Generators.NAMES) + ")"
              : "unknown data source '" + name + "' (csv, idx, npy, npz or a generator: "
              + String.join(", ", Generators.NAMES) + ")" + Suggest.didYouMean(name,
              ARGS.keySet())));
    }
    Map<String, Arg> args = arguments(call);
    String name = d.name().name();
    double test = number(args, "test", 0);
    if (!(test >= 0 && test < 1)) {
      throw values.error(args.get("test").value().span(), "test is the fraction of rows held "
          + "out, at least 0 and below 1; got " + Numbers.short6(test));
    }
    long seed = whole(args, "seed", 0, 0);
    Preparation.Scale scale = scale(args);
    boolean float32 = float32(args);
    Span at = call.span();
    try {
      switch (call.name()) {
        case "moons" -> Generators.checkSize(whole(args, "n", 200, 2), 2, describe(call));
        case "spirals" -> Generators.checkSize(whole(args, "n", 300, 2), 2, describe(call));
        case "blobs" -> Generators.checkSize(whole(args, "n", 300, 1),
            whole(args, "features", 2, 1), describe(call));
        case "linear" -> Generators.checkSize(whole(args, "n", 200, 1),
            whole(args, "features", 1, 1), describe(call));
        default -> {} // files are measured as they are read
      }
      Dataset made = switch (call.name()) {
        case "csv" -> csv(call, args, name, test, seed, scale);
        case "idx", "npy", "npz" -> arrays.load(call, args, name, test, seed, scale,
            whole(args, "rows", 0, 1), float32);
        case "moons" -> Generators.moons((int) whole(args, "n", 200, 2),
            nonNegative(args, "noise", 0.1), seed).prepare(name, test, seed, scale, describe(call));
        case "spirals" -> Generators.spirals((int) whole(args, "n", 300, 2),
            (int) whole(args, "classes", 3, 2), nonNegative(args, "noise", 0.2), seed)
            .prepare(name, test, seed, scale, describe(call));
        case "blobs" -> Generators.blobs((int) whole(args, "n", 300, 1),
            (int) whole(args, "centers", 3, 1), (int) whole(args, "features", 2, 1),
            nonNegative(args, "std", 1), seed).prepare(name, test, seed, scale, describe(call));
        default -> Generators.linear((int) whole(args, "n", 200, 1),
            (int) whole(args, "features", 1, 1), nonNegative(args, "noise", 0.1),
            number(args, "bias", 0), seed).prepare(name, test, seed, scale, describe(call));
      };
      // IDX images stream straight into floats; the other sources are rounded once made
      return new Declaration.Data(name, float32 ? made.toFloat32() : made, text);
    } catch (DataError e) {
      throw values.error(at, e.getMessage());
    }
  }

  private String describe(Expr.Call call) {
    return values.source().text(call.span());
  }

  private Dataset csv(Expr.Call call, Map<String, Arg> args, String name, double test, long seed,
      Preparation.Scale scale) {
    Arg path = args.get("path");
    if (path == null) {
      throw values.error(call.span(), "csv needs the file: csv(\"FILE.csv\", target = \"COLUMN\")");
    }
    String file = string(path);
    Arg target = args.get("target");
    if (target == null) {
      throw values.error(call.span(), "csv needs the target column: target = \"COLUMN\"");
    }
    String column = string(target);
    try {
      return CsvLoader.load(resolve(file), file, name, column, test, seed, scale);
    } catch (DataError e) {
      throw values.error(e.aboutTarget() ? target.value().span() : path.value().span(),
          e.getMessage());
    }
  }

  /** A file to read, by the one rule for relative paths ({@link Source#resolve}). */
  Path resolve(String file) {
    try {
      return values.source().resolve(file);
    } catch (InvalidPathException e) {
      throw new DataError("cannot read \"" + file + "\": not a valid path");
    }
  }

  private Map<String, Arg> arguments(Expr.Call call) {
    List<String> known = ARGS.get(call.name());
    Map<String, Arg> args = new HashMap<>();
    int position = 0;
    for (Arg a : call.args()) {
      String key;
      if (a.named()) {
        key = a.name();
        if (!known.contains(key)) {
          throw values.error(a.nameSpan(), call.name() + " has no argument '" + key + "' (its "
              + "arguments are " + String.join(", ", known) + ")" + Suggest.didYouMean(key, known));
        }
      } else {
        boolean fileFirst = call.name().equals("csv") || call.name().equals("npz");
        if (!fileFirst || position > 0) {
          throw values.error(a.span(), "give " + call.name() + "'s arguments by name: "
              + String.join(", ", known.subList(fileFirst ? 1 : 0, known.size()))
              + (fileFirst ? " (only the file comes first, unnamed)" : ""));
        }
        key = "path";
        position++;
      }
      if (args.put(key, a) != null) {
        throw values.error(a.span(), "'" + key + "' is given twice");
      }
    }
    return args;
  }

  String string(Arg a) {
    if (a.value() instanceof Expr.Str s) {
      return s.value();
    }
    throw values.error(a.value().span(), (a.named() ? a.name() : "the file") + " must be a "
        + "string in double quotes, got " + Values.describe(a.value()));
  }

  private double number(Map<String, Arg> args, String key, double otherwise) {
    Arg a = args.get(key);
    if (a == null) {
      return otherwise;
    }
    if (a.value() instanceof Expr.Str || a.value() instanceof Expr.Bool) {
      throw values.error(a.value().span(), key + " must be a number, got "
          + Values.describe(a.value()));
    }
    return values.number(a.value());
  }

  private double nonNegative(Map<String, Arg> args, String key, double otherwise) {
    double v = number(args, key, otherwise);
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw values.error(args.get(key).value().span(), key + " must be at least 0, got "
          + Numbers.short6(v));
    }
    return v;
  }

  private long whole(Map<String, Arg> args, String key, long otherwise, long min) {
    Arg a = args.get(key);
    if (a == null) {
      return otherwise;
    }
    long v = values.whole(a.value(), min, key);
    if (v > 50_000_000 && !key.equals("seed")) {
      throw values.error(a.value().span(), key + " is too large: " + v);
    }
    return v;
  }

  /** {@code dtype = "float32"}: the features held in float32, for float32 runs (docs/tensors.md). */
  private boolean float32(Map<String, Arg> args) {
    Arg a = args.get("dtype");
    if (a == null) {
      return false;
    }
    return switch (string(a)) {
      case "float32" -> true;
      case "float64" -> false;
      default -> throw values.error(a.value().span(), "dtype is \"float32\" (features held in "
          + "float32, for runs with dtype = float32) or \"float64\"; got \"" + string(a) + "\"");
    };
  }

  private Preparation.Scale scale(Map<String, Arg> args) {
    Arg a = args.get("scale");
    if (a == null) {
      return Preparation.Scale.NONE;
    }
    return switch (string(a)) {
      case "standard" -> Preparation.Scale.STANDARD;
      case "none" -> Preparation.Scale.NONE;
      default -> throw values.error(a.value().span(), "scale is \"standard\" (zero mean, unit "
          + "variance, fitted on the training rows) or \"none\"; got \"" + string(a) + "\"");
    };
  }
}

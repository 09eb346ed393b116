package dev.optlab.check;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.data.ArrayData;
import dev.optlab.data.DataError;
import dev.optlab.data.Dataset;
import dev.optlab.data.IdxReader;
import dev.optlab.data.NpyReader;
import dev.optlab.data.NumericArray;
import dev.optlab.data.Preparation;
import dev.optlab.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data sources of binary arrays (docs/tensors.md): {@code idx(images = ..., labels = ...)}
 * for IDX files such as MNIST's, {@code npy(x = ..., y = ...)} for NumPy arrays and {@code
 * npz("FILE.npz", x = "KEY", y = "KEY")} for an archive of them. Every file is read in full
 * before the data set is made, so a bad one leaves nothing behind.
 */
final class ArraySources {
  static final List<String> IDX =
      List.of("images", "labels", "test_images", "test_labels", "rows", "scale", "test", "seed", "dtype");
  static final List<String> NPY =
      List.of("x", "y", "test_x", "test_y", "rows", "scale", "test", "seed", "dtype");
  static final List<String> NPZ =
      List.of("path", "x", "y", "test_x", "test_y", "rows", "scale", "test", "seed", "dtype");

  private final DataDeclarer declarer;

  ArraySources(DataDeclarer declarer) {
    this.declarer = declarer;
  }

  Dataset load(Expr.Call call, Map<String, Arg> args, String name, double test, long seed,
      Preparation.Scale scale, long rows, boolean float32) {
    boolean idx = call.name().equals("idx");
    List<String> keys = idx ? List.of("images", "labels", "test_images", "test_labels")
        : List.of("x", "y", "test_x", "test_y");
    for (int i = 0; i < 2; i++) {
      if (!args.containsKey(keys.get(i)) && !call.name().equals("npz")) {
        throw declarer.values().error(call.span(), call.name() + " needs " + keys.get(0)
            + " and " + keys.get(1) + ": " + usage(call.name()));
      }
    }
    boolean held = args.containsKey(keys.get(2)) || args.containsKey(keys.get(3));
    if (held) {
      for (int i = 2; i < 4; i++) {
        if (!args.containsKey(keys.get(i))) {
          throw declarer.values().error(args.get(keys.get(5 - i)).span(), keys.get(2) + " and "
              + keys.get(3) + " come together: the held-out examples and their targets");
        }
      }
      if (args.containsKey("test")) {
        throw declarer.values().error(args.get("test").span(), "test = FRACTION splits the "
            + "training files; with " + keys.get(2) + " and " + keys.get(3) + " the held-out "
            + "rows are already given");
      }
    }
    int count = held ? 4 : 2;
    List<NumericArray> arrays = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    if (call.name().equals("npz")) {
      Arg path = args.get("path");
      if (path == null) {
        throw declarer.values().error(call.span(), "npz needs the file: " + usage("npz"));
      }
      String file = declarer.string(path);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Arg a = args.get(keys.get(i));
        names.add(a == null ? keys.get(i) : declarer.string(a));
        shown.add(file + "[\"" + names.get(i) + "\"]");
      }
      try {
        arrays.addAll(NpyReader.readArchive(declarer.resolve(file), file, names, rows));
      } catch (DataError e) {
        Span at = path.value().span();
        for (int i = 0; i < count; i++) { // a missing array is the fault of the key naming it
          Arg a = args.get(keys.get(i));
          if (a != null && e.getMessage().contains("has no array \"" + names.get(i) + "\"")) {
            at = a.value().span();
          }
        }
        throw declarer.values().error(at, e.getMessage());
      }
    } else {
      for (int i = 0; i < count; i++) {
        Arg a = args.get(keys.get(i));
        String file = declarer.string(a);
        shown.add(file);
        try {
          // the features (images, test images) as floats or, 8-bit, as bytes; the labels as
          // numbers
          arrays.add(idx ? IdxReader.read(declarer.resolve(file), file, rows,
              float32 && i % 2 == 0, i % 2 == 0)
              : NpyReader.read(declarer.resolve(file), file, rows));
        } catch (DataError e) {
          throw declarer.values().error(a.value().span(), e.getMessage());
        }
      }
    }
    try {
      return ArrayData.make(name, arrays.get(0), arrays.get(1), held ? arrays.get(2) : null,
          held ? arrays.get(3) : null, held ? shown : List.of(shown.get(0), shown.get(1), "", ""),
          test, seed, scale, declarer.values().source().text(call.span()));
    } catch (ArrayData.Mismatch e) {
      throw declarer.values().error(at(call, args, keys, e.culprit), e.getMessage());
    } catch (DataError e) {
      throw declarer.values().error(call.span(), e.getMessage());
    }
  }

  private static Span at(Expr.Call call, Map<String, Arg> args, List<String> keys,
      ArrayData.Culprit culprit) {
    Arg a = switch (culprit) {
      case X -> args.get(keys.get(0));
      case Y -> args.get(keys.get(1));
      case TEST_X -> args.get(keys.get(2));
      case TEST_Y -> args.get(keys.get(3));
      case CALL -> null;
    };
    return a == null ? call.span() : a.value().span();
  }

  static String usage(String source) {
    return switch (source) {
      case "idx" -> "idx(images = \"train-images-idx3-ubyte.gz\", labels = "
          + "\"train-labels-idx1-ubyte.gz\")";
      case "npy" -> "npy(x = \"X.npy\", y = \"y.npy\")";
      default -> "npz(\"FILE.npz\", x = \"x\", y = \"y\")";
    };
  }
}

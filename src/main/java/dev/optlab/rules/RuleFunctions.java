package dev.optlab.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions a rule may call, with their arguments (docs/rules.md, "Functions"): the one list
 * the checker, {@code :help} and completion read.
 */
public final class RuleFunctions {
  private RuleFunctions() {}

  /** A function: how many positional arguments it takes, and its named ones. */
  public record Signature(int positional, List<String> named, String doc) {}

  public static final Map<String, Signature> ALL = new LinkedHashMap<>();

  static {
    add("add", 2, List.of("alpha"), "add(x, y, alpha = a): x + a * y, rounded once (torch.add)");
    add("sub", 2, List.of("alpha"), "sub(x, y, alpha = a): x - a * y (torch.sub)");
    add("lerp", 3, List.of(), "lerp(a, b, w): a + w * (b - a) from the nearer end (torch.lerp)");
    add("addcmul", 3, List.of("value"), "addcmul(x, a, b, value = v): x + v * a * b");
    add("addcdiv", 3, List.of("value"), "addcdiv(x, a, b, value = v): x + v * a / b");
    for (String f : List.of("sqrt", "rsqrt", "abs", "sign", "exp", "log")) {
      add(f, 1, List.of(), f + "(x), element by element");
    }
    add("max", 2, List.of(), "max(a, b): the larger, element by element (torch.maximum)");
    add("min", 2, List.of(), "min(a, b): the smaller, element by element (torch.minimum)");
    add("clamp", 1, List.of("min", "max"), "clamp(x, min = lo, max = hi) (torch.clamp)");
    add("norm", 1, List.of(), "norm(x): the 2-norm of the tensor (Frobenius for a matrix)");
    add("sum", 1, List.of(), "sum(x): the sum of its elements");
    add("mean", 1, List.of(), "mean(x): the mean of its elements");
    add("rms", 1, List.of(), "rms(x): norm(x) / sqrt(numel(x))");
    add("row_mean", 1, List.of(), "row_mean(x): x.mean(dim=-1) of a 2-D x, one per row");
    add("col_mean", 1, List.of(), "col_mean(x): x.mean(dim=-2) of a 2-D x, one per column");
    add("transpose", 1, List.of(), "transpose(x): x.T of a 2-D x");
    add("rows", 1, List.of(), "rows(p): the first dimension of a 2-D tensor");
    add("cols", 1, List.of(), "cols(p): the last dimension of a 2-D tensor");
    add("numel", 1, List.of(), "numel(p): the number of elements");
    add("ndim", 1, List.of(), "ndim(p): the number of dimensions (0 for a scalar parameter)");
  }

  private static void add(String name, int positional, List<String> named, String doc) {
    ALL.put(name, new Signature(positional, named, doc));
  }

  /** Why a call of {@code name} with these arguments is wrong, or null. */
  public static String problem(String name, long positional, List<String> named) {
    Signature s = ALL.get(name);
    if (s == null) {
      String hint = name.equals("zeros") || name.equals("scalar")
          ? " (zeros and scalar start a state: state m = zeros(rows))"
          : dev.optlab.source.Suggest.didYouMean(name, List.copyOf(ALL.keySet()));
      return "unknown function '" + name + "' in a rule" + hint;
    }
    if (positional != s.positional()) {
      return name + " takes " + s.positional() + " argument" + (s.positional() == 1 ? "" : "s")
          + (s.named().isEmpty() ? "" : " and " + String.join(", ", s.named().stream()
              .map(n -> n + " =").toList())) + ": " + s.doc();
    }
    for (String n : named) {
      if (!s.named().contains(n)) {
        return name + " has no argument " + n + ": " + s.doc();
      }
    }
    return null;
  }
}

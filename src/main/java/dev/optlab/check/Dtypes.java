package dev.optlab.check;

import dev.optlab.ast.Expr;
import dev.optlab.ast.OptimizerSpec;
import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.Optimizers;
import dev.optlab.plan.ExecutionPlan;
import java.util.List;

/**
 * Checks a run's {@code dtype = float32 | float64} (docs/tensors.md): the value is one of the two
 * names, and under float32 every optimizer of the run has a float32 kernel, so that a run never
 * starts and then finds it cannot step.
 */
final class Dtypes {
  private Dtypes() {}

  static final List<String> NAMES = List.of("float32", "float64");

  /** Whether the run is float32; float64 when {@code dtype} is null. */
  static boolean float32(Values values, Expr dtype, List<OptimizerSpec> specs,
      List<ExecutionPlan.OptimizerPlan> plans) {
    if (dtype == null) {
      return false;
    }
    String name = switch (dtype) {
      case Expr.Name n -> n.name();
      case Expr.Str s -> s.value();
      default -> null;
    };
    if (name == null || !NAMES.contains(name)) {
      throw values.error(dtype.span(), "dtype is float32 or float64, not "
          + values.source().text(dtype.span())
          + (name == null ? "" : dev.optlab.source.Suggest.didYouMean(name, NAMES)));
    }
    if (name.equals("float64")) {
      return false;
    }
    for (int i = 0; i < plans.size(); i++) {
      // each parameter group's optimizer steps its tensors in float32 too
      for (var part : plans.get(i).config().parts()) {
        var kind = part.kind();
        if (part.rule().float32() == null) {
          throw values.error(specs.get(i).span(), kind.name() + " has no float32 kernel; "
              + "dtype = float32 runs " + String.join(", ", withFloat32()) + " (leave dtype out "
              + "to run " + kind.name() + " in float64)");
        }
      }
    }
    return true;
  }

  /** The optimizers that run in float32, in the registry's order. */
  static List<String> withFloat32() {
    return Optimizers.all().stream()
        // a rule made with the defaults (and an lr, which SGD's lacks) has the kernel or not
        .filter(k -> k.create(HyperValues.withDefaults(k.params(), java.util.Map.of("lr", 0.01)))
            .float32() != null)
        .map(OptimizerKind::name).toList();
  }
}

package dev.optlab.check;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.source.Suggest;
import java.util.List;

/**
 * Reads a point for an objective: {@code (x = 1, y = 2)} by name (parameters left out keep their
 * default start), {@code (1, 2)} in declaration order, or a bare number for a one-parameter
 * objective.
 */
final class PointReader {
  private final Values values;

  PointReader(Values values) {
    this.values = values;
  }

  double[] read(Expr point, Declaration.Objective objective) {
    List<String> params = objective.params();
    double[] p = objective.start().clone();
    if (!(point instanceof Expr.Tuple t)) {
      if (params.size() != 1) {
        throw values.error(point.span(), objective.name() + " takes " + params.size()
            + " parameters; write the point as " + example(params));
      }
      p[0] = values.number(point);
      return p;
    }
    List<Arg> items = t.items();
    boolean named = items.get(0).named();
    boolean[] seen = new boolean[params.size()];
    for (int i = 0; i < items.size(); i++) {
      Arg item = items.get(i);
      if (item.named() != named) {
        throw values.error(item.span(), "write every coordinate of a point by name or none");
      }
      int index = i;
      if (named) {
        index = params.indexOf(item.name());
        if (index < 0) {
          throw values.error(item.nameSpan(), objective.name() + " has no parameter '"
              + item.name() + "'" + suggestion(item.name(), params));
        }
        if (seen[index]) {
          throw values.error(item.nameSpan(), item.name() + " is given twice");
        }
        seen[index] = true;
      } else if (items.size() != params.size()) {
        throw values.error(t.span(), objective.name() + " takes " + params.size()
            + " values (" + String.join(", ", params) + "), got " + items.size());
      }
      if (!(item.value() instanceof Expr.Num) && !(item.value() instanceof Expr.Name)
          && !(item.value() instanceof Expr.Unary) && !(item.value() instanceof Expr.Binary)
          && !(item.value() instanceof Expr.Call)) {
        throw values.error(item.value().span(), "a coordinate must be a number, got "
            + Values.describe(item.value()));
      }
      p[index] = values.number(item.value());
    }
    return p;
  }

  private static String suggestion(String name, List<String> params) {
    String close = Suggest.didYouMean(name, params);
    return !close.isEmpty() ? close : "; its parameters are " + String.join(", ", params);
  }

  private static String example(List<String> params) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < params.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(params.get(i)).append(" = ").append(i + 1);
    }
    return sb.append(')').toString();
  }
}

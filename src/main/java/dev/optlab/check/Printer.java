package dev.optlab.check;

import dev.optlab.ast.Expr;
import dev.optlab.diff.CompiledFunction;
import dev.optlab.plan.Points;
import dev.optlab.source.Suggest;
import dev.optlab.trace.Numbers;

/**
 * What {@code print EXPR} shows: a number in full precision, a string as it is, a declared
 * objective, optimizer or schedule as declared, and {@code grad(OBJ, POINT)} as a point.
 */
final class Printer {
  private final Values values;

  Printer(Values values) {
    this.values = values;
  }

  String print(Expr e) {
    if (e instanceof Expr.Str s) {
      return s.value();
    }
    if (e instanceof Expr.Call c && c.name().equals("grad")
        && values.env().get("grad") == null) {
      return gradient(c);
    }
    if (e instanceof Expr.Name n) {
      Declaration d = values.env().get(n.name());
      if (d != null && !(d instanceof Declaration.Constant)) {
        return d.describe();
      }
    }
    if (e instanceof Expr.Tuple || e instanceof Expr.ListLit || e instanceof Expr.Bool) {
      throw values.error(e.span(), "print takes a number, a string, a name or grad(...), got "
          + Values.describe(e));
    }
    return Numbers.repr(values.number(e));
  }

  /** {@code grad(f)} at f's start, or {@code grad(f, (x = 1, y = 2))}. */
  private String gradient(Expr.Call c) {
    if (c.args().isEmpty() || c.args().size() > 2 || c.args().get(0).named()
        || !(c.args().get(0).value() instanceof Expr.Name name)) {
      throw values.error(c.span(), "grad takes an objective and a point: grad(f, (x = 1, y = 2))");
    }
    Declaration d = values.env().get(name.name());
    if (d instanceof Declaration.Model m) {
      if (c.args().size() == 2) {
        throw values.error(c.args().get(1).span(), "grad of a tensor objective is taken at its "
            + "initial weights (seed 0, as a run without seed starts): write grad(" + name.name()
            + ")");
      }
      String refusal = TensorGradient.memoryRefusal(m.model());
      if (refusal != null) {
        throw values.error(c.span(), refusal);
      }
      return TensorGradient.print(m.model());
    }
    if (!(d instanceof Declaration.Objective o)) {
      throw values.error(name.span(), d == null
          ? "unknown objective '" + name.name() + "'" + Suggest.didYouMean(
              name.name(), values.env().namesOf(Declaration.Objective.class))
          : "'" + name.name() + "' is " + d.kind().withArticle()
              + ", not an objective");
    }
    double[] point = c.args().size() == 2
        ? new PointReader(values).read(c.args().get(1).value(), o) : o.start().clone();
    CompiledFunction f = o.function();
    double[] g = new double[point.length];
    f.valueAndGradient(point, g);
    return Points.formatExact(o.params(), g);
  }
}

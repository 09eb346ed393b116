package dev.optlab.check;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.ast.Stmt;
import dev.optlab.source.Suggest;
import dev.optlab.tensor.Init;
import dev.optlab.tensor.Initializers;
import dev.optlab.tensor.Model;
import dev.optlab.tensor.Shape;
import dev.optlab.tensor.TensorCompiler;
import java.util.ArrayList;
import java.util.List;

/**
 * Declares objectives of tensor parameters or data (docs/tensors.md): evaluates each parameter's
 * shape and initializer, then compiles and shape-checks the body.
 */
final class TensorObjectives {
  /** Past this many parameters a model would not fit a Java array with its optimizer state. */
  private static final long MAX_PARAMETERS = 100_000_000;

  private static final List<String> INITIALIZERS = Initializers.names();

  private final Values values;

  TensorObjectives(Values values) {
    this.values = values;
  }

  /** Whether an objective has a shaped or sampled parameter, or a body that uses tensors. */
  static boolean isTensor(Stmt.Objective o, Env env) {
    for (Stmt.ParamDecl p : o.params()) {
      if (p.shape() != null || p.sampled()) {
        return true;
      }
    }
    return TensorCompiler.usesTensors(o.body(), env);
  }

  Declaration.Model declare(Stmt.Objective o, String text) {
    List<Model.Param> params = new ArrayList<>();
    long offset = 0;
    for (Stmt.ParamDecl p : o.params()) {
      Shape shape = shape(p);
      Init init = init(p, shape);
      params.add(new Model.Param(p.name().name(), shape, (int) offset, init));
      offset += shape.size(0);
      if (offset > MAX_PARAMETERS) {
        throw values.error(p.name().span(), "too many parameters: " + offset + " so far, at most "
            + MAX_PARAMETERS);
      }
    }
    Model m = TensorCompiler.compile(values.source(), values.env(), o.name().name(), params,
        o.body());
    return new Declaration.Model(o.name().name(), m, text);
  }

  private Shape shape(Stmt.ParamDecl p) {
    if (p.shape() == null) {
      return Shape.SCALAR;
    }
    int[] dims = new int[p.shape().size()];
    long total = 1; // in long, and checked before each product, so no size wraps around
    StringBuilder product = new StringBuilder();
    for (int i = 0; i < dims.length; i++) {
      Expr dim = p.shape().get(i);
      long d = values.whole(dim, 1, "a dimension of " + p.name().name());
      if (d > MAX_PARAMETERS) {
        throw values.error(dim.span(), "a dimension of " + p.name().name() + " is too large: "
            + d + ", at most " + MAX_PARAMETERS + " parameters in all");
      }
      product.append(i == 0 ? "" : " x ").append(d);
      if (total > MAX_PARAMETERS / d) {
        throw values.error(p.name().span(), p.name().name() + " is too large: " + product
            + (i + 1 < dims.length ? " x ..." : "") + " is more than " + MAX_PARAMETERS
            + " parameters");
      }
      total *= d;
      dims[i] = (int) d;
    }
    return Shape.of(dims);
  }

  private Init init(Stmt.ParamDecl p, Shape shape) {
    if (p.start() == null) {
      return new Init.Constant(0);
    }
    if (!p.sampled()) {
      if (p.start() instanceof Expr.ListLit || p.start() instanceof Expr.Call c
          && InitialValues.FILES.contains(c.name())) {
        return new InitialValues(values).read(p, shape);
      }
      return new Init.Constant(values.number(p.start()));
    }
    Expr e = p.start();
    String name;
    List<Arg> args;
    if (e instanceof Expr.Name n) {
      name = n.name();
      args = List.of();
    } else if (e instanceof Expr.Call c) {
      name = c.name();
      args = c.args();
    } else {
      throw values.error(e.span(), "~ draws a parameter from an initializer such as he or "
          + "normal(0, 0.01); for a constant start write = " + values.source().text(e.span()));
    }
    Init init = switch (name) {
      case "normal" -> new Init.Normal(arg(args, 0, "mean", 0, name), arg(args, 1, "std", 1, name));
      case "uniform" -> new Init.Uniform(arg(args, 0, "a", 0, name), arg(args, 1, "b", 1, name));
      case "xavier", "xavier_uniform", "xavier_normal" -> new Init.Xavier(
          name.endsWith("normal"), arg(args, -1, "gain", 1, name));
      case "he", "he_uniform", "he_normal" -> new Init.He(name.endsWith("normal"), fanOut(args,
          name));
      default -> throw values.error(e.span(), "unknown initializer '" + name + "'"
          + Suggest.didYouMean(name, INITIALIZERS) + "; the initializers are normal(mean, std), "
          + "uniform(a, b), he, he_normal, xavier and xavier_normal");
    };
    if (init instanceof Init.Normal n && !(n.std() >= 0)) {
      throw values.error(e.span(), "normal's std must be at least 0");
    }
    if (init.needsFans() && shape.rank() < 2) {
      throw values.error(e.span(), name + " scales by a weight's fan-in and fan-out, which need "
          + "two dimensions, but " + p.name().name() + " has shape " + shape
          + "; start it at a constant (= 0) or draw it from normal(mean, std)");
    }
    return init;
  }

  /** The argument at {@code position} or named {@code key}; {@code position} -1: by name only. */
  private double arg(List<Arg> args, int position, String key, double otherwise, String fn) {
    int unnamed = 0;
    Double found = null;
    for (Arg a : args) {
      boolean match = a.named() ? a.name().equals(key) : unnamed++ == position;
      if (a.named() && !List.of("mean", "std", "a", "b", "gain", "mode").contains(a.name())) {
        throw values.error(a.nameSpan(), fn + " has no argument '" + a.name() + "'");
      }
      if (match) {
        found = values.number(a.value());
      }
    }
    if (unnamed > 2 || (position < 0 && unnamed > 0)) {
      throw values.error(args.get(0).span(), "give " + fn + "'s arguments by name");
    }
    return found == null ? otherwise : found;
  }

  private boolean fanOut(List<Arg> args, String fn) {
    for (Arg a : args) {
      if (!a.named() || !a.name().equals("mode") || !(a.value() instanceof Expr.Str s)
          || !(s.value().equals("fan_in") || s.value().equals("fan_out"))) {
        throw values.error(a.span(), fn + " takes mode = \"fan_in\" (the default) or "
            + "mode = \"fan_out\"");
      }
      return s.value().equals("fan_out");
    }
    return false;
  }
}

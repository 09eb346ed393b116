package dev.optlab.tensor;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.data.Dataset;
import dev.optlab.source.Span;
import dev.optlab.source.Suggest;
import dev.optlab.tensor.TensorCompiler.V;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The built-in functions of tensor objectives, their arguments and their shapes. */
final class Builtins {
  private Builtins() {}

  static V call(TensorCompiler c, Expr.Call call, Map<String, V> locals) {
    String name = call.name();
    Op unary = TensorCompiler.UNARY.get(name);
    if (unary != null) {
      V x = positional(c, call, locals, 1, 1).get(0);
      if (x.isConstant()) {
        return V.of(fold(unary, x.constant()));
      }
      return c.add(unary, x.node(), -1, c.shape(x), 0, 0, call.span());
    }
    return switch (name) {
      case "min", "max" -> {
        List<V> a = positional(c, call, locals, 2, 2);
        if (a.get(0).isConstant() && a.get(1).isConstant()) {
          yield V.of(name.equals("min") ? Math.min(a.get(0).constant(), a.get(1).constant())
              : Math.max(a.get(0).constant(), a.get(1).constant()));
        }
        yield Operators.broadcast(c, name.equals("min") ? Op.MIN : Op.MAX, name, a.get(0),
            a.get(1), call.span());
      }
      case "sum", "mean" -> reduce(c, call, locals, name.equals("sum") ? Op.SUM : Op.MEAN);
      case "softmax", "log_softmax" -> softmax(c, call, locals,
          name.equals("softmax") ? Op.SOFTMAX : Op.LOG_SOFTMAX);
      case "cross_entropy" -> crossEntropy(c, call, locals);
      case "mse", "bce_with_logits" -> pairLoss(c, call, locals,
          name.equals("mse") ? Op.MSE : Op.BCE_WITH_LOGITS);
      default -> {
        TreeSet<String> known = new TreeSet<>(TensorCompiler.UNARY.keySet());
        known.addAll(TensorCompiler.TENSOR_FUNCTIONS);
        known.addAll(List.of("min", "max"));
        known.addAll(c.scopeNames());
        throw c.error(call.nameSpan(), "unknown function '" + name + "'"
            + Suggest.didYouMean(name, known));
      }
    };
  }

  static double fold(Op op, double x) {
    return switch (op) {
      case SQRT -> Math.sqrt(x);
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case ABS -> Math.abs(x);
      case SIN -> Math.sin(x);
      case COS -> Math.cos(x);
      case TAN -> Math.tan(x);
      case TANH -> Math.tanh(x);
      case SIGMOID -> 1 / (1 + Math.exp(-x));
      case RELU -> x <= 0 ? 0 : x;
      case SOFTPLUS -> x > 20 ? x : Math.log1p(Math.exp(x));
      case SIGN -> Math.signum(x);
      case FLOOR -> Math.floor(x);
      case CEIL -> Math.ceil(x);
      default -> throw new IllegalStateException(op.toString());
    };
  }

  /** Exactly {@code min} to {@code max} positional arguments; named ones are errors. */
  private static List<V> positional(TensorCompiler c, Expr.Call call, Map<String, V> locals,
      int min, int max) {
    List<V> values = new ArrayList<>();
    for (Arg a : call.args()) {
      if (a.named()) {
        throw c.error(a.span(), call.name() + " takes no argument named '" + a.name() + "'");
      }
      values.add(c.expr(a.value(), locals));
    }
    if (values.size() < min || values.size() > max) {
      throw c.error(call.span(), call.name() + " takes " + (min == max ? "" + min
          : min + " or " + max) + " argument" + (max == 1 ? "" : "s") + ", got " + values.size());
    }
    return values;
  }

  /** {@code f(x)}, {@code f(x, k)} or {@code f(x, axis = k)}: the operand and the axis or null. */
  private static V operandAndAxis(TensorCompiler c, Expr.Call call, Map<String, V> locals,
      int[] axis) {
    V x = null;
    Span axisSpan = null;
    Expr axisExpr = null;
    for (Arg a : call.args()) {
      if (a.named() && !a.name().equals("axis")) {
        throw c.error(a.span(), call.name() + " takes no argument named '" + a.name() + "'"
            + (a.name().equals("dim") ? "; it is called axis here" : ""));
      }
      if (!a.named() && x == null) {
        x = c.expr(a.value(), locals);
      } else if (axisExpr == null) {
        axisExpr = a.value();
        axisSpan = a.span();
      } else {
        throw c.error(a.span(), call.name() + " takes a tensor and an axis");
      }
    }
    if (x == null) {
      throw c.error(call.span(), call.name() + " needs a tensor");
    }
    if (axisExpr != null) {
      V v = c.expr(axisExpr, Map.of());
      int rank = c.shape(x).rank();
      if (!v.isConstant() || v.constant() != Math.rint(v.constant())) {
        throw c.error(axisSpan, "axis must be a whole number");
      }
      int k = (int) v.constant();
      if (k < -rank || k >= rank) {
        throw c.error(axisSpan, "axis " + k + " is out of range for shape " + c.shape(x)
            + (rank == 0 ? " (a scalar has no axes)" : " (axes 0 to " + (rank - 1)
            + ", or -1 to -" + rank + " from the end)"));
      }
      axis[0] = k < 0 ? k + rank : k;
    }
    return x;
  }

  private static V reduce(TensorCompiler c, Expr.Call call, Map<String, V> locals, Op op) {
    int[] axis = {NodeSpec.ALL};
    V x = operandAndAxis(c, call, locals, axis);
    if (x.isConstant()) {
      return x;
    }
    Shape in = c.shape(x);
    Shape out = axis[0] == NodeSpec.ALL ? Shape.SCALAR : in.without(axis[0]);
    return c.add(op, x.node(), -1, out, 0, axis[0], call.span());
  }

  private static V softmax(TensorCompiler c, Expr.Call call, Map<String, V> locals, Op op) {
    int[] axis = {-1};
    V x = operandAndAxis(c, call, locals, axis);
    Shape in = c.shape(x);
    if (in.isScalar()) {
      throw c.error(call.span(), call.name() + " needs a vector or a matrix, got a number");
    }
    int k = axis[0] < 0 ? in.rank() - 1 : axis[0];
    return c.add(op, c.node(x, call.span()), -1, in, 0, k, call.span());
  }

  private static V crossEntropy(TensorCompiler c, Expr.Call call, Map<String, V> locals) {
    List<V> a = positional(c, call, locals, 2, 2);
    Shape logits = c.shape(a.get(0));
    Shape labels = c.shape(a.get(1));
    Dataset data = c.dataOf(a.get(1));
    if (logits.rank() != 2) {
      throw c.error(call.args().get(0).span(), "cross_entropy takes logits of shape [rows, "
          + "classes], got " + logits);
    }
    if (data == null) {
      throw c.error(call.args().get(1).span(), "cross_entropy's labels must be a data set's "
          + "class labels, such as iris.y");
    }
    if (!logits.rows()) {
      throw c.error(call.span(), "cross_entropy(" + logits + ", " + labels + "): the logits "
          + "must have the data set's rows, as x @ W does");
    }
    String y = c.dataName() + ".y";
    if (!data.labelsAreClasses()) {
      throw c.error(call.args().get(1).span(), "cross_entropy needs class labels 0, 1, 2, ...,"
          + " but " + y + " holds other numbers; for a numeric target use mse");
    }
    int classes = logits.dim(1);
    long top = (long) data.minMaxLabel()[1];
    if (top >= classes) {
      throw c.error(call.span(), "labels outside the logits' range: " + y + " runs up to "
          + top + ", but the logits " + logits + " have " + classes + " classes (0 to "
          + (classes - 1) + ")");
    }
    return c.add(Op.CROSS_ENTROPY, c.node(a.get(0), call.span()), a.get(1).node(),
        Shape.SCALAR, 0, 0, call.span());
  }

  private static V pairLoss(TensorCompiler c, Expr.Call call, Map<String, V> locals, Op op) {
    List<V> a = positional(c, call, locals, 2, 2);
    Shape x = c.shape(a.get(0));
    Shape y = c.shape(a.get(1));
    if (!x.equals(y)) {
      String hint = x.rank() == y.rank() + 1 && x.dim(x.rank() - 1) == 1
          ? "; a [rows, 1] prediction against [rows] targets: use a weight vector W[" + "n] "
          + "rather than W[n, 1], so that x @ W is [rows]" : "";
      throw c.error(call.span(), call.name() + " compares two tensors of the same shape; got "
          + x + " and " + y + hint);
    }
    return c.add(op, c.node(a.get(0), call.span()), c.node(a.get(1), call.span()),
        Shape.SCALAR, 0, 0, call.span());
  }
}

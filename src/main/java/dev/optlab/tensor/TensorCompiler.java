package dev.optlab.tensor;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.ast.Stmt;
import dev.optlab.data.Dataset;
import dev.optlab.source.Diagnostic;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
import dev.optlab.source.Suggest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles a tensor objective's body into a graph of {@link NodeSpec}s, checking every shape on
 * the way, so that a mismatch is reported at the expression that causes it before anything runs.
 * Constants fold as they do in scalar expressions; {@code def}s are inlined where they are
 * called, and an error inside one is reported at the call, naming the def.
 */
public final class TensorCompiler {
  /** Tensor-only built-ins; with {@code @} and {@code NAME.x} they make an expression a tensor one. */
  public static final Set<String> TENSOR_FUNCTIONS = Set.copyOf(TensorFunctions.names());

  static final Map<String, Op> UNARY = Map.ofEntries(Map.entry("sqrt", Op.SQRT),
      Map.entry("exp", Op.EXP), Map.entry("log", Op.LOG), Map.entry("abs", Op.ABS),
      Map.entry("sin", Op.SIN), Map.entry("cos", Op.COS), Map.entry("tan", Op.TAN),
      Map.entry("tanh", Op.TANH), Map.entry("sigmoid", Op.SIGMOID), Map.entry("relu", Op.RELU),
      Map.entry("softplus", Op.SOFTPLUS), Map.entry("sign", Op.SIGN),
      Map.entry("floor", Op.FLOOR), Map.entry("ceil", Op.CEIL));

  /** A value while compiling: a node, or a constant not yet made into one ({@code node < 0}). */
  record V(int node, double constant) {
    static V of(double c) {
      return new V(-1, c);
    }

    boolean isConstant() {
      return node < 0;
    }
  }

  private final Source source;
  private final TensorScope scope;
  final List<NodeSpec> nodes = new ArrayList<>();
  private final Deque<String> defs = new ArrayDeque<>();
  private Span callSpan;
  private Dataset data;
  private String dataName;

  private TensorCompiler(Source source, TensorScope scope) {
    this.source = source;
    this.scope = scope;
  }

  /**
   * @param params the parameters, shapes already evaluated, laid out in order
   * @throws OptlabError at the expression whose shapes do not fit, or a name that is unknown
   */
  public static Model compile(Source source, TensorScope scope, String name,
      List<Model.Param> params, Expr body) {
    TensorCompiler c = new TensorCompiler(source, scope);
    Map<String, V> locals = new HashMap<>();
    for (int i = 0; i < params.size(); i++) {
      c.nodes.add(new NodeSpec(Op.PARAM, i, -1, params.get(i).shape(), 0, 0, null));
      locals.put(params.get(i).name(), new V(i, 0));
    }
    V result = c.expr(body, locals);
    Shape shape = c.shape(result);
    if (!shape.isScalar()) {
      throw new OptlabError(new Diagnostic(source, body.span(),
          "an objective must be a number, but this is a tensor of shape " + shape,
          List.of("take its mean(...) or sum(...), or use a loss such as cross_entropy")));
    }
    if (result.isConstant()) {
      c.nodes.add(new NodeSpec(Op.CONST, -1, -1, Shape.SCALAR, result.constant(), 0, body.span()));
    }
    int loss = -1;
    int losses = 0;
    for (int i = 0; i < c.nodes.size(); i++) {
      Op op = c.nodes.get(i).op();
      if (op == Op.CROSS_ENTROPY || op == Op.BCE_WITH_LOGITS) {
        loss = i;
        losses++;
      }
    }
    return new Model(name, params, c.nodes, c.data, losses == 1 ? loss : -1,
        RowMean.holds(c.nodes));
  }

  /** Whether an expression uses tensors: {@code @}, {@code NAME.x}, or a tensor-only built-in. */
  public static boolean usesTensors(Expr e, TensorScope scope) {
    return usesTensors(e, scope, new java.util.HashSet<>());
  }

  private static boolean usesTensors(Expr e, TensorScope scope, Set<String> seen) {
    return switch (e) {
      case Expr.Field f -> true;
      case Expr.Binary b -> b.op() == Expr.BinaryOp.MATMUL || usesTensors(b.left(), scope, seen)
          || usesTensors(b.right(), scope, seen);
      case Expr.Unary u -> usesTensors(u.operand(), scope, seen);
      case Expr.Call c -> {
        if (TENSOR_FUNCTIONS.contains(c.name())) {
          yield true;
        }
        Stmt.Def d = scope.function(c.name());
        if (d != null && seen.add(c.name()) && usesTensors(d.body(), scope, seen)) {
          yield true;
        }
        yield c.args().stream().anyMatch(a -> usesTensors(a.value(), scope, seen));
      }
      default -> false;
    };
  }

  Shape shape(V v) {
    return v.isConstant() ? Shape.SCALAR : nodes.get(v.node()).shape();
  }

  int node(V v, Span span) {
    if (!v.isConstant()) {
      return v.node();
    }
    return add(Op.CONST, -1, -1, Shape.SCALAR, v.constant(), 0, span).node();
  }

  V add(Op op, int a, int b, Shape shape, double c, int axis, Span span) {
    nodes.add(new NodeSpec(op, a, b, shape, c, axis, span));
    return new V(nodes.size() - 1, 0);
  }

  OptlabError error(Span span, String message) {
    if (callSpan != null) {
      return new OptlabError(source, callSpan, "in " + String.join(" in ", defs) + ": " + message);
    }
    return new OptlabError(source, span, message);
  }

  V expr(Expr e, Map<String, V> locals) {
    return switch (e) {
      case Expr.Num n -> V.of(n.value());
      case Expr.Name n -> name(n, locals);
      case Expr.Field f -> field(f);
      case Expr.Unary u -> {
        V a = expr(u.operand(), locals);
        if (u.op() == Expr.UnaryOp.PLUS) {
          yield a;
        }
        yield a.isConstant() ? V.of(-a.constant()) : add(Op.NEG, a.node(), -1, shape(a), 0, 0,
            u.span());
      }
      case Expr.Binary b -> Operators.binary(this, b, expr(b.left(), locals),
          expr(b.right(), locals));
      case Expr.Call c -> call(c, locals);
      case Expr.Str s -> throw error(e.span(), "expected a tensor or a number, got a string");
      case Expr.Bool b -> throw error(e.span(), "expected a tensor or a number, got true/false");
      case Expr.Tuple t -> throw error(e.span(), "expected a tensor or a number, got a tuple");
      case Expr.ListLit l -> throw error(e.span(), "expected a tensor or a number, got a list");
      case Expr.Chain c -> throw error(e.span(), "expected a tensor or a number, got a chain");
      case Expr.Index i -> throw error(e.span(), i.target() + "[...] picks an element of a "
          + "tuple, which only a rule's hyperparameters are (docs/rules.md)");
    };
  }

  private V name(Expr.Name n, Map<String, V> locals) {
    V local = locals.get(n.name());
    if (local != null) {
      return local;
    }
    Double c = scope.constant(n.name());
    if (c != null) {
      return V.of(c);
    }
    if (n.name().equals("pi") || n.name().equals("e")) {
      return V.of(n.name().equals("pi") ? Math.PI : Math.E);
    }
    if (scope.data(n.name()) != null) {
      throw error(n.span(), "'" + n.name() + "' is a data set; use " + n.name() + ".x (its "
          + "features) or " + n.name() + ".y (its targets)");
    }
    TreeSet<String> candidates = new TreeSet<>(locals.keySet());
    candidates.addAll(scope.names());
    throw error(n.span(), "unknown name '" + n.name() + "'" + Suggest.didYouMean(n.name(),
        candidates));
  }

  private V field(Expr.Field f) {
    Dataset d = scope.data(f.target());
    if (d == null) {
      throw error(f.span(), "'" + f.target() + "' is not a data set" + Suggest.didYouMean(
          f.target(), scope.names()));
    }
    if (data != null && !dataName.equals(f.target())) {
      throw error(f.span(), "an objective trains on one data set; this one already uses "
          + dataName);
    }
    data = d;
    dataName = f.target();
    int rows = d.train().rows();
    return switch (f.field()) {
      case "x" -> add(Op.DATA_X, -1, -1, new Shape(new int[] {rows, d.cols()}, true), 0, 0,
          f.span());
      case "y" -> add(Op.DATA_Y, -1, -1, new Shape(new int[] {rows}, true), 0, 0, f.span());
      default -> throw error(f.span(), "a data set has x (its features) and y (its targets); "
          + "there is no " + f.target() + "." + f.field());
    };
  }

  Dataset dataOf(V v) {
    return !v.isConstant() && nodes.get(v.node()).op() == Op.DATA_Y ? data : null;
  }

  String dataName() {
    return dataName;
  }

  java.util.Collection<String> scopeNames() {
    return scope.names();
  }

  private V call(Expr.Call c, Map<String, V> locals) {
    Stmt.Def def = locals.containsKey(c.name()) ? null : scope.function(c.name());
    if (def == null) {
      return Builtins.call(this, c, locals);
    }
    for (Arg a : c.args()) {
      if (a.named()) {
        throw error(a.span(), "arguments of " + c.name() + " are given in order, without names");
      }
    }
    if (c.args().size() != def.params().size()) {
      throw error(c.span(), c.name() + " takes " + def.params().size() + " argument"
          + (def.params().size() == 1 ? "" : "s") + ", got " + c.args().size());
    }
    if (defs.contains(c.name())) {
      throw error(c.span(), "'" + c.name() + "' calls itself; recursion is not allowed");
    }
    Map<String, V> inner = new HashMap<>();
    for (int i = 0; i < c.args().size(); i++) {
      inner.put(def.params().get(i).name(), expr(c.args().get(i).value(), locals));
    }
    Span outer = callSpan;
    if (outer == null) {
      callSpan = c.span();
    }
    defs.push(c.name());
    try {
      return expr(def.body(), inner);
    } finally {
      defs.pop();
      callSpan = outer;
    }
  }
}

package dev.optlab.diff;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.ast.Stmt;
import dev.optlab.source.Diagnostic;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
import dev.optlab.source.Suggest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers an expression to a {@link TapeBuilder}, folding constants and inlining defs, in the
 * order Python evaluates it (operands left to right, then the operator; arguments, then the call).
 * It walks the tree with its own stack, so nesting depth is bounded by memory, not by the Java
 * stack.
 */
final class Lowering {
  /** Autograd nodes allowed after inlining defs. */
  static final int MAX_OPS = 100_000;
  /** Tree nodes visited, which bounds the time spent folding constant def expansions. */
  static final int MAX_STEPS = 4_000_000;
  /** Pending nodes on the lowering's own stack. */
  static final int MAX_DEPTH = 200_000;

  private static final Map<String, Integer> BUILTINS = new LinkedHashMap<>();

  static {
    BUILTINS.put("sqrt", Op.SQRT);
    BUILTINS.put("exp", Op.EXP);
    BUILTINS.put("log", Op.LOG);
    BUILTINS.put("abs", Op.ABS);
    BUILTINS.put("sin", Op.SIN);
    BUILTINS.put("cos", Op.COS);
    BUILTINS.put("tan", Op.TAN);
    BUILTINS.put("tanh", Op.TANH);
    BUILTINS.put("sigmoid", Op.SIGMOID);
    BUILTINS.put("relu", Op.RELU);
    BUILTINS.put("softplus", Op.SOFTPLUS);
    BUILTINS.put("floor", Op.FLOOR);
    BUILTINS.put("ceil", Op.CEIL);
    BUILTINS.put("sign", Op.SIGN);
    BUILTINS.put("min", Op.MIN);
    BUILTINS.put("max", Op.MAX);
  }

  static final List<String> BUILTIN_NAMES = List.copyOf(BUILTINS.keySet());

  /** A value: a constant, or the autograd node computing it. */
  record Val(int node, double constant) {
    static Val of(double c) {
      return new Val(-1, c);
    }

    static Val node(int n) {
      return new Val(n, 0);
    }

    boolean isConstant() {
      return node < 0;
    }
  }

  /**
   * Where names resolve and errors point. At the top, names are the variables and spans are in
   * {@code source}. In an inlined def, names are its parameters; when the def's source is unknown
   * errors point at {@code anchor}, the outermost call, with a hint naming {@code def}.
   */
  private record Env(
      Map<String, Val> params, Stmt.Def def, Source source, Span anchor, Span topCall) {}

  private static final class Frame {
    final Expr expr;
    final Env env;
    int stage;
    Stmt.Def def;
    int builtin;

    Frame(Expr expr, Env env) {
      this.expr = expr;
      this.env = env;
    }
  }

  private final Source source;
  private final List<String> variables;
  private final Map<String, Integer> variableIndex = new HashMap<>();
  private final Scope scope;
  private final TapeBuilder tape;
  private final String where;
  private final ArrayDeque<Frame> stack = new ArrayDeque<>();
  private final ArrayList<Val> values = new ArrayList<>();
  private final Set<Stmt.Def> active = Collections.newSetFromMap(new IdentityHashMap<>());
  private Expr root;
  private int steps;

  Lowering(Source source, List<String> variables, Scope scope, TapeBuilder tape, String where) {
    this.source = source;
    this.variables = variables;
    for (int i = variables.size() - 1; i >= 0; i--) {
      variableIndex.put(variables.get(i), i);
    }
    this.scope = scope;
    this.tape = tape;
    this.where = where;
  }

  Val lower(Expr expr) {
    root = expr;
    stack.push(new Frame(expr, new Env(null, null, source, null, null)));
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      if (++steps > MAX_STEPS) {
        throw tooLarge(f.env);
      }
      if (stack.size() > MAX_DEPTH) {
        throw error(f.env, f.expr.span(), "expression nested too deeply");
      }
      step(f);
    }
    return values.remove(values.size() - 1);
  }

  private void step(Frame f) {
    switch (f.expr) {
      case Expr.Num n -> {
        stack.pop();
        values.add(Val.of(n.value()));
      }
      case Expr.Name n -> {
        stack.pop();
        values.add(resolve(n, f.env));
      }
      case Expr.Unary u -> {
        if (f.stage == 0) {
          f.stage = 1;
          stack.push(new Frame(u.operand(), f.env));
        } else {
          stack.pop();
          Val a = pop();
          // Python's +x is torch.positive(x), which returns x itself.
          values.add(u.op() == Expr.UnaryOp.NEG ? unary(Op.NEG, a, f.env) : a);
        }
      }
      case Expr.Binary b -> {
        if (b.op() == Expr.BinaryOp.MATMUL) {
          throw error(f.env, b.span(), "@ multiplies vectors and matrices: tensor parameters "
              + "such as W[4, 3] or data such as iris.x (docs/tensors.md); for numbers, use *");
        }
        if (f.stage == 0) {
          f.stage = 1;
          stack.push(new Frame(b.right(), f.env));
          stack.push(new Frame(b.left(), f.env));
        } else {
          stack.pop();
          Val right = pop();
          Val left = pop();
          values.add(binary(b.op(), left, right, f.env));
        }
      }
      case Expr.Call c -> call(f, c);
      case Expr.Bool b -> throw notNumber(f, "a boolean");
      case Expr.Str s -> throw notNumber(f, "a string");
      case Expr.Tuple t -> throw notNumber(f, "a tuple");
      case Expr.ListLit l -> throw notNumber(f, "a list");
      case Expr.Chain c -> throw notNumber(f, "a schedule chain");
      case Expr.Field d -> throw error(f.env, d.span(), d.target() + "." + d.field()
          + " is a tensor of data; only an objective can use it (docs/tensors.md)");
      case Expr.Index i -> throw error(f.env, i.span(), i.target() + "[...] picks an element of "
          + "a tuple, which only a rule's hyperparameters are (docs/rules.md)");
    }
  }

  private OptlabError notNumber(Frame f, String what) {
    return error(f.env, f.expr.span(), "expected a number, got " + what);
  }

  private Val pop() {
    return values.remove(values.size() - 1);
  }

  private void call(Frame f, Expr.Call c) {
    Env env = f.env;
    switch (f.stage) {
      case 0 -> {
        String name = c.name();
        Stmt.Def def = scope.function(name);
        int arity;
        if (def != null) {
          f.def = def;
          arity = def.params().size();
        } else {
          Integer op = BUILTINS.get(name);
          if (op == null) {
            throw unknownFunction(c, env);
          }
          f.builtin = op;
          arity = op == Op.MIN || op == Op.MAX ? 2 : 1;
        }
        for (Arg a : c.args()) {
          if (a.named()) {
            throw error(env, a.span(), name + " does not take named arguments");
          }
        }
        if (c.args().size() != arity) {
          throw error(env, c.span(), name + " takes " + arity
              + (arity == 1 ? " argument" : " arguments") + ", got " + c.args().size());
        }
        f.stage = 1;
        for (int i = c.args().size() - 1; i >= 0; i--) {
          stack.push(new Frame(c.args().get(i).value(), env));
        }
      }
      case 1 -> {
        int n = c.args().size();
        List<Val> args = new ArrayList<>(values.subList(values.size() - n, values.size()));
        values.subList(values.size() - n, values.size()).clear();
        if (f.def == null) {
          stack.pop();
          values.add(n == 1 ? unary(f.builtin, args.get(0), env)
              : minMax(f.builtin, args.get(0), args.get(1), env));
          return;
        }
        Stmt.Def def = f.def;
        CompiledFunction objective = scope.objective(c.name());
        if (objective != null && args.stream().allMatch(Val::isConstant)) {
          stack.pop();
          double[] point = new double[n];
          for (int i = 0; i < n; i++) {
            point[i] = args.get(i).constant();
          }
          values.add(Val.of(objective.valueAndGradient(point, new double[n])));
          return;
        }
        if (active.contains(def)) {
          throw error(env, c.span(), "recursive def '" + c.name() + "'");
        }
        active.add(def);
        Map<String, Val> params = new HashMap<>();
        for (int i = 0; i < n; i++) {
          params.put(def.params().get(i).name(), args.get(i));
        }
        Source defSource = scope.source(def);
        Span topCall = env.topCall() != null ? env.topCall()
            : env.anchor() != null ? env.anchor() : c.span();
        Env inner = defSource != null
            ? new Env(params, def, defSource, null, topCall)
            : new Env(params, def, env.source(), env.anchor() != null ? env.anchor() : c.span(),
                topCall);
        f.stage = 2;
        stack.push(new Frame(def.body(), inner));
      }
      default -> {
        stack.pop();
        active.remove(f.def);
      }
    }
  }

  private OptlabError unknownFunction(Expr.Call c, Env env) {
    String name = c.name();
    if (name.equals("grad")) {
      return error(env, c.span(), "grad(...) cannot be used inside " + where);
    }
    if (isValueName(name, env)) {
      return error(env, c.nameSpan(), "'" + name + "' is not a function");
    }
    List<String> candidates = new ArrayList<>(BUILTIN_NAMES);
    for (String n : scope.names()) {
      if (scope.function(n) != null) {
        candidates.add(n);
      }
    }
    return error(env, c.nameSpan(),
        "unknown function '" + name + "'" + Suggest.didYouMean(name, candidates));
  }

  private boolean isValueName(String name, Env env) {
    boolean param = env.params() != null ? env.params().containsKey(name)
        : variableIndex.containsKey(name);
    return param || scope.constant(name) != null || name.equals("pi") || name.equals("e");
  }

  private Val resolve(Expr.Name n, Env env) {
    String name = n.name();
    if (env.params() != null) {
      Val v = env.params().get(name);
      if (v != null) {
        return v;
      }
    } else {
      Integer i = variableIndex.get(name);
      if (i != null) {
        return Val.node(tape.variable(i));
      }
    }
    Double c = scope.constant(name);
    if (c != null) {
      return Val.of(c);
    } else if (name.equals("pi")) {
      return Val.of(Math.PI);
    } else if (name.equals("e")) {
      return Val.of(Math.E);
    }
    if (scope.function(name) != null || BUILTINS.containsKey(name)) {
      throw error(env, n.span(), "'" + name + "' is a function; call it as " + name + "(...)");
    }
    if (env.params() != null && variableIndex.containsKey(name)) {
      throw error(env, n.span(), "unknown name '" + name + "'", "def '" + env.def().name().name()
          + "' sees only its parameters, lets and defs; pass '" + name + "' as an argument");
    }
    List<String> candidates = new ArrayList<>();
    candidates.addAll(env.params() != null ? env.params().keySet() : variables);
    for (String s : scope.names()) {
      if (scope.constant(s) != null) {
        candidates.add(s);
      } else if (name.equals(s)) {
        throw error(env, n.span(), "'" + name + "' is not a number");
      }
    }
    candidates.add("pi");
    candidates.add("e");
    throw error(env, n.span(),
        "unknown name '" + name + "'" + Suggest.didYouMean(name, candidates));
  }

  private Val unary(int op, Val a, Env env) {
    if (a.isConstant()) {
      return Val.of(Kernels.forward(op, a.constant(), 0, 0));
    }
    return node(op, a.node(), -1, 0, env);
  }

  private Val minMax(int op, Val a, Val b, Env env) {
    if (a.isConstant() && b.isConstant()) {
      return Val.of(Kernels.forward(op, a.constant(), b.constant(), 0));
    }
    int na = a.isConstant() ? tape.constant(a.constant()) : a.node();
    int nb = b.isConstant() ? tape.constant(b.constant()) : b.node();
    return node(op, na, nb, 0, env);
  }

  private Val binary(Expr.BinaryOp op, Val a, Val b, Env env) {
    if (a.isConstant() && b.isConstant()) {
      double x = a.constant();
      double y = b.constant();
      return Val.of(switch (op) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MUL -> x * y;
        case DIV -> x / y;
        case POW -> Math.pow(x, y);
        case MATMUL -> throw new IllegalStateException("@ of numbers");
      });
    }
    if (b.isConstant()) {
      double c = b.constant();
      int x = a.node();
      return switch (op) {
        case ADD -> node(Op.ADD_C, x, -1, c, env);
        case SUB -> node(Op.SUB_C, x, -1, c, env);
        case MUL -> node(Op.MUL_C, x, -1, c, env);
        case DIV -> node(Op.DIV_C, x, -1, c, env);
        case POW -> node(Op.powConstant(c), x, -1, c, env);
        case MATMUL -> throw new IllegalStateException("@ of numbers");
      };
    }
    if (a.isConstant()) {
      double c = a.constant();
      int x = b.node();
      return switch (op) {
        case ADD -> node(Op.ADD_C, x, -1, c, env);
        case SUB -> node(Op.RSUB_C, x, -1, c, env);
        case MUL -> node(Op.MUL_C, x, -1, c, env);
        case DIV -> node(Op.MUL_C, node(Op.RECIP, x, -1, 0, env).node(), -1, c, env);
        case POW -> node(Op.RPOW_C, x, -1, c, env);
        case MATMUL -> throw new IllegalStateException("@ of numbers");
      };
    }
    int opcode = switch (op) {
      case ADD -> Op.ADD;
      case SUB -> Op.SUB;
      case MUL -> Op.MUL;
      case DIV -> Op.DIV;
      case POW -> Op.POW;
      case MATMUL -> throw new IllegalStateException("@ of numbers");
    };
    return node(opcode, a.node(), b.node(), 0, env);
  }

  private Val node(int op, int in0, int in1, double c, Env env) {
    if (tape.opNodes() >= MAX_OPS) {
      throw tooLarge(env);
    }
    return Val.node(tape.op(op, in0, in1, c));
  }

  private OptlabError tooLarge(Env env) {
    if (env.topCall() != null) {
      return new OptlabError(source, env.topCall(), "expression too large after inlining defs");
    }
    return new OptlabError(source, root.span(), "expression too large");
  }

  private OptlabError error(Env env, Span span, String message, String... hints) {
    List<String> all = new ArrayList<>(List.of(hints));
    if (env.anchor() != null) {
      all.add("in the body of def '" + env.def().name().name() + "'");
    }
    return new OptlabError(new Diagnostic(env.source(), env.anchor() == null ? span : env.anchor(),
        message, all));
  }
}

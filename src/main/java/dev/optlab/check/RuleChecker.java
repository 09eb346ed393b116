package dev.optlab.check;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.ast.RuleLine;
import dev.optlab.ast.Stmt;
import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.optim.CommonParams;
import dev.optlab.optim.Optimizers;
import dev.optlab.rules.RuleDef;
import dev.optlab.rules.RuleFunctions;
import dev.optlab.source.Span;
import dev.optlab.source.Suggest;
import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@code rule} statement before anything runs (docs/rules.md, "Errors"): its name, its
 * hyperparameters and their defaults, and every name and call of its body, in order — what may
 * be read where, what may be assigned, that p is assigned. What depends on a parameter's shape
 * is checked where a run uses the rule ({@link RuleDef#problemWith}).
 */
final class RuleChecker {
  private static final Set<String> READ_ONLY = Set.of("g", "t");
  private static final Set<String> SHAPE_WORDS = Set.of("rows", "cols");

  private final Values values;
  private final Set<String> hypers = new LinkedHashSet<>();
  private final Set<String> shared = new HashSet<>();
  private final Map<String, RuleLine.State> states = new HashMap<>();
  private boolean assignsP;
  private boolean sawEval;

  RuleChecker(Values values) {
    this.values = values;
  }

  RuleDef check(Stmt.Rule r, String text) {
    String name = r.name().name();
    if (Optimizers.byName(name).isPresent()) {
      throw values.error(r.name().span(), name + " is a built-in optimizer; give the rule a name "
          + "of its own, such as My" + name + " (built-ins cannot be shadowed, so scripts that use "
          + name + " keep meaning PyTorch's)");
    }
    List<HyperParam> params = new ArrayList<>();
    for (Stmt.RuleParam p : r.params()) {
      String h = p.name().name();
      if (!hypers.add(h)) {
        throw values.error(p.name().span(), "hyperparameter " + h + " is declared twice");
      }
      if (Set.of("p", "g", "t", "lr0").contains(h)) {
        throw values.error(p.name().span(), h + " is what the rule is given ("
            + (h.equals("p") ? "the parameter" : h.equals("g") ? "its gradient"
            : h.equals("t") ? "the step" : "the optimizer's lr before any schedule")
            + "); call the hyperparameter something else");
      }
      params.add(param(h, p.value()));
    }
    if (!hypers.contains("lr")) {
      throw values.error(r.name().span(), "rule " + name + " needs an lr hyperparameter (the rate "
          + "schedules scale), such as lr = 1e-3");
    }
    laterStates.addAll(RuleLine.stateNames(r.body()));
    Set<String> scope = new HashSet<>(hypers);
    scope.addAll(List.of("p", "g", "t", "lr", "lr0"));
    lines(r.body(), scope, false, false);
    if (!assignsP) {
      throw values.error(r.name().span(), "rule " + name + " never assigns p, so it would not "
          + "change the parameters; end it with a line such as p = p - lr * g");
    }
    return new RuleDef(name, params, r.body(), text, values.source());
  }

  /** A hyperparameter from its default: its kind from the value, its range from the built-ins'. */
  private HyperParam param(String name, Expr value) {
    HyperParam known = switch (name) {
      case "lr" -> CommonParams.LR;
      case "eps" -> CommonParams.EPS;
      case "weight_decay" -> CommonParams.WEIGHT_DECAY;
      case "momentum" -> CommonParams.MOMENTUM;
      case "betas" -> CommonParams.BETAS;
      default -> null;
    };
    // betas' built-in text is Adam's (the gradient and its square); a rule's may be Lion's
    String doc = known == null ? "a hyperparameter of this rule" : name.equals("betas")
        ? "decay rates of this rule's running averages" : known.doc();
    Check check = known != null ? known.check() : Check.ANY;
    if (value == null) {
      return HyperParam.number(name, null, check, doc);
    }
    if (value instanceof Expr.Bool b) {
      return HyperParam.bool(name, b.value(), doc);
    }
    if (value instanceof Expr.Tuple t) {
      double[] v = new double[t.items().size()];
      for (int i = 0; i < v.length; i++) {
        Arg item = t.items().get(i);
        v[i] = values.number(item.value());
        String problem = check.check(v[i]);
        if (problem != null || item.named()) {
          throw values.error(item.span(), name + " " + (problem != null ? problem
              : "is a tuple of numbers, written without names") + ", got " + Numbers.repr(v[i]));
        }
      }
      return HyperParam.pair(name, v, check, doc);
    }
    double v = values.number(value);
    String problem = check.check(v);
    if (problem != null) {
      throw values.error(value.span(), name + " " + problem + ", got " + Numbers.repr(v));
    }
    return HyperParam.number(name, v, check, doc);
  }

  private void lines(List<RuleLine> lines, Set<String> scope, boolean once, boolean nested) {
    for (RuleLine l : lines) {
      line(l, scope, once, nested);
    }
  }

  private void line(RuleLine l, Set<String> scope, boolean once, boolean nested) {
    switch (l) {
      case RuleLine.State s -> {
        String n = s.name().name();
        if (once) {
          throw values.error(s.span(), "once runs before the parameter tensors; declare state "
              + n + " outside it");
        }
        declared(s.name(), scope);
        states.put(n, s);
        stateStart(s);
        scope.add(n);
      }
      case RuleLine.Shared s -> {
        if (once || nested) {
          throw values.error(s.span(), "declare shared " + s.name().name() + " at the top of the "
              + "rule, outside blocks");
        }
        declared(s.name(), scope);
        constant(s.init(), scope, "a shared scalar starts from a number");
        shared.add(s.name().name());
        scope.add(s.name().name());
      }
      case RuleLine.Once o -> {
        if (once || nested) {
          throw values.error(o.span(), "once blocks stand at the top of the rule");
        }
        Set<String> inner = new HashSet<>(hypers);
        inner.addAll(List.of("t", "lr", "lr0"));
        inner.addAll(shared);
        lines(o.body(), inner, true, false);
      }
      case RuleLine.If f -> {
        condition(f.condition(), scope, once);
        Set<String> a = new HashSet<>(scope);
        lines(f.then(), a, once, true);
        Set<String> b = new HashSet<>(scope);
        lines(f.otherwise(), b, once, true);
        a.retainAll(b);
        scope.addAll(a); // set on both branches: known after the if
        states.keySet().stream().filter(k -> a.contains(k) || b.contains(k)).forEach(scope::add);
      }
      case RuleLine.Repeat r -> {
        expr(r.count(), scope, once);
        lines(r.body(), scope, once, true);
      }
      case RuleLine.Eval e -> {
        if (once || nested) {
          throw values.error(e.span(), "eval stands at the top of the rule, outside blocks");
        }
        if (sawEval) {
          throw values.error(e.span(), "the rule already has an eval line");
        }
        sawEval = true;
        expr(e.value(), scope, once);
      }
      case RuleLine.Assign a -> assign(a, scope, once);
    }
  }

  private void assign(RuleLine.Assign a, Set<String> scope, boolean once) {
    String n = a.target().name();
    Span at = a.target().span();
    if (READ_ONLY.contains(n)) {
      throw values.error(at, n.equals("g") ? "g is the gradient, which the rule reads but does not "
          + "change; copy it into a local (d = g) and change that"
          : "t is the step count, which the rule reads but does not change");
    }
    if (n.equals("lr0")) {
      throw values.error(at, "lr0 is the lr the optimizer was given, read-only");
    }
    if (n.equals("lr")) {
      throw values.error(at, "lr is the scheduled learning rate, read-only; compute a local (step"
          + " = lr * ...) instead");
    }
    if (hypers.contains(n)) {
      throw values.error(at, n + " is a hyperparameter, fixed for the run; compute a local instead");
    }
    if (once && n.equals("p")) {
      throw values.error(at, "once runs before the parameter tensors; assign p outside it");
    }
    if (shared.contains(n) && !once) {
      throw values.error(at, "shared " + n + " is one number for all parameter tensors; assign it "
          + "inside once { ... }, which runs once per step");
    }
    if (!scope.contains(n) && laterStates.contains(n)) {
      throw values.error(at, usedBeforeDeclared(n));
    }
    expr(a.value(), scope, once);
    if (n.equals("p")) {
      assignsP = true;
    }
    scope.add(n);
  }

  private final Set<String> laterStates = new HashSet<>();

  /** Says what to do, not only what is wrong: the declaration exists, just too late. */
  private static String usedBeforeDeclared(String n) {
    return "state " + n + " is used before its declaration (state " + n + " = ... comes later); "
        + "move the declaration above this line";
  }

  private void declared(Stmt.Ident name, Set<String> scope) {
    String n = name.name();
    if (scope.contains(n) || hypers.contains(n)) {
      throw values.error(name.span(), n + " is already " + (hypers.contains(n)
          ? "a hyperparameter" : Set.of("p", "g", "t", "lr", "lr0").contains(n) ? "given to the rule"
          : "declared") + "; choose another name");
    }
  }

  private void stateStart(RuleLine.State s) {
    Expr init = s.init();
    if (init instanceof Expr.Name n && n.name().equals("p")) {
      return;
    }
    if (init instanceof Expr.Call c && c.name().equals("zeros")) {
      if (c.args().size() != 1 || !(c.args().get(0).value() instanceof Expr.Name w)
          || !SHAPE_WORDS.contains(w.name())) {
        throw values.error(init.span(), "zeros takes rows or cols: zeros(rows) keeps one number "
            + "per row of a 2-D parameter, zeros(cols) one per column");
      }
      return;
    }
    if (init instanceof Expr.Call c && c.name().equals("scalar")) {
      if (c.args().size() != 1 || c.args().get(0).named()) {
        throw values.error(init.span(), "scalar takes the starting number: scalar(0)");
      }
      constant(c.args().get(0).value(), Set.copyOf(hypers), "a state starts from a number");
      return;
    }
    constant(init, Set.copyOf(hypers), "a state starts from a number, p, zeros(rows), "
        + "zeros(cols) or scalar(N)");
  }

  /** An expression of numbers and hyperparameters only. */
  private void constant(Expr e, Set<String> scope, String what) {
    Set<String> names = new HashSet<>();
    names(e, names);
    for (String n : names) {
      if (!hypers.contains(n)) {
        throw values.error(e.span(), what + "; " + n + " is not known when the state is made");
      }
    }
    expr(e, new HashSet<>(hypers), false);
  }

  private static void names(Expr e, Set<String> out) {
    switch (e) {
      case Expr.Name n -> out.add(n.name());
      case Expr.Index i -> out.add(i.target());
      case Expr.Unary u -> names(u.operand(), out);
      case Expr.Binary b -> {
        names(b.left(), out);
        names(b.right(), out);
      }
      case Expr.Call c -> c.args().forEach(a -> names(a.value(), out));
      default -> { }
    }
  }

  private void condition(RuleLine.Condition c, Set<String> scope, boolean once) {
    switch (c) {
      case RuleLine.Compare k -> {
        expr(k.left(), scope, once);
        expr(k.right(), scope, once);
      }
      case RuleLine.Join j -> {
        condition(j.left(), scope, once);
        condition(j.right(), scope, once);
      }
    }
  }

  private void expr(Expr e, Set<String> scope, boolean once) {
    switch (e) {
      case Expr.Num n -> { }
      case Expr.Bool b -> { }
      case Expr.Name n -> name(n.name(), n.span(), scope, once);
      case Expr.Index i -> {
        name(i.target(), i.span(), scope, once);
        expr(i.index(), scope, once);
      }
      case Expr.Unary u -> expr(u.operand(), scope, once);
      case Expr.Binary b -> {
        expr(b.left(), scope, once);
        expr(b.right(), scope, once);
      }
      case Expr.Call c -> call(c, scope, once);
      default -> throw values.error(e.span(), "a rule computes with numbers, tensors and "
          + "functions; " + Values.describe(e) + " has no place here");
    }
  }

  private void call(Expr.Call c, Set<String> scope, boolean once) {
    String problem = RuleFunctions.problem(c.name(), c.args().stream().filter(a -> !a.named())
        .count(), c.args().stream().filter(Arg::named).map(Arg::name).toList());
    if (problem != null) {
      Span at = problem.startsWith("unknown") ? c.nameSpan() : c.span();
      throw values.error(at, problem);
    }
    for (Arg a : c.args()) {
      expr(a.value(), scope, once);
    }
  }

  private void name(String n, Span at, Set<String> scope, boolean once) {
    if (scope.contains(n)) {
      return;
    }
    if (once && (Set.of("p", "g").contains(n) || states.containsKey(n))) {
      throw values.error(at, "once runs before the parameter tensors, so " + n + " is not there; "
          + "read it outside once");
    }
    if (laterStates.contains(n)) {
      throw values.error(at, usedBeforeDeclared(n));
    }
    List<String> known = new ArrayList<>(scope);
    throw values.error(at, "unknown name '" + n + "' in this rule" + Suggest.didYouMean(n, known));
  }
}

package dev.optlab.check;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.ast.OptimizerSpec;
import dev.optlab.ast.RunSpec;
import dev.optlab.ast.Stmt;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.LrFindPlan;
import dev.optlab.plan.LrFinder;
import dev.optlab.schedule.LambdaSchedule;
import dev.optlab.source.Span;
import dev.optlab.source.Suggest;
import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Checks {@code lrfind} and plans it as a run of its optimizer for {@code steps} updates whose lr
 * follows fast.ai's exponential ramp (fast.ai's defaults: from 1e-7 to 10 over 100 steps).
 */
final class LrFindChecker {
  private final Values values;
  private final BiFunction<RunSpec, Span, ExecutionPlan> planner;

  LrFindChecker(Values values, BiFunction<RunSpec, Span, ExecutionPlan> planner) {
    this.values = values;
    this.planner = planner;
  }

  LrFindPlan check(Stmt.LrFind l) {
    double from = bound(l.from(), 1e-7, "from");
    double to = bound(l.to(), 10, "to");
    if (!(from < to)) {
      throw values.error(l.to() != null ? l.to().span() : l.from().span(), "the range test "
          + "runs from a smaller lr to a larger one, got from " + Numbers.short6(from) + " to "
          + Numbers.short6(to));
    }
    long steps = l.steps() == null ? 100 : values.whole(l.steps(), 6, "the number of steps");
    if (steps > 1_000_000) {
      throw values.error(l.steps().span(), "the number of steps is too large: " + steps
          + " (a range test takes 100 to a few thousand; the limit is 1000000)");
    }
    List<LrFinder.Rule> rules = rules(l.suggest());
    Expr dataClause = l.batch() != null ? l.batch() : l.seed();
    if (dataClause != null
        && values.env().get(l.objective().name()) instanceof Declaration.Objective) {
      throw values.error(dataClause.span(), (l.batch() != null ? "batch" : "seed")
          + " belongs to objectives on data; " + l.objective().name() + " has scalar parameters"
          + " only, so each step is one evaluation of it");
    }
    Expr n = new Expr.Num(steps, l.span());
    RunSpec.Training training = l.batch() == null && l.seed() == null ? null
        : new RunSpec.Training(null, l.batch(), l.seed(), List.of(), null, l.span());
    if (l.optimizer().isGrouped()) {
      throw grouped(l.optimizer());
    }
    RunSpec spec = new RunSpec(false, List.of(withLr(l.optimizer(), from)), l.objective(), null,
        n, n, null, null, l.span(), training, null);
    ExecutionPlan plan = planner.apply(spec, l.span());
    ExecutionPlan.OptimizerPlan o = plan.optimizers().get(0);
    if (o.config().isGrouped()) {
      throw grouped(l.optimizer());
    }
    if (o.schedule() != null) {
      throw values.error(l.optimizer().span(), "lrfind sets the lr itself, from "
          + Numbers.short6(from) + " to " + Numbers.short6(to) + ": give the optimizer no "
          + "schedule");
    }
    int s = (int) steps;
    LambdaSchedule ramp = new LambdaSchedule("lrfind ramp from " + Numbers.short6(from) + " to "
        + Numbers.short6(to) + " over " + s + " steps",
        (t, lr0) -> LrFinder.lr(from, to, s, t));
    ExecutionPlan run = new ExecutionPlan(plan.span(), false, plan.objective(),
        List.of(new ExecutionPlan.OptimizerPlan(o.runName(), o.config(), ramp)), plan.loop(),
        null, null, plan.training());
    return new LrFindPlan(run, from, to, s, rules, l.span());
  }

  /** The range test ramps one lr; which group's it would be is not clear, so it refuses. */
  private RuntimeException grouped(OptimizerSpec o) {
    return values.error(o.span(), "lrfind ramps the lr of one optimizer; parameter groups each "
        + "have their own (run lrfind on each group's optimizer alone)");
  }

  /**
   * The test sets the lr, so a constructor without one ({@code SGD(momentum = 0.9)}, which a run
   * would refuse) is given {@code lr = from} to satisfy the optimizer's own check.
   */
  private OptimizerSpec withLr(OptimizerSpec o, double from) {
    boolean declared = values.env().get(o.name()) instanceof Declaration.Optimizer;
    if (o.args() == null && (declared || o.with() != null)
        || o.args() != null && o.args().stream().anyMatch(a -> "lr".equals(a.name()))) {
      return o; // a declared optimizer has its lr; one written with an lr keeps it
    }
    // a bare built-in name (`lrfind SGD on f`) is its constructor with no arguments
    List<Arg> args = new ArrayList<>(o.args() == null ? List.of() : o.args());
    args.add(new Arg("lr", o.nameSpan(), new Expr.Num(from, o.nameSpan()), o.nameSpan()));
    return new OptimizerSpec(o.name(), o.nameSpan(), args, o.with(), o.text(), o.span());
  }

  private double bound(Expr e, double otherwise, String what) {
    if (e == null) {
      return otherwise;
    }
    double v = values.number(e);
    if (!(v > 0) || Double.isInfinite(v)) {
      throw values.error(e.span(), what + " is a learning rate, a number above 0, got "
          + Numbers.short6(v));
    }
    return v;
  }

  private List<LrFinder.Rule> rules(List<Stmt.Ident> names) {
    if (names.isEmpty()) {
      return Arrays.asList(LrFinder.Rule.values());
    }
    List<String> known = Arrays.stream(LrFinder.Rule.values()).map(LrFinder.Rule::text).toList();
    List<LrFinder.Rule> rules = new ArrayList<>();
    for (Stmt.Ident n : names) {
      int at = known.indexOf(n.name());
      if (at < 0) {
        throw values.error(n.span(), "unknown suggestion rule '" + n.name() + "' (fast.ai's are "
            + String.join(", ", known) + ")" + Suggest.didYouMean(n.name(), known));
      }
      if (rules.contains(LrFinder.Rule.values()[at])) {
        throw values.error(n.span(), "rule " + n.name() + " is listed twice");
      }
      rules.add(LrFinder.Rule.values()[at]);
    }
    return rules;
  }
}

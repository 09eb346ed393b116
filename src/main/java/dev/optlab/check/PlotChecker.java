package dev.optlab.check;

import dev.optlab.ast.Expr;
import dev.optlab.ast.PlotSpec;
import dev.optlab.ast.RunSpec;
import dev.optlab.ast.Stmt;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.PlotPlan;
import dev.optlab.schedule.Schedule;
import dev.optlab.schedule.ScheduleSpec;
import dev.optlab.source.Span;
import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Checks a {@code plot} statement (docs/plots.md): its run is planned as a run is, with a finer
 * default trace interval, since the traced rows are the points drawn; its file is checked like a
 * trace file; its ranges and schedules are checked here.
 */
final class PlotChecker {
  /** Points per line when {@code every} is not given: smooth curves, modest files. */
  static final long CURVE_POINTS = 2000;
  /** Paths get more: an optimizer's zig-zag is the point of the picture. */
  static final long PATH_POINTS = 5000;
  /** The momentum a previewed schedule that cycles momentum starts from (PyTorch's usual 0.9). */
  private static final double PREVIEW_MOMENTUM = 0.9;

  private final Values values;
  private final ScheduleResolver schedules;
  private final BiFunction<RunSpec, Span, ExecutionPlan> planner;
  private final java.util.function.Function<Stmt.Sweep, dev.optlab.plan.SweepPlan> sweeps;

  PlotChecker(Values values, ScheduleResolver schedules,
      BiFunction<RunSpec, Span, ExecutionPlan> planner,
      java.util.function.Function<Stmt.Sweep, dev.optlab.plan.SweepPlan> sweeps) {
    this.values = values;
    this.schedules = schedules;
    this.planner = planner;
    this.sweeps = sweeps;
  }

  PlotPlan check(Stmt.Plot stmt) {
    Span span = stmt.span();
    return switch (stmt.spec()) {
      case PlotSpec.Curves c -> {
        ExecutionPlan run = plan(c.run(), span, CURVE_POINTS);
        if (c.logSteps() && c.run().every() == null && run.training() == null) {
          run = run.withLogSpacedRows(); // as many points in each decade, 1-10 as 1e5-1e6
        }
        yield new PlotPlan.Curves(run, c.withLr(), c.logSteps(), target(c.to()), span);
      }
      case PlotSpec.Paths p -> paths(p, span);
      case PlotSpec.Schedules s -> schedules(s, span);
      case PlotSpec.LrFind l -> new PlotPlan.LrFind(new LrFindChecker(values, planner)
          .check(l.test()), target(l.to()), span);
      case PlotSpec.Sweep w -> new SweepPlotChecker(values).check(w.sweep(),
          sweeps.apply(w.sweep()), target(w.to()), span);
    };
  }

  private PlotPlan.Target target(PlotSpec.Target to) {
    if (to == null) {
      return null;
    }
    PlotPlan.Format format = PlotPlan.Format.of(to.path());
    if (format == null) {
      String name = to.path().substring(to.path().lastIndexOf('/') + 1);
      int dot = name.lastIndexOf('.');
      throw values.error(to.span(), "cannot write plot file \"" + to.path() + "\": "
          + (dot <= 0 ? "no extension" : "unknown extension '" + name.substring(dot) + "'")
          + "; use .svg or .png");
    }
    return new PlotPlan.Target(OutputFiles.writable(values, to.path(), to.span(), "plot file"),
        format, to.path(), to.span());
  }

  private ExecutionPlan plan(RunSpec run, Span span, long points) {
    boolean epochs = run.training() != null && run.training().epochs() != null;
    if (run.steps() == null && !epochs) {
      throw values.error(span, "plot needs the number of steps: add 'for N steps'");
    }
    // A run on data traces at its own default (every epoch); a run of steps draws finer.
    if (run.every() == null && !epochs) {
      long steps = values.whole(run.steps(), 0, "the number of steps");
      run = run.withEvery(new Expr.Num(PlotPlan.defaultEvery(steps, points), run.span()));
    }
    return planner.apply(run, span);
  }

  private PlotPlan paths(PlotSpec.Paths p, Span span) {
    Stmt.Ident name = p.run().objective();
    if (values.env().get(name.name()) instanceof Declaration.Objective o
        && o.params().size() != 2) {
      throw values.error(name.span(), "plot paths draws a map of two parameters, but '"
          + name.name() + "' has " + o.params().size() + " (" + String.join(", ", o.params())
          + ")");
    }
    ExecutionPlan run = plan(p.run(), span, PATH_POINTS);
    if (run.objective().function() == null || run.objective().params().size() != 2) {
      // An objective of tensors or data: its rows carry norms and metrics, not a point.
      throw values.error(name.span(), "plot paths draws a map of two scalar parameters; '"
          + name.name() + "' is not a function of two numbers");
    }
    PlotPlan.Range[] ranges = new PlotPlan.Range[2];
    List<String> params = run.objective().params();
    Boolean named = null;
    for (int i = 0; i < p.over().size(); i++) {
      PlotSpec.AxisRange r = p.over().get(i);
      if (named != null && named != (r.name() != null)) {
        throw values.error(r.span(), "write every range by name or none");
      }
      named = r.name() != null;
      int axis = named ? params.indexOf(r.name().name()) : i;
      if (named && axis < 0) {
        throw values.error(r.name().span(), name.name() + " has no parameter '" + r.name().name()
            + "'; its parameters are " + String.join(", ", params));
      }
      if (axis >= 2) {
        throw values.error(r.span(), name.name() + " has two parameters; this is a third range");
      }
      if (ranges[axis] != null) {
        throw values.error(r.span(), "the range of " + params.get(axis) + " is given twice");
      }
      double lo = values.number(r.lo());
      double hi = values.number(r.hi());
      if (!(lo < hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
        throw values.error(r.span(), "the range of " + params.get(axis)
            + " must run from low to high, got " + Numbers.short6(lo) + " to "
            + Numbers.short6(hi));
      }
      ranges[axis] = new PlotPlan.Range(lo, hi);
    }
    return new PlotPlan.Paths(run, ranges[0], ranges[1], target(p.to()), span);
  }

  private PlotPlan schedules(PlotSpec.Schedules s, Span span) {
    long steps = values.whole(s.steps(), 1, "the number of steps");
    if (steps > PlotPlan.MAX_SCHEDULE_STEPS) {
      // a schedule is stepped as a run steps it (PyTorch's recursive forms need every step), at
      // about 4e7 steps/s here: 1e14 steps would take a month
      throw values.error(s.steps().span(), "plotting a schedule steps it " + steps
          + " times, about " + PlotPlan.scheduleSeconds(steps) + "; the limit is "
          + PlotPlan.MAX_SCHEDULE_STEPS + " steps (about "
          + PlotPlan.scheduleSeconds(PlotPlan.MAX_SCHEDULE_STEPS) + ")");
    }
    long every = s.every() == null ? PlotPlan.defaultEvery(steps, CURVE_POINTS)
        : values.whole(s.every(), 1, "every");
    if (steps / every > PlotPlan.MAX_POINTS) {
      throw values.error(s.every().span(), "every " + every + " draws " + (steps / every + 1)
          + " points; the most a curve draws is " + PlotPlan.MAX_POINTS
          + " (use every " + (steps / PlotPlan.MAX_POINTS + 1) + " or more)");
    }
    Double lr = null;
    if (s.lr() != null) {
      lr = values.number(s.lr());
      if (!(lr >= 0) || Double.isInfinite(lr)) {
        throw values.error(s.lr().span(), "lr must be a number at least 0, got "
            + Numbers.short6(lr));
      }
    }
    List<PlotPlan.NamedSchedule> named = new ArrayList<>();
    for (Expr e : s.schedules()) {
      for (PlotPlan.NamedSchedule n : schedules(e, lr)) {
        if (n.spec().maxSteps() < steps) {
          throw values.error(s.steps().span(), "this plot takes " + steps + " steps, but "
              + n.name() + " lasts " + n.spec().maxSteps() + "; plot fewer steps or lengthen "
              + "the schedule");
        }
        named.add(n);
      }
    }
    return new PlotPlan.ScheduleCurves(named, steps, every, target(s.to()), span);
  }

  /**
   * A schedule as written; a declared optimizer's name stands for its schedule from its lr (a
   * constant lr when it has none), so {@code plot schedule adam for 2000 steps} shows what a run
   * of adam would use. Other schedules start from {@code lr X}, or 1: the curve is the factor.
   */
  private List<PlotPlan.NamedSchedule> schedules(Expr e, Double lr) {
    if (e instanceof Expr.Name n && values.env().get(n.name()) instanceof Declaration.Optimizer o
        && o.config().isGrouped()) {
      // parameter groups: a curve per group, each schedule from the group's own lr
      List<PlotPlan.NamedSchedule> out = new ArrayList<>();
      for (var g : o.config().groups()) {
        var c = g.config();
        out.add(new PlotPlan.NamedSchedule(n.name() + " for " + g.selector(),
            c.schedule() != null ? c.schedule() : CONSTANT, lr != null ? lr : c.lr(),
            PREVIEW_MOMENTUM));
      }
      return out;
    }
    return List.of(schedule(e, lr));
  }

  private PlotPlan.NamedSchedule schedule(Expr e, Double lr) {
    String text = values.source().text(e.span());
    if (e instanceof Expr.Name n && values.env().get(n.name()) instanceof Declaration.Optimizer o) {
      ScheduleSpec spec = o.config().schedule() != null ? o.config().schedule() : CONSTANT;
      return new PlotPlan.NamedSchedule(n.name(), spec, lr != null ? lr : o.config().lr(),
          PREVIEW_MOMENTUM);
    }
    ScheduleSpec spec = schedules.resolve(e).spec();
    return new PlotPlan.NamedSchedule(text, spec, lr != null ? lr : 1, PREVIEW_MOMENTUM);
  }

  /** An optimizer without a schedule: its base lr throughout. */
  private static final ScheduleSpec CONSTANT = new ScheduleSpec() {
    @Override
    public Schedule start(double baseLr, double baseMomentum) {
      return new Schedule() {
        public double lr() {
          return baseLr;
        }

        public double momentum() {
          return Double.NaN;
        }

        public void step(double loss) {}

        public void save(java.util.function.DoubleConsumer out) {} // nothing changes

        public void restore(java.util.PrimitiveIterator.OfDouble in) {}
      };
    }

    @Override
    public boolean cyclesMomentum() {
      return false;
    }

    @Override
    public String toString() {
      return "constant";
    }
  };
}

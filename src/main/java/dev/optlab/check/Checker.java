package dev.optlab.check;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.ast.RunSpec;
import dev.optlab.ast.Stmt;
import dev.optlab.data.HeapCheck;
import dev.optlab.diff.CompiledFunction;
import dev.optlab.diff.ExprCompiler;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.StopCondition;
import dev.optlab.source.Diagnostic;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
import dev.optlab.source.Suggest;
import dev.optlab.tensor.TensorCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks every statement of a script before any of it runs: names resolve, hyperparameters are
 * known and in range, counts are whole, trace files writable. Declarations are made in a copy of
 * the session's names, so later statements see earlier ones; every statement's error is
 * reported, not just the first.
 */
public final class Checker {
  private final Source source;
  private final Env env;
  private final Values values;
  private final OptimizerResolver optimizers;
  private final ScheduleResolver schedules;

  /** @param env the names the script starts with; the checker declares into it */
  public Checker(Source source, Env env) {
    this.source = source;
    this.env = env;
    this.values = new Values(source, env);
    this.optimizers = new OptimizerResolver(values);
    this.schedules = new ScheduleResolver(values);
  }

  public List<Action> check(List<Stmt> statements) {
    List<Action> actions = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    for (Stmt s : statements) {
      try {
        Action a = check(s);
        if (a instanceof Action.Declare d) {
          env.put(d.declaration());
        }
        actions.add(a);
      } catch (OptlabError e) {
        e.diagnostics().stream().filter(d -> !followsFromBrokenName(d)).forEach(errors::add);
        declaredName(s).ifPresent(env::markBroken);
      } catch (Cascade e) {
        declaredName(s).ifPresent(env::markBroken);
      } catch (OutOfMemoryError e) {
        // an estimate fell short (a data set's preparation, a huge objective): say where
        errors.add(new Diagnostic(source, s.span(), HeapCheck.outOfMemory(), List.of()));
        declaredName(s).ifPresent(env::markBroken);
      }
    }
    if (!errors.isEmpty()) {
      throw new OptlabError(errors);
    }
    return actions;
  }

  /**
   * "unknown function 'f'" where f's own declaration failed above: the first error says it all.
   */
  private boolean followsFromBrokenName(Diagnostic d) {
    if (!d.message().startsWith("unknown ")) {
      return false;
    }
    String at = source.text(d.span());
    int end = 0;
    while (end < at.length() && Character.isJavaIdentifierPart(at.charAt(end))) {
      end++;
    }
    return end > 0 && env.isBroken(at.substring(0, end));
  }

  private static java.util.Optional<String> declaredName(Stmt s) {
    return java.util.Optional.ofNullable(switch (s) {
      case Stmt.Let l -> l.name().name();
      case Stmt.Def d -> d.name().name();
      case Stmt.Objective o -> o.name().name();
      case Stmt.Optimizer o -> o.name().name();
      case Stmt.Schedule sc -> sc.name().name();
      case Stmt.ScheduleFn f -> f.name().name();
      case Stmt.Data d -> d.name().name();
      case Stmt.Rule r -> r.name().name();
      default -> null;
    });
  }

  private Action check(Stmt s) {
    String text = source.text(s.span());
    return switch (s) {
      case Stmt.Let l -> declare(new Declaration.Constant(l.name().name(), values.number(l.value())),
          s);
      case Stmt.Def d -> declare(def(d, text), s);
      case Stmt.Objective o -> declare(objective(o, text), s);
      case Stmt.Optimizer o -> declare(
          new Declaration.Optimizer(o.name().name(), optimizers.resolve(o.spec())), s);
      case Stmt.Schedule sc -> declare(new Declaration.Schedule(sc.name().name(),
          schedules.resolve(sc.spec()).spec(), text), s);
      case Stmt.ScheduleFn f -> declare(scheduleFn(f, text), s);
      case Stmt.Print p -> new Action.Print(new Printer(values).print(p.value()), s.span());
      case Stmt.Run r -> new Action.Run(plan(r.spec(), s.span()), s.span());
      case Stmt.Explain e -> new Action.Explain(plan(e.spec(), s.span()), s.span());
      case Stmt.Data d -> declare(new DataDeclarer(values).declare(d, text), s);
      case Stmt.Plot p -> new Action.Plot(new PlotChecker(values, schedules, this::plan,
          w -> new SweepChecker(values, optimizers, this::plan).check(w)).check(p), s.span());
      case Stmt.Report r -> new Action.Report(reportFile(r), r.path(), r.pathSpan(), s.span());
      case Stmt.LrFind l -> new Action.LrFind(new LrFindChecker(values, this::plan).check(l),
          s.span());
      case Stmt.Sweep w -> new Action.Sweep(new SweepChecker(values, optimizers, this::plan)
          .check(w), s.span(), w.clauses().resume());
      case Stmt.Rule r -> declare(new Declaration.Rule(new RuleChecker(values).check(r, text)), s);
    };
  }

  private Action declare(Declaration d, Stmt s) {
    List<Span> paths = s instanceof Stmt.Data data ? DataDeclarer.pathSpans(data)
        : s instanceof Stmt.Objective o ? InitialValues.pathSpans(o) : List.of();
    return new Action.Declare(d, source.text(s.span()), s.span(), paths);
  }

  private Declaration def(Stmt.Def d, String text) {
    distinct(d.params(), "parameter");
    if (TensorCompiler.usesTensors(d.body(), env)) {
      return new Declaration.Function(d, text); // a layer: checked where an objective calls it
    }
    Env scratch = env.copy();
    // Declared before its body is compiled, so a call of itself reads as recursion.
    scratch.put(new Declaration.Function(d, text));
    ExprCompiler.compile(source, d.body(), names(d.params()), scratch);
    return new Declaration.Function(d, text);
  }

  private Declaration objective(Stmt.Objective o, String text) {
    distinct(o.params().stream().map(Stmt.ParamDecl::name).toList(), "parameter");
    if (TensorObjectives.isTensor(o, env)) {
      return new TensorObjectives(values).declare(o, text);
    }
    List<String> params = o.params().stream().map(p -> p.name().name()).toList();
    double[] start = new double[params.size()];
    for (int i = 0; i < start.length; i++) {
      Expr init = o.params().get(i).start();
      start[i] = init == null ? 0 : values.number(init);
    }
    CompiledFunction f = ExprCompiler.compile(source, o.body(), params, env);
    Stmt.Def asFunction = new Stmt.Def(o.name(),
        o.params().stream().map(Stmt.ParamDecl::name).toList(), o.body(), o.span());
    return new Declaration.Objective(o.name().name(), params, start, f, asFunction, text);
  }

  private Declaration scheduleFn(Stmt.ScheduleFn f, String text) {
    String t = f.variable().name();
    if (t.equals("lr0")) {
      throw values.error(f.variable().span(), "lr0 is the optimizer's base lr; name the step "
          + "something else, such as t");
    }
    CompiledFunction fn = ExprCompiler.compile(source, f.body(), List.of(t, "lr0"), env);
    return new Declaration.Schedule(f.name().name(), f.multiplicative()
        ? ExpressionSchedule.multiplicative(fn, text) : ExpressionSchedule.of(fn, text), text);
  }

  /** A run's plan, with its checkpoint files (CheckpointChecker). */
  private ExecutionPlan plan(RunSpec spec, Span span) {
    Expr.Str warm = CheckpointChecker.warmStart(spec);
    ExecutionPlan plan = planRun(warm == null ? spec : spec.withoutFrom(), span);
    ParamGroupCheck.check(values, spec, plan);
    RuleShapes.check(values, plan, span);
    return CheckpointChecker.attach(values, spec, warm, plan);
  }

  private ExecutionPlan planRun(RunSpec spec, Span span) {
    if (env.get(spec.objective().name()) instanceof Declaration.Model m) {
      return new TrainingPlanner(values, optimizers).plan(spec, span, m);
    }
    Declaration.Objective objective = objective(spec.objective());
    if (spec.training() != null && spec.training().dtype() != null) {
      throw values.error(spec.training().dtype().span(), "dtype applies to objectives on data "
          + "(tensor objectives); " + objective.name() + " has scalar parameters only, which "
          + "run in float64");
    }
    if (spec.training() != null) {
      throw values.error(spec.training().span(), "epochs, batch, seed, metrics and per epoch "
          + "belong to objectives on data; " + objective.name() + " has scalar parameters only");
    }
    List<Planner.NamedOptimizer> named = optimizers.resolveAll(spec.optimizers());
    double[] start = spec.from() == null ? objective.start().clone()
        : new PointReader(values).read(spec.from(), objective);
    if (spec.steps() == null) {
      throw values.error(span, (spec.compare() ? "compare" : "run")
          + " needs the number of steps: add 'for N steps'");
    }
    long steps = values.whole(spec.steps(), 0, "the number of steps");
    for (Planner.NamedOptimizer o : named) {
      var schedule = o.config().schedule();
      if (schedule != null && schedule.maxSteps() < steps) {
        throw values.error(spec.steps().span(), "this run takes " + steps + " steps, but the "
            + "schedule of " + (named.size() == 1 ? "its optimizer" : o.runName()) + " lasts "
            + schedule.maxSteps() + "; run fewer steps or lengthen the schedule");
      }
    }
    Long every = spec.every() == null ? null : values.whole(spec.every(), 1, "every");
    StopCondition until = spec.until() == null ? null : condition(spec.until());
    Path trace = spec.trace() == null ? null : traceFile(spec.trace());
    // Each scalar parameter is a tensor of its own, as in the PyTorch reference loop.
    int[] ends = java.util.stream.IntStream.rangeClosed(1, start.length).toArray();
    return Planner.plan(span, spec.compare(), objective, start, named, steps, every, until, trace,
        spec.trace() == null ? null : spec.trace().span(), Planner.clip(values, spec.clip(), ends));
  }

  private Declaration.Objective objective(Stmt.Ident name) {
    Declaration d = env.get(name.name());
    if (d instanceof Declaration.Objective o) {
      return o;
    }
    if (d == null && env.isBroken(name.name())) {
      throw new Cascade();
    }
    if (d != null) {
      throw values.error(name.span(), "'" + name.name() + "' is "
          + d.kind().withArticle() + ", not an objective");
    }
    throw values.error(name.span(), "unknown objective '" + name.name() + "'"
        + Suggest.didYouMean(name.name(), env.namesOf(Declaration.Objective.class)));
  }

  private StopCondition condition(RunSpec.Condition c) {
    CompiledFunction left = ExprCompiler.compile(source, c.left(), StopCondition.VARIABLES, env);
    CompiledFunction right = ExprCompiler.compile(source, c.right(), StopCondition.VARIABLES, env);
    return new StopCondition(left, c.op(), right, source.text(c.span()));
  }

  /** Checked before the run starts, so a run never ends with nowhere to write its trace. */
  private Path traceFile(RunSpec.TraceFile t) {
    return OutputFiles.writable(values, t.path(), t.span(), "trace file");
  }

  /**
   * A report's file: an {@code .html} (or {@code .htm}) name where a file can be written, checked
   * before anything runs, as a trace or plot file is.
   */
  private Path reportFile(Stmt.Report r) {
    String written = r.path();
    String name = written.substring(written.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String extension = dot <= 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
    if (!extension.equals(".html") && !extension.equals(".htm")) {
      throw values.error(r.pathSpan(), "cannot write report file \"" + written + "\": "
          + (dot <= 0 ? "no extension" : "unknown extension '" + name.substring(dot) + "'")
          + "; use .html");
    }
    return OutputFiles.writable(values, written, r.pathSpan(), "report file");
  }

  private void distinct(List<Stmt.Ident> names, String what) {
    Set<String> seen = new HashSet<>();
    for (Stmt.Ident n : names) {
      if (!seen.add(n.name())) {
        throw values.error(n.span(), what + " '" + n.name() + "' is declared twice");
      }
    }
  }

  private static List<String> names(List<Stmt.Ident> idents) {
    return idents.stream().map(Stmt.Ident::name).toList();
  }

}

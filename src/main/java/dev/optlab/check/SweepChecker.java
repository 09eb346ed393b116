package dev.optlab.check;

import dev.optlab.ast.Axis;
import dev.optlab.ast.OptimizerSpec;
import dev.optlab.ast.RunSpec;
import dev.optlab.ast.Stmt;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.OptimizerConfig;
import dev.optlab.plan.SweepAxis;
import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepTrial;
import dev.optlab.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Checks a {@code sweep} and plans every trial before any runs (docs/language.md, "sweep"): the
 * grid's cartesian product (or {@code sample N} draws, each from the sweep's seed and the
 * trial's number alone), times the seeds; each trial's optimizer resolved with the ordinary
 * checks, so a value out of range is an error at that value.
 */
final class SweepChecker {
  /** More trials than this is almost surely a typo in a count; the error says how to narrow. */
  static final long MAX_TRIALS = 100_000;

  private final Values values;
  private final OptimizerResolver optimizers;
  private final BiFunction<RunSpec, Span, ExecutionPlan> planner;

  SweepChecker(Values values, OptimizerResolver optimizers,
      BiFunction<RunSpec, Span, ExecutionPlan> planner) {
    this.values = values;
    this.optimizers = optimizers;
    this.planner = planner;
  }

  SweepPlan check(Stmt.Sweep s) {
    RunSpec run = s.run();
    Stmt.SweepClauses c = s.clauses();
    List<SweepSpace> spaces = run.optimizers().stream().map(o -> new SweepSpace(values, o))
        .toList();
    SweepClauseChecker clauses = new SweepClauseChecker(values, run, c);
    long sample = samples(spaces, c);
    List<Long> seeds = clauses.seeds();
    SweepSpace.Found batch = c.batch() == null ? null : spaces.get(0).found("batch", c.batch());
    List<List<SweepSpace.Found>> axes = spaces.stream().map(sp -> {
      List<SweepSpace.Found> all = new ArrayList<>(sp.axes);
      if (batch != null) {
        all.add(batch);
      }
      return all;
    }).toList();
    long points = 0;
    for (List<SweepSpace.Found> a : axes) {
      points += sample > 0 ? sample : gridSize(a, s.span());
    }
    if (points * seeds.size() > MAX_TRIALS) {
      throw values.error(s.span(), "this sweep has " + points * seeds.size() + " trials ("
          + points + " points" + (seeds.size() > 1 ? " x " + seeds.size() + " seeds" : "")
          + "); the limit is " + MAX_TRIALS + ": give fewer values, or draw 'sample N' points at "
          + "random (lr ~ loguniform(1e-5, 1e-1))");
    }
    RunSpec base = clauses.baseRun();
    Map<String, ExecutionPlan> firsts = new java.util.HashMap<>();
    List<SweepAxis> columns = new ArrayList<>();
    List<String> labels = spaces.stream().map(this::label).toList();
    if (new java.util.HashSet<>(labels).size() < labels.size()) {
      throw values.error(s.span(), "two optimizers of this sweep read alike ("
          + String.join(", ", labels) + "): give each its own fixed values, or merge their "
          + "value sets into one");
    }
    if (spaces.size() > 1) {
      columns.add(new SweepAxis("optimizer", false, false));
    }
    List<String> axisNames = new ArrayList<>();
    for (List<SweepSpace.Found> a : axes) {
      a.stream().map(SweepSpace.Found::name).filter(n -> !axisNames.contains(n))
          .forEach(axisNames::add);
    }
    List<SweepTrial> trials = new ArrayList<>();
    List<List<SweepSpace.Value>> pointValues = new ArrayList<>();
    int point = 0;
    for (int o = 0; o < spaces.size(); o++) {
      SweepSpace space = spaces.get(o);
      List<SweepSpace.Found> mine = axes.get(o);
      long n = sample > 0 ? sample : gridSize(mine, s.span());
      for (long i = 0; i < n; i++, point++) {
        Map<Axis, SweepSpace.Value> chosen = sample > 0
            ? draw(space, mine, clauses.sweepSeed(), point) : gridPoint(mine, i);
        OptimizerSpec written = space.with(chosen);
        SweepSpace.Value b = batch == null ? null : chosen.get(batch.axis());
        ExecutionPlan first = firsts.computeIfAbsent(b == null ? "" : b.text(),
            k -> planner.apply(withOptimizer(base, written, b), s.span()));
        OptimizerConfig config = optimizers.resolve(written);
        clauses.checkScheduleLength(first, config, written);
        List<SweepSpace.Value> row = new ArrayList<>();
        for (String name : axisNames) {
          row.add(mine.stream().filter(f -> f.name().equals(name)).findFirst()
              .map(f -> chosen.get(f.axis())).orElse(null));
        }
        pointValues.add(row);
        for (long seed : seeds) {
          trials.add(trial(trials.size(), point, labels.get(o), row, seed, config, first,
              spaces.size() > 1, clauses.onData()));
        }
      }
    }
    ExecutionPlan first = firsts.values().iterator().next();
    for (int a = 0; a < axisNames.size(); a++) {
      int at = a;
      boolean numeric = pointValues.stream().allMatch(r -> r.get(at) == null
          || !Double.isNaN(r.get(at).number()));
      boolean log = axes.stream().flatMap(List::stream)
          .anyMatch(f -> f.name().equals(axisNames.get(at)) && f.log());
      columns.add(new SweepAxis(axisNames.get(a), numeric, log));
    }
    if (clauses.onData()) {
      columns.add(new SweepAxis("seed", true, false));
    }
    SweepPlan.SweepFile file = clauses.file();
    SweepPlan plan = new SweepPlan(s.span(), "sweep " + String.join(", ", labels) + " on "
        + run.objective().name(), columns, trials, clauses.metrics(first), clauses.goal(), file,
        Map.of(), clauses.threads());
    return file == null || c.resume() == null ? plan
        : new SweepPlan(plan.span(), plan.title(), plan.columns(), plan.trials(), plan.metrics(),
            plan.goal(), file, SweepResume.read(values, plan, c.resume()), plan.threads());
  }

  private SweepTrial trial(int index, int point, String label, List<SweepSpace.Value> row,
      long seed, OptimizerConfig config, ExecutionPlan first, boolean named, boolean onData) {
    List<String> texts = new ArrayList<>();
    List<Double> numbers = new ArrayList<>();
    if (named) {
      texts.add(label);
      numbers.add(Double.NaN);
    }
    for (SweepSpace.Value v : row) {
      texts.add(v == null ? "" : v.text());
      numbers.add(v == null ? Double.NaN : v.number());
    }
    if (onData) {
      texts.add(Long.toString(seed));
      numbers.add((double) seed);
    }
    var clip = first.optimizers().get(0).clip();
    var training = first.training() == null ? null : first.training().withSeed(seed);
    ExecutionPlan plan = new ExecutionPlan(first.span(), false, first.objective(),
        List.of(new ExecutionPlan.OptimizerPlan(label, config, config.schedule(), clip)),
        first.loop(), null, null, training);
    return new SweepTrial(index, point, texts,
        numbers.stream().mapToDouble(Double::doubleValue).toArray(), config.describe(), plan);
  }

  /** {@code sample N}: needed exactly when an axis is drawn; 0 for a grid. */
  private long samples(List<SweepSpace> spaces, Stmt.SweepClauses c) {
    SweepSpace.Found drawn = spaces.stream().flatMap(sp -> sp.axes.stream())
        .filter(f -> f.axis() instanceof Axis.Draw).findFirst().orElse(null);
    if (c.sample() == null) {
      if (drawn != null) {
        throw values.error(drawn.axis().span(), "a draw '~' picks a value per trial: say how many "
            + "trials with 'sample N'");
      }
      return 0;
    }
    if (drawn == null) {
      throw values.error(c.sample().span(), "sample N draws trials at random, but no "
          + "hyperparameter here is drawn: write one as 'lr ~ loguniform(1e-5, 1e-1)', or leave "
          + "sample out to run the whole grid");
    }
    return values.whole(c.sample(), 1, "the number of samples");
  }

  private long gridSize(List<SweepSpace.Found> axes, Span span) {
    long n = 1;
    for (SweepSpace.Found f : axes) {
      if (f.values().isEmpty()) {
        throw values.error(f.axis().span(), "the value set of " + f.name() + " is empty");
      }
      n = Math.min(Long.MAX_VALUE / 2 / Math.max(1, f.values().size()), n) * f.values().size();
    }
    if (n > MAX_TRIALS) {
      throw values.error(span, "this sweep's grid has " + n + " points ("
          + axes.stream().map(a -> a.values().size() + " " + a.name())
              .reduce((a, b) -> a + " x " + b).orElse("") + "); the limit is " + MAX_TRIALS
          + " trials: give fewer values, or draw 'sample N' points at random");
    }
    return n;
  }

  /** Point {@code i} of the grid: the last axis varies fastest, as itertools.product does. */
  private static Map<Axis, SweepSpace.Value> gridPoint(List<SweepSpace.Found> axes, long i) {
    Map<Axis, SweepSpace.Value> chosen = SweepSpace.choice();
    for (int a = axes.size() - 1; a >= 0; a--) {
      SweepSpace.Found f = axes.get(a);
      int n = f.values().size();
      chosen.put(f.axis(), f.values().get((int) (i % n)));
      i /= n;
    }
    return chosen;
  }

  /** Point {@code k}'s draws: from the sweep's seed and k alone, whatever ran before. */
  private static Map<Axis, SweepSpace.Value> draw(SweepSpace space, List<SweepSpace.Found> axes,
      long seed, long k) {
    SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (k + 1)));
    Map<Axis, SweepSpace.Value> chosen = SweepSpace.choice();
    for (SweepSpace.Found f : axes) {
      chosen.put(f.axis(), space.draw(f, rng));
    }
    return chosen;
  }

  /** The run of one trial: its optimizer, and its minibatch size when the sweep varies it. */
  private static RunSpec withOptimizer(RunSpec r, OptimizerSpec o, SweepSpace.Value batch) {
    RunSpec.Training t = r.training();
    if (batch != null) {
      t = t == null ? new RunSpec.Training(null, batch.expr(), null, List.of(), null,
          batch.expr().span())
          : new RunSpec.Training(t.epochs(), batch.expr(), t.seed(), t.metrics(), t.perEpoch(),
              t.span(), t.dtype());
    }
    return new RunSpec(false, List.of(o), r.objective(), r.from(), r.steps(), r.every(),
        r.until(), null, r.span(), t, r.clip());
  }

  /**
   * The optimizer column of a sweep of several: its name and the arguments it does not sweep,
   * {@code SGD(momentum = 0.9)}.
   */
  private String label(SweepSpace space) {
    if (space.spec.isGrouped()) { // each group's label and selector: SGD for [x] + Adam for others
      return String.join(" + ", space.spec.groups().stream().map(g -> label(g.optimizer())
          + " for " + values.source().text(g.selectorSpan())).toList());
    }
    return label(space.spec);
  }

  private String label(OptimizerSpec o) {
    List<String> fixed = new ArrayList<>();
    for (var list : java.util.Arrays.asList(o.args(), o.with())) {
      if (list != null) {
        list.stream().filter(a -> a.axis() == null && !sweeps(a.value()))
            .forEach(a -> fixed.add(values.source().text(a.span())));
      }
    }
    return fixed.isEmpty() ? o.name() : o.name() + "(" + String.join(", ", fixed) + ")";
  }

  /** Whether an argument's value holds an axis deeper down ({@code cosine(T_max = {...})}). */
  private static boolean sweeps(dev.optlab.ast.Expr e) {
    return switch (e) {
      case dev.optlab.ast.Expr.Call c -> c.args().stream()
          .anyMatch(a -> a.axis() != null || sweeps(a.value()));
      case dev.optlab.ast.Expr.Tuple t -> t.items().stream()
          .anyMatch(a -> a.axis() != null || sweeps(a.value()));
      case dev.optlab.ast.Expr.Chain ch -> ch.segments().stream()
          .anyMatch(sg -> sweeps(sg.schedule()));
      default -> false;
    };
  }
}

package dev.optlab.check;

import dev.optlab.ast.OptimizerSpec;
import dev.optlab.ast.RunSpec;
import dev.optlab.ast.Stmt;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.Metric;
import dev.optlab.plan.OptimizerConfig;
import dev.optlab.plan.SweepGoal;
import dev.optlab.plan.SweepPlan;
import dev.optlab.source.Suggest;
import dev.optlab.tensor.Threads;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's own clauses, checked: its seed ({@code seed S}: the draws of random search, and the
 * trials' seed without {@code seeds}), {@code seeds A..B}, what it ranks by, its file and its
 * threads; and the run every trial shares.
 */
final class SweepClauseChecker {
  /** More seeds per point than this is a typo; a thousand already multiplies every point. */
  static final long MAX_SEEDS = 1000;

  private final Values values;
  private final RunSpec run;
  private final Stmt.SweepClauses c;
  private final boolean onData;
  private final long sweepSeed;
  private final SweepGoal goal;

  SweepClauseChecker(Values values, RunSpec run, Stmt.SweepClauses c) {
    this.values = values;
    this.run = run;
    this.c = c;
    String name = run.objective().name();
    if (values.env().get(name) == null && values.env().isBroken(name)) {
      throw new Cascade(); // its own error says it all
    }
    this.onData = values.env().get(name) instanceof Declaration.Model;
    RunSpec.Training t = run.training();
    this.sweepSeed = t == null || t.seed() == null ? 0 : values.whole(t.seed(), 0, "the seed");
    this.goal = goal(c.goal());
    if (c.resume() != null && c.file() == null) {
      throw values.error(c.resume(), "resume reads the trials already done from the sweep's "
          + "file: add 'to \"FILE.csv\"'");
    }
  }

  boolean onData() {
    return onData;
  }

  long sweepSeed() {
    return sweepSeed;
  }

  SweepGoal goal() {
    return goal;
  }

  /** The seeds every point trains with: {@code seeds A..B}, else the sweep's seed alone. */
  List<Long> seeds() {
    if (c.seedsFrom() == null) {
      return List.of(sweepSeed);
    }
    if (!onData) {
      throw values.error(c.seedsFrom().span(), "seeds vary the initial weights and the order of "
          + "the minibatches; " + run.objective().name() + " has scalar parameters only, so "
          + "every seed would train alike");
    }
    long from = values.whole(c.seedsFrom(), 0, "the first seed");
    long to = values.whole(c.seedsTo(), 0, "the last seed");
    if (to < from) {
      throw values.error(c.seedsTo().span(), "seeds run from the smaller to the larger, got "
          + from + ".." + to);
    }
    if (to - from + 1 > MAX_SEEDS) {
      throw values.error(c.seedsTo().span(), "at most " + MAX_SEEDS + " seeds per point, got "
          + (to - from + 1));
    }
    List<Long> seeds = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      seeds.add(s);
    }
    return seeds;
  }

  /**
   * The run every trial shares: without the sweep's seed (each trial gets its own), and with
   * the goal's metric among the metrics, since a trial ranks by it.
   */
  RunSpec baseRun() {
    RunSpec.Training t = run.training();
    if (t != null) {
      List<Stmt.Ident> metrics = new ArrayList<>(t.metrics());
      if (goal.metric() != null && metrics.stream()
          .noneMatch(m -> m.name().equals(goal.metric().text()))) {
        metrics.add(new Stmt.Ident(goal.metric().text(), c.goal().measure().span()));
      }
      boolean empty = t.epochs() == null && t.batch() == null && metrics.isEmpty()
          && t.perEpoch() == null && t.dtype() == null;
      t = empty && !onData ? null
          : new RunSpec.Training(t.epochs(), t.batch(), null, metrics, t.perEpoch(), t.span(),
              t.dtype()); // dtype kept: a sweep with dtype = float32 runs its trials in float32
    } else if (goal.metric() != null) {
      t = new RunSpec.Training(null, null, null, List.of(new Stmt.Ident(goal.metric().text(),
          c.goal().measure().span())), null, c.goal().span());
    }
    return new RunSpec(false, run.optimizers(), run.objective(), run.from(), run.steps(),
        run.every(), run.until(), null, run.span(), t, run.clip());
  }

  /** The metrics the trials' rows carry, in their order. */
  List<Metric> metrics(ExecutionPlan first) {
    return first.training() == null ? List.of() : first.training().metrics();
  }

  /** A trial's schedule must last the run, as a run's must (the checker's plan says so once). */
  void checkScheduleLength(ExecutionPlan first, OptimizerConfig config, OptimizerSpec written) {
    if (config.schedule() == null) {
      return;
    }
    long steps = first.loop().steps();
    long scheduleSteps = first.training() == null ? steps
        : first.training().scheduleSteps(steps);
    if (config.schedule().maxSteps() < scheduleSteps) {
      throw values.error(written.span(), "a trial with schedule " + config.scheduleText()
          + " steps it " + scheduleSteps + " times, but it lasts " + config.schedule().maxSteps()
          + "; run fewer steps or lengthen the schedule");
    }
  }

  int threads() {
    if (c.threads() == null) {
      return Threads.count();
    }
    long n = values.whole(c.threads(), 1, "the number of threads");
    if (n > 256) {
      throw values.error(c.threads().span(), "at most 256 threads, got " + n);
    }
    return (int) n;
  }

  SweepPlan.SweepFile file() {
    if (c.file() == null) {
      return null;
    }
    String written = c.file().path();
    return new SweepPlan.SweepFile(OutputFiles.writable(values, written, c.file().span(),
        "sweep file"), written, c.file().span(), c.resume() != null);
  }

  private SweepGoal goal(Stmt.Goal g) {
    if (g == null) {
      return SweepGoal.DEFAULT;
    }
    String name = g.measure().name();
    if (name.equals("loss")) {
      return new SweepGoal(g.maximize(), g.best(), null);
    }
    List<String> known = new ArrayList<>(List.of("loss"));
    known.addAll(Metric.texts());
    Metric m = Metric.byText(name).orElseThrow(() -> values.error(g.measure().span(),
        "a sweep ranks by loss or a metric (" + String.join(", ", known) + "), got '" + name
            + "'" + Suggest.didYouMean(name, known)));
    if (!onData) {
      throw values.error(g.measure().span(), name + " is measured when training on data; "
          + run.objective().name() + " has scalar parameters only: rank by loss");
    }
    return new SweepGoal(g.maximize(), g.best(), m);
  }
}

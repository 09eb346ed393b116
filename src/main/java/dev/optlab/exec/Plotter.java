package dev.optlab.exec;

import dev.optlab.io.WriteErrors;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.PlotPlan;
import dev.optlab.plot.Figure;
import dev.optlab.plot.Figures;
import dev.optlab.plot.PlotFiles;
import dev.optlab.plot.RowCollector;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Carries out a {@link PlotPlan}: runs its plan on the ordinary {@link Executor} with a {@link
 * RowCollector} listening, builds the figure, and writes it when the plot goes to a file. The
 * engine hands the figure to its output, which draws it in the terminal or says where it went.
 */
public final class Plotter {
  /**
   * @param file where the figure was written, or null when it is to be shown
   */
  public record Result(Figure figure, Path file) {}

  private final Source source;
  private final Executor executor;
  /** Who runs a {@code plot sweep}'s trials: the local pool, or the session's engine. */
  private final java.util.function.Function<dev.optlab.plan.SweepPlan, TrialExecutor> trials;

  public Plotter(Source source, Executor executor) {
    this(source, executor, plan -> new LocalTrialPool());
  }

  public Plotter(Source source, Executor executor,
      java.util.function.Function<dev.optlab.plan.SweepPlan, TrialExecutor> trials) {
    this.source = source;
    this.executor = executor;
    this.trials = trials;
  }

  public Result draw(PlotPlan plan, RunControl control) {
    Figure figure = switch (plan) {
      case PlotPlan.Curves c -> Figures.curves(c, collect(c.run(), control));
      case PlotPlan.ScheduleCurves s -> schedules(s, control);
      case PlotPlan.Paths p -> Figures.paths(p, collect(p.run(), control));
      case PlotPlan.LrFind l -> {
        LrFindResult r = executor.lrFind(l.test(), control);
        yield Figures.lrFind("lrfind " + l.test().run().optimizers().get(0).runName() + " on "
            + l.test().run().objective().name(), r.finder(), r.suggestions());
      }
      case PlotPlan.Sweep s -> dev.optlab.plot.SweepFigures.figure(s,
          new SweepRunner(source, trials.apply(s.sweep())).run(s.sweep(), control));
    };
    PlotPlan.Target target = plan.file();
    if (target == null || control.stopRequested()) {
      return new Result(figure, null); // an interrupted plot writes no half-finished picture
    }
    try {
      PlotFiles.write(figure, target.path(), target.format());
    } catch (IOException | RuntimeException e) {
      String why = WriteErrors.why(e);
      throw new OptlabError(source, target.span(), "cannot write plot file \""
          + target.written() + "\": " + why);
    }
    return new Result(figure, target.path());
  }

  /** Steps each schedule as a run would, with progress and Ctrl-C on a long one. */
  private static Figure schedules(PlotPlan.ScheduleCurves plan, RunControl control) {
    long start = System.nanoTime();
    return Figures.schedules(plan, t -> {
      control.progress("plot schedule", t, plan.steps(), Double.NaN, System.nanoTime() - start);
      return !control.stopRequested();
    });
  }

  private RowCollector collect(ExecutionPlan run, RunControl control) {
    RowCollector rows = new RowCollector();
    executor.execute(run, rows, control);
    return rows;
  }
}

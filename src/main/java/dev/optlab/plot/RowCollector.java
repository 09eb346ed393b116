package dev.optlab.plot;

import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.RunListener;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the traced rows of each run of a plan, in the order the optimizers were listed: a plot is
 * a listener on the ordinary executor, not a second one. The REPL can use one beside its table
 * output to draw a compare's loss plot ({@link #lossSeries()}, {@link TerminalPlots#lossPlot}).
 */
public final class RowCollector implements RunListener {
  /** One optimizer's traced rows and how its run ended. */
  public record Run(String name, List<TraceRow> rows, RunSummary summary) {}

  private final List<Run> runs = new ArrayList<>();
  private List<TraceRow> current = new ArrayList<>();

  @Override
  public void runStarted(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer) {
    current = new ArrayList<>();
  }

  @Override
  public void row(ExecutionPlan plan, TraceRow row) {
    current.add(row);
  }

  @Override
  public void runFinished(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer,
      RunSummary summary) {
    runs.add(new Run(optimizer.runName(), List.copyOf(current), summary));
  }

  @Override
  public void compareFinished(ExecutionPlan plan, List<RunSummary> ranked, double tolerance) {}

  /** A collector holding runs already collected, e.g. kept for a report. */
  public static RowCollector of(List<Run> runs) {
    RowCollector c = new RowCollector();
    c.runs.addAll(runs);
    return c;
  }

  public List<Run> runs() {
    return List.copyOf(runs);
  }

  /** Forgets the runs seen so far, to collect the next statement's. */
  public void clear() {
    runs.clear();
  }

  /** Loss against step for each run, noting the runs that diverged. */
  public List<Series> lossSeries() {
    return runs.stream().map(r -> noted(Series.loss(r.name(), r.rows()), r)).toList();
  }

  public List<Series> lrSeries() {
    return runs.stream().map(r -> noted(Series.lr(r.name(), r.rows()), r)).toList();
  }

  /** The path of the first two parameters for each run. */
  public List<Series> pathSeries() {
    return runs.stream().map(r -> noted(Series.path(r.name(), r.rows()), r)).toList();
  }

  /** {@code s} with how run {@code r} ended in its legend note, unless it ran to the end. */
  static Series noted(Series s, Run r) {
    RunSummary summary = r.summary();
    if (summary == null) {
      return s;
    }
    return switch (summary.status()) {
      case DIVERGED -> s.withNote("diverged at step " + summary.last().step());
      case UNTIL -> s.withNote("stopped at step " + summary.last().step());
      case INTERRUPTED -> s.withNote("interrupted at step " + summary.last().step());
      case COMPLETED -> s;
    };
  }
}

package dev.optlab.tensor;

import dev.optlab.Engine;
import dev.optlab.Output;
import dev.optlab.check.Declaration;
import dev.optlab.exec.RunControl;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.source.Source;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.util.ArrayList;
import java.util.List;

/** Runs a script through the engine and keeps what it produced, for tests. */
public class Capture implements Output {
  public final List<TraceRow> rows = new ArrayList<>();
  public final List<RunSummary> summaries = new ArrayList<>();
  public final List<String> printed = new ArrayList<>();
  public List<RunSummary> ranked;
  ExecutionPlan plan;

  public static Capture run(String script) {
    Capture c = new Capture();
    new Engine().run(new Source("test.opt", script), false, c, RunControl.none());
    return c;
  }

  @Override
  public void declared(Declaration declaration, Declaration replaced) {}

  @Override
  public void printed(String text) {
    printed.add(text);
  }

  @Override
  public void explained(String plan) {
    printed.add(plan);
  }

  @Override
  public void runStarted(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer) {
    this.plan = plan;
  }

  @Override
  public void row(ExecutionPlan plan, TraceRow row) {
    rows.add(row);
  }

  @Override
  public void runFinished(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer,
      RunSummary summary) {
    summaries.add(summary);
  }

  @Override
  public void compareFinished(ExecutionPlan plan, List<RunSummary> ranked, double tolerance) {
    this.ranked = ranked;
  }

  List<TraceRow> rowsOf(String run) {
    return rows.stream().filter(r -> r.run().equals(run)).toList();
  }
}

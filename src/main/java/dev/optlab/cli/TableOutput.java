package dev.optlab.cli;

import dev.optlab.Output;
import dev.optlab.check.Declaration;
import dev.optlab.check.Points;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.io.PrintStream;
import java.util.List;

/**
 * Renders for people: a {@code run} as an aligned table and a closing line, a {@code compare} as
 * one summary row per optimizer, best first. Declarations print nothing in batch mode (the REPL
 * echoes them).
 */
public class TableOutput implements Output {
  protected final PrintStream out;
  private Tables.RowFormat rowFormat;
  private long lastShownStep = -1;

  public TableOutput(PrintStream out) {
    this.out = out;
  }

  @Override
  public void declared(Declaration declaration, Declaration replaced) {}

  @Override
  public void printed(String text) {
    out.println(text);
  }

  @Override
  public void explained(String plan) {
    out.print(plan);
  }

  @Override
  public void runStarted(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer) {
    if (plan.compare()) {
      return;
    }
    out.println(Tables.runTitle(plan, optimizer));
    rowFormat = new Tables.RowFormat(plan.objective().params(), plan.loop().steps());
    out.println(rowFormat.header());
  }

  @Override
  public void row(ExecutionPlan plan, TraceRow row) {
    if (!plan.compare()) {
      out.println(rowFormat.row(row));
      lastShownStep = row.step();
    }
  }

  @Override
  public void runFinished(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer,
      RunSummary summary) {
    if (!plan.compare()) {
      if (summary.last().step() != lastShownStep) {
        out.println(rowFormat.row(summary.last()));
      }
      lastShownStep = -1;
      out.println(Tables.closingLine(plan, optimizer, summary));
      out.println();
    }
  }

  @Override
  public void compareFinished(ExecutionPlan plan, List<RunSummary> ranked, double tolerance) {
    out.print(Tables.compareTable(plan, ranked, tolerance));
    out.println();
  }

  /** The start point as a run title shows it. */
  static String start(ExecutionPlan plan) {
    return Points.format(plan.objective().params(), plan.objective().start());
  }
}

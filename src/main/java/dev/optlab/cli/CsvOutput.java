package dev.optlab.cli;

import dev.optlab.Output;
import dev.optlab.check.Declaration;
import dev.optlab.console.TableOutput;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plot.Figure;
import dev.optlab.plot.TerminalPlots;
import dev.optlab.plot.TerminalStyle;
import dev.optlab.trace.Csv;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format csv}: one CSV document on standard output (LANGUAGE.md section 7), everything
 * else (prints, plans, divergence notes) on standard error so the document stays clean. The
 * header names the parameters of every objective the script runs, in the order they first
 * appear; a row leaves the cells of parameters its objective lacks empty. (Should a later script
 * of the same command line bring new parameters, a blank line and a new header follow.)
 */
public final class CsvOutput implements Output {
  private final PrintStream out;
  private final PrintStream err;
  private List<String> header;
  private final StringBuilder line = new StringBuilder(128);
  private int[] columns;
  private List<String> columnsFor;

  public CsvOutput(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void declared(Declaration declaration, Declaration replaced) {}

  @Override
  public void printed(String text) {
    err.println(text);
  }

  @Override
  public void explained(String plan) {
    err.print(plan);
  }

  @Override
  public void checked(List<ExecutionPlan> plans) {
    List<String> params = header == null ? new ArrayList<>() : new ArrayList<>(header);
    for (ExecutionPlan plan : plans) {
      for (String p : plan.objective().params()) {
        if (!params.contains(p)) {
          params.add(p);
        }
      }
    }
    if (!plans.isEmpty() && !params.equals(header)) {
      if (header != null) {
        out.println();
      }
      header = List.copyOf(params);
      columnsFor = null;
      out.println(Csv.header(header));
    }
  }

  /**
   * A sweep's trials, as the rows its {@code to "FILE.csv"} holds ({@code trial,<columns>,steps,
   * status,loss,...}): a document of their own, after a blank line when traces came before.
   */
  @Override
  public void swept(dev.optlab.plan.SweepResult result) {
    if (header != null) {
      out.println();
    }
    header = null; // a run after it starts its own document again
    out.print(dev.optlab.plan.SweepCsv.line(dev.optlab.plan.SweepCsv.header(result.plan())));
    for (var t : result.trials()) {
      out.print(dev.optlab.plan.SweepCsv.line(t.row(result.plan())));
    }
    err.print(dev.optlab.text.SweepText.table(result));
  }

  @Override
  public void runStarted(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer) {
    List<String> params = plan.objective().params();
    if (!params.equals(columnsFor)) {
      columnsFor = params;
      columns = header.equals(params) ? null
          : header.stream().mapToInt(params::indexOf).toArray();
    }
  }

  @Override
  public void row(ExecutionPlan plan, TraceRow row) {
    line.setLength(0);
    Csv.appendRow(line, row.run(), row.step(), row.lr(), row.loss(), row.gradNorm(), row.params(),
        columns);
    out.append(line);
  }

  @Override
  public void runFinished(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer,
      RunSummary summary) {
    if (summary.status() == RunSummary.Status.DIVERGED) {
      err.println("note: " + summary.run() + " diverged at step " + summary.last().step());
    }
  }

  @Override
  public void compareFinished(ExecutionPlan plan, List<RunSummary> ranked, double tolerance) {}

  /** Like the notes about plot files, on standard error. */
  @Override
  public void reported(java.nio.file.Path file, boolean interrupted) {
    err.println(TableOutput.reportLine(file, interrupted));
  }

  /** Pictures are for people: like prints, they go to standard error, in plain characters. */
  @Override
  public void plotted(Figure figure, java.nio.file.Path file) {
    if (file != null) {
      err.println("plot written to " + TableOutput.shown(file));
    } else {
      err.print(TerminalPlots.render(figure,
          TerminalStyle.plain()));
    }
  }
}

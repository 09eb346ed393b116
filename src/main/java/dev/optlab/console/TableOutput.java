package dev.optlab.console;

import dev.optlab.Output;
import dev.optlab.check.Declaration;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.Points;
import dev.optlab.plot.Figure;
import dev.optlab.plot.Series;
import dev.optlab.plot.TerminalPlots;
import dev.optlab.plot.TerminalStyle;
import dev.optlab.text.Tables;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders for people: a {@code run} as an aligned table and a closing line, a {@code compare} as
 * one summary row per optimizer, best first. Declarations print nothing in batch mode (the REPL
 * echoes them).
 */
public class TableOutput implements Output {
  protected final PrintStream out;
  private Tables.RowFormat rowFormat;
  private TerminalStyle plotStyle;
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
    // Where the terminal can draw (LANGUAGE.md section 7), the loss curves under the summary.
    TerminalStyle style = style();
    List<Series> curves = lossCurves(ranked, 4 * style.width());
    if (style.unicode() && !curves.isEmpty()) {
      out.print(TerminalPlots.lossPlot(curves, style.width(), Math.min(style.height(), 16),
          style.color()));
    }
    out.println();
  }

  /** Each run's loss at every step, thinned to at most about {@code points} points. */
  static List<Series> lossCurves(List<RunSummary> runs, int points) {
    List<Series> curves = new ArrayList<>();
    for (RunSummary s : runs) {
      double[] losses = s.losses();
      if (losses == null || losses.length == 0) {
        return List.of();
      }
      int stride = Math.max(1, (losses.length + points - 1) / points);
      int n = (losses.length - 1) / stride + 1;
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = (double) i * stride;
        y[i] = losses[i * stride];
      }
      curves.add(new Series(s.run(), x, y));
    }
    return curves;
  }

  private TerminalStyle style() {
    if (plotStyle == null) {
      plotStyle = TerminalStyle.detect();
    }
    return plotStyle;
  }

  /** How plots are drawn here; detected from the terminal at the first plot unless set. */
  public void plotStyle(TerminalStyle style) {
    this.plotStyle = style;
  }

  @Override
  public void plotted(Figure figure, Path file) {
    if (file != null) {
      out.println("plot written to " + shown(file));
      return;
    }
    out.print(TerminalPlots.render(figure, style()));
    out.println();
  }

  @Override
  public void reported(Path file, boolean interrupted) {
    out.println(reportLine(file, interrupted));
  }

  /** {@code report written to FILE}, or that it was not. */
  public static String reportLine(Path file, boolean interrupted) {
    return interrupted ? "report not written (interrupted): " + shown(file)
        : "report written to " + shown(file);
  }

  /** A written file's path, relative to the working directory when it lies inside it. */
  public static String shown(Path file) {
    Path here = Path.of("").toAbsolutePath();
    return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
  }

  /** The start point as a run title shows it. */
  static String start(ExecutionPlan plan) {
    return Points.format(plan.objective().params(), plan.objective().start());
  }
}

package dev.optlab.repl;

import dev.optlab.console.Progress;
import dev.optlab.check.Declaration;
import dev.optlab.console.TableOutput;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plot.Figure;
import dev.optlab.plot.TerminalStyle;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the REPL shows for the engine: batch mode's tables for {@code run} and {@code compare}
 * (one renderer for both), plus an echo of every declaration. The echo is itself valid optlab,
 * and a redeclaration adds a comment saying what it replaced, so a transcript can be pasted back
 * as a script. Every write first erases the live progress line, so the two never mix.
 */
final class ReplOutput extends TableOutput {
  private final Progress progress;
  private final Supplier<TerminalStyle> plotStyle;

  /** @param plotStyle how plots fit this terminal now (it may have been resized) */
  ReplOutput(PrintStream out, Progress progress, Supplier<TerminalStyle> plotStyle) {
    super(out);
    this.progress = progress;
    this.plotStyle = plotStyle;
  }

  PrintStream out() {
    progress.clear();
    return out;
  }

  @Override
  public void declared(Declaration declaration, Declaration replaced) {
    progress.clear();
    String echo = declaration.describe();
    if (replaced != null) {
      echo += "  # replaced the earlier " + replaced.kind() + " " + replaced.name();
    }
    out.println(echo);
  }

  @Override
  public void printed(String text) {
    progress.clear();
    super.printed(text);
  }

  @Override
  public void explained(String plan) {
    progress.clear();
    super.explained(plan);
  }

  @Override
  public void runStarted(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer) {
    progress.clear();
    super.runStarted(plan, optimizer);
  }

  @Override
  public void row(ExecutionPlan plan, TraceRow row) {
    progress.clear();
    super.row(plan, row);
  }

  @Override
  public void runFinished(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer,
      RunSummary summary) {
    progress.clear();
    super.runFinished(plan, optimizer, summary);
  }

  @Override
  public void compareFinished(ExecutionPlan plan, List<RunSummary> ranked, double tolerance) {
    progress.clear();
    long stoppedAt = -1;
    for (RunSummary s : ranked) {
      if (s.status() == RunSummary.Status.INTERRUPTED) {
        stoppedAt = Math.max(stoppedAt, s.last().step());
      }
    }
    if (stoppedAt >= 0) {
      // Batch mode is never interrupted; here the table shows each run as far as it got.
      out.println("compare interrupted at step " + stoppedAt + " of " + plan.loop().steps()
          + ": the rows show each run so far");
    }
    plotStyle(plotStyle.get()); // the loss curves fit the terminal as it is now
    super.compareFinished(plan, ranked, tolerance);
  }

  @Override
  public void plotted(Figure figure, Path file) {
    progress.clear();
    plotStyle(plotStyle.get());
    super.plotted(figure, file);
  }

  @Override
  public void reported(Path file, boolean interrupted) {
    progress.clear();
    super.reported(file, interrupted);
  }

  /** An error, rendered the one way every error is (source line and caret). */
  void error(String rendered) {
    progress.clear();
    out.print(rendered);
    out.flush();
  }
}

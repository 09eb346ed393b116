package dev.optlab.check;

import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.PlotPlan;
import dev.optlab.source.Span;
import java.util.List;

/** A checked statement, ready to run: what the engine does for it, decided at check time. */
public sealed interface Action {
  Span span();

  /**
   * Adds a declaration to the session; {@code text} is the statement as written, {@code paths}
   * the spans of the file names in it (a data set's files), which {@code :save} rewrites so that
   * they still name the same files from where the session is saved.
   */
  record Declare(Declaration declaration, String text, Span span, List<Span> paths)
      implements Action {}

  /** fast.ai's learning-rate range test ({@code lrfind}). */
  record LrFind(dev.optlab.plan.LrFindPlan plan, Span span) implements Action {}

  /**
   * Runs a sweep's trials (docs/language.md, "sweep"); {@code resume} is the span of its {@code
   * resume} clause, or null, which an engine checking the statement elsewhere leaves out.
   */
  record Sweep(dev.optlab.plan.SweepPlan plan, Span span, Span resume) implements Action {}

  /** Shows a value ({@code print}, a bare expression in the REPL). */
  record Print(String text, Span span) implements Action {}

  /** Runs a {@code run} or {@code compare}. */
  record Run(ExecutionPlan plan, Span span) implements Action {}

  /** Shows the plan of a {@code run} or {@code compare} without running it. */
  record Explain(ExecutionPlan plan, Span span) implements Action {}

  /** Draws a picture: in the terminal, or to the file the plan names (docs/plots.md). */
  record Plot(PlotPlan plot, Span span) implements Action {}

  /**
   * Writes the session's HTML report when the input holding it has finished (docs/plots.md).
   *
   * @param path the absolute path, already checked to be writable
   * @param written the path as the script wrote it, for messages
   * @param pathSpan where the file name stands
   */
  record Report(java.nio.file.Path path, String written, Span pathSpan, Span span)
      implements Action {}
}

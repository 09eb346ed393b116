package dev.optlab.plan;

import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.util.List;

/**
 * Receives what a plan produces, in the order LANGUAGE.md section 7 fixes: for each optimizer (in
 * the order listed, even when a compare runs them in parallel) its start, its traced rows and
 * its end; for a compare, then the ranked summaries.
 */
public interface RunListener {
  void runStarted(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer);

  void row(ExecutionPlan plan, TraceRow row);

  void runFinished(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer, RunSummary summary);

  /** After every run of a compare: the summaries, best final loss first. */
  void compareFinished(ExecutionPlan plan, List<RunSummary> ranked, double tolerance);
}

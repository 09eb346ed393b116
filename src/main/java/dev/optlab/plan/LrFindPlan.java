package dev.optlab.plan;

import dev.optlab.source.Span;
import java.util.List;

/**
 * A checked {@code lrfind}: the run it makes (one optimizer whose lr follows the test's
 * exponential ramp, {@code steps} updates) and the test's settings.
 *
 * @param run the run, its schedule the ramp from {@code from} to {@code to}
 * @param rules the suggestion rules to print, in the order asked (all four by default)
 */
public record LrFindPlan(ExecutionPlan run, double from, double to, int steps,
    List<LrFinder.Rule> rules, Span span) {
  public LrFindPlan {
    rules = List.copyOf(rules);
  }

  /** A fresh finder for one run of the test. */
  public LrFinder finder() {
    return new LrFinder(from, to, steps);
  }
}

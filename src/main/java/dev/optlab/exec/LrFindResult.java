package dev.optlab.exec;

import dev.optlab.plan.LrFindPlan;
import dev.optlab.plan.LrFinder;
import java.util.List;

/**
 * What a range test found: every step's lr, raw and smoothed loss, how it ended, and the
 * suggestions asked for.
 *
 * @param interrupted whether Ctrl-C ended it (then no suggestion is made)
 */
public record LrFindResult(LrFindPlan plan, LrFinder finder, List<LrFinder.Suggestion> suggestions,
    boolean interrupted, long nanos) {
  public LrFindResult {
    suggestions = List.copyOf(suggestions);
  }
}

package dev.optlab.text;

import dev.optlab.exec.LrFindResult;
import dev.optlab.plan.LrFindPlan;
import dev.optlab.plan.LrFinder;
import dev.optlab.trace.Numbers;
import java.util.List;

/**
 * How {@code lrfind} reads: a heading, one row per step (lr, the step's loss, fast.ai's smoothed
 * loss), how it ended, and every suggestion asked for with its rule's name — it never picks one.
 */
public final class LrFindText {
  private LrFindText() {}

  public static String table(LrFindResult r) {
    LrFindPlan p = r.plan();
    LrFinder f = r.finder();
    StringBuilder sb = new StringBuilder();
    sb.append("lrfind ").append(p.run().optimizers().get(0).runName()).append(" on ")
        .append(p.run().objective().name()).append(": lr from ").append(Numbers.short6(p.from()))
        .append(" to ").append(Numbers.short6(p.to())).append(" over ").append(p.steps())
        .append(" steps (fast.ai's LRFinder)\n");
    sb.append(String.format("%6s  %12s  %12s  %12s%n", "step", "lr", "loss", "smoothed"));
    List<Double> lrs = f.lrs();
    for (int i = 0; i < lrs.size(); i++) {
      sb.append(String.format("%6d  %12s  %12s  %12s%n", i, Numbers.short6(lrs.get(i)),
          Numbers.short6(f.rawLosses().get(i)), Numbers.short6(f.smoothedLosses().get(i))));
    }
    int last = lrs.size() - 1;
    if (r.interrupted()) {
      sb.append("interrupted at step ").append(last).append(": no suggestion\n");
      return sb.toString();
    }
    sb.append(f.diverged()
        ? "stopped at step " + last + ": the smoothed loss " + Numbers.short6(
            f.smoothedLosses().get(last)) + " passed 4 times the best, " + Numbers.short6(f.best())
        : "ran all " + p.steps() + " steps").append('\n');
    int[] w = f.window();
    if (r.suggestions().isEmpty()) {
      sb.append("no suggestion: steps ").append(w[0]).append(" to ").append(w[1] - 1)
          .append(" are too few points (stopped too early; try a smaller 'from' or more steps)\n");
      return sb.toString();
    }
    sb.append("suggestions (from steps ").append(w[0]).append(" to ").append(w[1] - 1)
        .append("):\n");
    for (LrFinder.Suggestion s : r.suggestions()) {
      sb.append(String.format("  %-8s lr %s", s.rule().text(), Numbers.short6(s.lr())));
      sb.append(s.rule() == LrFinder.Rule.MINIMUM
          ? "  (a tenth of " + Numbers.short6(s.markLr()) + ", where the loss is lowest: "
              + Numbers.short6(s.markLoss()) + ")"
          : "  (loss " + Numbers.short6(s.markLoss()) + ")").append('\n');
    }
    return sb.toString();
  }
}

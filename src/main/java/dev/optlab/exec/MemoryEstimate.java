package dev.optlab.exec;

import dev.optlab.data.HeapCheck;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.TrainingPlan;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;

/**
 * What a training statement will allocate, estimated before anything is: each run of a compare
 * holds (at once, they run in parallel) its weights, their gradient and up to four buffers of
 * optimizer state and best-so-far copies, and the graph's values and gradients for the rows one
 * pass reads (a minibatch, or the whole set when the loss over it is taken in one pass). A
 * statement that cannot fit is refused at its location with the size and the OPTLAB_HEAP hint,
 * rather than failing halfway with the heap exhausted.
 */
final class MemoryEstimate {
  /** Doubles per weight: the weight, its gradient, and at most four more buffers. */
  private static final long PER_WEIGHT = 6;

  private MemoryEstimate() {}

  /** Bytes one run of {@code t} allocates. */
  static long perRun(TrainingPlan t) {
    long weights = t.model().size();
    long cols = t.data() == null ? 0 : t.data().cols();
    return Double.BYTES * PER_WEIGHT * weights + t.model().passBytes(t.chunk(), cols);
  }

  /** @throws OptlabError at the statement when its runs will not fit in the heap */
  static void check(Source source, ExecutionPlan plan) {
    TrainingPlan t = plan.training();
    if (t == null) {
      return;
    }
    int runs = plan.optimizers().size();
    long need = runs * perRun(t) + Double.BYTES * t.model().size();
    String what = (plan.compare() ? "this compare of " + runs + " runs" : "this run")
        + " on " + t.model().name() + " (" + t.model().size() + " weights, " + t.chunk()
        + " rows per pass" + (runs > 1 ? ", each run at once" : "") + ") needs";
    String refusal = HeapCheck.refusal(need, what);
    if (refusal != null) {
      throw new OptlabError(source, plan.span(), refusal
          + (t.chunk() > t.batch() ? "; or give the loss fewer rows per pass with batch" : ""));
    }
  }
}

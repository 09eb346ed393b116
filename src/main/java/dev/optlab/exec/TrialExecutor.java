package dev.optlab.exec;

import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepTrial;
import dev.optlab.plan.TrialResult;
import java.util.List;

/**
 * Who runs a sweep's trials: the local thread pool ({@link LocalTrialPool}), or another engine
 * (the optional optlab-spark module hands them to Apache Spark). {@link SweepRunner} does the
 * rest the same way for every engine: skipping resumed trials, the rows in trial order, the file,
 * the progress line, so the bytes written do not depend on who ran the trials.
 */
public interface TrialExecutor {
  /**
   * Starts the {@code pending} trials and returns; each one's end goes to {@code done} exactly
   * once, from any thread, in any order. {@code stop} says when to give up (Ctrl-C, or another
   * trial failed): a trial not run then is reported finished with a null result.
   */
  void start(SweepPlan plan, List<SweepTrial> pending, RunControl stop, Done done);

  /** The sweep is over (done, failed or interrupted): what still runs may be dropped. */
  default void close() {}

  /** Where trials report. */
  interface Done {
    /** A trial's result; null when it was interrupted before it finished. */
    void finished(SweepTrial trial, TrialResult result);

    /** A trial that threw: the sweep stops and reports it. */
    void failed(SweepTrial trial, Throwable failure);
  }

  /** Makes the executor for one sweep statement of a script. */
  interface Factory {
    TrialExecutor create(SweepScript script);
  }
}

package dev.optlab.exec;

import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * One optimizer's run of a plan: {@link RunLoop} (steps on a scalar objective) or {@link
 * EpochLoop} (minibatches over a data set). The {@link Executor} drives either the same way.
 */
interface Loop {
  /** Runs to the end, handing each traced row to {@code rows} and every step to the trace file. */
  RunSummary run(Consumer<TraceRow> rows, TraceFileWriter traceFile) throws IOException;

  /**
   * Every step's loss, indexed by step, when this loop kept them (a compare's "reached" column
   * and loss curves); {@code null} when only the traced rows carry losses.
   */
  double[] losses();

  /** Hands every step's loss to {@code watcher}, which may end the run ({@code lrfind}). */
  void watch(StepWatcher watcher);

  /**
   * Goes on from {@code resume} instead of the start (null: from the start) and writes the run's
   * state with {@code saver} on the way and at the end (null: no checkpoint).
   */
  void checkpoints(RunState resume, Checkpointer saver);
}

package dev.optlab.exec;

/**
 * Lets the caller stop a run between steps (Ctrl-C in the REPL) and watch a long one progress.
 * Runs poll it every {@link #POLL_INTERVAL} steps, so the hot loop pays almost nothing for it.
 */
public class RunControl {
  /** Steps between two looks at the stop flag and the clock. */
  public static final int POLL_INTERVAL = 4096;

  private volatile boolean stopRequested;

  /** Asks running loops to stop after their current step. */
  public void requestStop() {
    stopRequested = true;
  }

  public boolean stopRequested() {
    return stopRequested;
  }

  /** Clears a stop request before the next statement runs. */
  public void reset() {
    stopRequested = false;
  }

  /**
   * Called from the running loop every {@link #POLL_INTERVAL} steps; the REPL shows live progress
   * from it. May be called from several threads at once in a compare.
   */
  public void progress(String run, long step, long steps, double loss, long elapsedNanos) {}

  /**
   * Called by a sweep each time a trial finishes: {@code best} says the best so far ({@code
   * "loss 0.0012 (trial 5)"}), {@code etaNanos} the time left at the pace so far.
   */
  public void sweepProgress(int done, int total, String best, long elapsedNanos, long etaNanos) {}

  /** A control that never stops a run and shows nothing. */
  public static RunControl none() {
    return new RunControl();
  }
}

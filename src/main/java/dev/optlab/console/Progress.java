package dev.optlab.console;

import dev.optlab.exec.RunControl;
import dev.optlab.trace.Numbers;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The run control of a terminal (the REPL's, and a script's when standard error is a terminal):
 * Ctrl-C asks the running loop to stop ({@link #requestStop}), and a run
 * that goes on for more than a second shows one live line, {@code adam  step 1200000/5000000
 * (24%)  loss 0.00134  12.3M steps/s}, rewritten in place and erased before anything else is
 * printed and when the statement ends. A compare shows its runs side by side on that line, more
 * briefly ({@code sgd 52% loss 0.0143  |  adam 48% loss 2.1e-05}). Dumb terminals (and tests)
 * get no progress line at all.
 */
public final class Progress extends RunControl {
  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final boolean live;
  private final IntSupplier width;
  /** The latest state of each run, in the order they first reported. */
  private final Map<String, String[]> runs = new LinkedHashMap<>();
  private long lastDraw;
  private boolean shown;

  /**
   * @param live whether the terminal can rewrite a line in place
   * @param width the terminal's width, read at each redraw (it may be resized)
   */
  public Progress(PrintStream out, boolean live, IntSupplier width) {
    this.out = out;
    this.live = live;
    this.width = width;
  }

  @Override
  public void progress(String run, long step, long steps, double loss, long elapsedNanos) {
    if (!live || elapsedNanos < SHOW_AFTER_NANOS) {
      return;
    }
    long percent = 100 * step / Math.max(1, steps);
    // work without a loss (stepping a schedule for its plot) reports NaN: no loss is shown
    String lossText = Double.isNaN(loss) ? "" : "  loss " + Numbers.short6(loss);
    String full = run + "  step " + step + "/" + steps + " (" + percent + "%)" + lossText + "  "
        + rate(step, elapsedNanos);
    String brief = run + " " + percent + "%" + lossText.replace("  loss", " loss");
    long now = System.nanoTime();
    synchronized (this) { // a compare reports from several threads
      runs.put(run, new String[] {full, brief});
      if (shown && now - lastDraw < REDRAW_NANOS) {
        return;
      }
      draw(runs.size() == 1 ? full
          : String.join("  |  ", runs.values().stream().map(r -> r[1]).toList()), now);
    }
  }

  /** A sweep's line: {@code sweep 12/64 trials  best loss 0.0012 (trial 5)  ETA 41 s}. */
  @Override
  public void sweepProgress(int done, int total, String best, long elapsedNanos, long etaNanos) {
    if (!live || elapsedNanos < SHOW_AFTER_NANOS) {
      return;
    }
    String line = "sweep " + done + "/" + total + " trials" + (best.isEmpty() ? "" : "  best "
        + best) + (done < total ? "  ETA " + duration(etaNanos) : "");
    synchronized (this) {
      draw(line, System.nanoTime());
    }
  }

  /** Rewrites the line in place, cut to the terminal's width. The caller holds the lock. */
  private void draw(String line, long now) {
    int max = Math.max(10, width.getAsInt() - 1);
    if (line.length() > max) {
      line = line.substring(0, max - 1) + "…";
    }
    out.print("\r" + line + "\033[K");
    out.flush();
    shown = true;
    lastDraw = now;
  }

  static String duration(long nanos) {
    long s = Math.round(nanos / 1e9);
    return s < 60 ? s + " s" : s < 3600 ? s / 60 + " min " + s % 60 + " s"
        : s / 3600 + " h " + s % 3600 / 60 + " min";
  }

  static String rate(long step, long elapsedNanos) {
    double perSecond = step / (elapsedNanos / 1e9);
    return perSecond >= 1e6 ? String.format("%.1fM steps/s", perSecond / 1e6)
        : String.format("%.0fk steps/s", perSecond / 1e3);
  }

  /**
   * Erases the progress line and forgets the runs on it, before output that ends their part of
   * a script: what runs after it (the next statement) starts a line of its own.
   */
  public synchronized void restart() {
    clear();
    runs.clear();
  }

  /** Erases the progress line, if one is showing. */
  public synchronized void clear() {
    if (shown) {
      out.print("\r\033[K");
      out.flush();
      shown = false;
    }
  }

  /** Before a statement: no stop requested, no runs reported. */
  public synchronized void begin() {
    reset();
    runs.clear();
    shown = false;
  }

  /** After a statement: the line is gone. */
  public synchronized void end() {
    clear();
    runs.clear();
  }
}

package dev.optlab.source;

import java.io.PrintStream;

/**
 * How bugs in optlab are reported, as opposed to errors in what the user wrote: one line saying
 * it is a bug and asking for a report, and the stack trace only when {@code OPTLAB_DEBUG=1} (or
 * the system property {@code optlab.debug=1}) asks for it.
 */
public final class Debug {
  private Debug() {}

  /** Whether stack traces of internal errors are wanted. */
  public static boolean on() {
    return "1".equals(System.getenv("OPTLAB_DEBUG"))
        || "1".equals(System.getProperty("optlab.debug"));
  }

  /** "internal error: IllegalStateException: ... (a bug in optlab: ...)". */
  public static String internalError(Throwable bug) {
    String message = bug.getMessage() == null ? "" : ": " + bug.getMessage().lines().findFirst()
        .orElse("");
    return "internal error: " + bug.getClass().getSimpleName() + message
        + " (a bug in optlab, not in the script: please report it with the script"
        + (on() ? ")" : "; OPTLAB_DEBUG=1 prints the stack trace)");
  }

  /** Prints the bug's stack trace when {@link #on()}; nothing otherwise. */
  public static void stackTrace(Throwable bug, PrintStream err) {
    if (bug != null && on()) {
      bug.printStackTrace(err);
    }
  }
}

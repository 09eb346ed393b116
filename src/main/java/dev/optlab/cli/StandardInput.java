package dev.optlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard input is a terminal (the REPL) or a pipe or file (a script), and whether
 * standard error is one (a script's long runs then show a progress line there).
 */
final class StandardInput {
  private StandardInput() {}

  static boolean isTerminal() {
    // Java 21's System.console() is null when either stdin or stdout is redirected; `optlab >
    // out.txt` typed at a terminal should still be the REPL, so Linux asks about fd 0 itself.
    Boolean tty = isTerminal(0);
    return tty != null ? tty : System.console() != null;
  }

  /** Whether standard error is a terminal that can rewrite a line in place. */
  static boolean errorIsLiveTerminal() {
    String term = System.getenv("TERM");
    return Boolean.TRUE.equals(isTerminal(2)) && term != null && !term.equals("dumb");
  }

  /** Whether file descriptor {@code fd} is a terminal; null where Linux's /proc cannot say. */
  private static Boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      if (Files.isSymbolicLink(link)) {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
            || target.equals("/dev/console");
      }
    } catch (IOException | RuntimeException e) {
      // fall through to the portable answer
    }
    return null;
  }
}

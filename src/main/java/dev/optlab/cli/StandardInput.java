package dev.optlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard input is a terminal (the REPL) or a pipe or file (a script). */
final class StandardInput {
  private StandardInput() {}

  static boolean isTerminal() {
    // Java 21's System.console() is null when either stdin or stdout is redirected; `optlab >
    // out.txt` typed at a terminal should still be the REPL, so Linux asks about fd 0 itself.
    Path fd0 = Path.of("/proc/self/fd/0");
    try {
      if (Files.isSymbolicLink(fd0)) {
        String target = Files.readSymbolicLink(fd0).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
            || target.equals("/dev/console");
      }
    } catch (IOException | RuntimeException e) {
      // fall through to the portable answer
    }
    return System.console() != null;
  }
}

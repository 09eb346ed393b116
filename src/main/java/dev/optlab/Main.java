package dev.optlab;

import dev.optlab.cli.CommandLine;
import java.io.PrintStream;

/**
 * The {@code optlab} command (LANGUAGE.md section 8): the REPL with no arguments, else batch
 * scripts, {@code -e}, {@code --check}, {@code --format csv}. Exit status 0 on success, 1 when a
 * script has an error, 2 on a bad command line.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs the command line with the given streams and returns the exit status. The work happens
   * on a thread with a large stack, so deeply nested input meets the language's own depth limit
   * and a clean error rather than the JVM's default stack size.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    int[] code = {0};
    Thread worker = new Thread(null, () -> code[0] = CommandLine.execute(args, out, err),
        "optlab", 1L << 30);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    return code[0];
  }
}

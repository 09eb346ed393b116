package dev.optlab.plot;

import java.io.Console;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How a plot is drawn in the terminal: its size in characters, and whether it may use braille
 * dots and colour. Both or neither: without colour, braille gives no way to tell series apart,
 * so a plain terminal gets one ASCII character per series instead.
 *
 * @param width characters per line, axis labels and all
 * @param height lines, title and legend included
 */
public record TerminalStyle(int width, int height, boolean unicode, boolean color) {
  public static final int DEFAULT_WIDTH = 80;
  public static final int DEFAULT_HEIGHT = 20;

  public TerminalStyle {
    width = Math.max(30, width);
    height = Math.max(10, height);
  }

  /** Plain characters, no colour, the default size: for files, pipes and tests. */
  public static TerminalStyle plain() {
    return new TerminalStyle(DEFAULT_WIDTH, DEFAULT_HEIGHT, false, false);
  }

  /** Decided from this process's environment and standard output. */
  public static TerminalStyle detect() {
    return detect(System.getenv(), isTerminal(), System.out.charset());
  }

  /**
   * Width from {@code COLUMNS} (capped at 160; 80 when unset), height 20 or less on a short
   * terminal ({@code LINES}); braille and colour only on a terminal that is not {@code dumb},
   * writes UTF-8, and has no {@code NO_COLOR} set (https://no-color.org). {@code CLICOLOR_FORCE}
   * asks for them when output is not a terminal (a pager such as {@code less -R}).
   */
  public static TerminalStyle detect(Map<String, String> env, boolean tty, Charset charset) {
    int width = Math.min(160, number(env.get("COLUMNS"), DEFAULT_WIDTH));
    int lines = number(env.get("LINES"), 0);
    int height = lines > 0 ? Math.min(DEFAULT_HEIGHT, lines - 4) : DEFAULT_HEIGHT;
    String noColor = env.get("NO_COLOR");
    String force = env.get("CLICOLOR_FORCE");
    boolean forced = force != null && !force.isEmpty() && !force.equals("0");
    boolean fancy = (tty || forced) && !"dumb".equals(env.get("TERM"))
        && (noColor == null || noColor.isEmpty()) && StandardCharsets.UTF_8.equals(charset);
    return new TerminalStyle(width, height, fancy, fancy);
  }

  private static int number(String s, int otherwise) {
    try {
      return s == null ? otherwise : Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /**
   * Whether standard output is a terminal. From Java 22 {@code System.console()} exists even when
   * output is redirected and {@code Console.isTerminal()} tells; on 21 a console means a terminal.
   */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}

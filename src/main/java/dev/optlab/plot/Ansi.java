package dev.optlab.plot;

/** The few terminal escape codes the plots use. */
final class Ansi {
  private Ansi() {}

  static final String RESET = "\u001b[0m";
  static final String BOLD = "\u001b[1m";

  /** Foreground colour {@code n} of xterm's 256. */
  static String fg(int n) {
    return "\u001b[38;5;" + n + "m";
  }

  static String paint(String text, int color, boolean ansi) {
    return ansi ? fg(color) + text + RESET : text;
  }
}

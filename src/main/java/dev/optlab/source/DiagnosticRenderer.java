package dev.optlab.source;

/**
 * Renders a diagnostic the one way optlab shows every error, in batch, the REPL and the tests:
 *
 * <pre>
 * FILE:LINE:COL: error: MESSAGE
 * the source line
 *        ^~~~
 * </pre>
 *
 * A very long line is shown as a window around the error, and control characters (binary input)
 * as {@code ?}, so the echo never floods or garbles a terminal.
 */
public final class DiagnosticRenderer {
  private DiagnosticRenderer() {}

  /** Lines longer than this are shown as a window around the error. */
  static final int MAX_SHOWN = 100;

  private static final String ELLIPSIS = "...";

  public static String render(Diagnostic d) {
    Source src = d.source();
    int start = Math.min(d.span().start(), src.text().length());
    int line = src.line(start);
    int col = src.column(start);
    StringBuilder sb = new StringBuilder();
    sb.append(src.name()).append(':').append(line).append(':').append(col)
        .append(": error: ").append(printable(d.message())).append('\n');
    String text = src.lineText(line);
    int caret = col - 1;
    int width = Math.max(1, Math.min(d.span().end() - start, text.length() - caret));
    // Cut a window when the line is too long to read, keeping the caret inside it.
    int from = 0;
    int to = text.length();
    String prefix = "";
    String suffix = "";
    if (text.length() > MAX_SHOWN) {
      from = Math.max(0, Math.min(caret - MAX_SHOWN / 3, text.length() - MAX_SHOWN));
      to = Math.min(text.length(), from + MAX_SHOWN);
      prefix = from > 0 ? ELLIPSIS : "";
      suffix = to < text.length() ? ELLIPSIS : "";
      width = Math.min(width, to - caret);
    }
    sb.append(prefix);
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      sb.append(ch != '\t' && Character.isISOControl(ch) ? '?' : ch);
    }
    sb.append(suffix).append('\n');
    sb.append(" ".repeat(prefix.length()));
    // Keep tabs so the caret lines up under the same character in any terminal.
    for (int i = from; i < caret && i < to; i++) {
      sb.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    sb.append(" ".repeat(Math.max(0, caret - Math.max(text.length(), from))));
    sb.append('^').append("~".repeat(Math.max(0, width - 1))).append('\n');
    for (String hint : d.hints()) {
      sb.append("hint: ").append(hint).append('\n');
    }
    return sb.toString();
  }

  /**
   * Text that came from the user (a file name, a CSV cell quoted in a message) with control
   * characters shown as '?': an escape sequence in it would otherwise drive the terminal.
   */
  public static String printable(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      sb.append(ch != '\n' && ch != '\t' && Character.isISOControl(ch) ? '?' : ch);
    }
    return sb.toString();
  }

  public static String render(OptlabError e) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : e.diagnostics()) {
      sb.append(render(d));
    }
    return sb.toString();
  }
}

package dev.optlab.source;

/**
 * Renders a diagnostic the one way optlab shows every error, in batch, the REPL and the tests:
 *
 * <pre>
 * FILE:LINE:COL: error: MESSAGE
 * the source line
 *        ^~~~
 * </pre>
 */
public final class DiagnosticRenderer {
  private DiagnosticRenderer() {}

  public static String render(Diagnostic d) {
    Source src = d.source();
    int start = Math.min(d.span().start(), src.text().length());
    int line = src.line(start);
    int col = src.column(start);
    StringBuilder sb = new StringBuilder();
    sb.append(src.name()).append(':').append(line).append(':').append(col)
        .append(": error: ").append(d.message()).append('\n');
    String text = src.lineText(line);
    sb.append(text).append('\n');
    // Keep tabs so the caret lines up under the same character in any terminal.
    for (int i = 0; i < col - 1 && i < text.length(); i++) {
      sb.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    for (int i = col - 1 - text.length(); i > 0; i--) {
      sb.append(' ');
    }
    sb.append('^');
    int width = Math.min(d.span().end(), start + Math.max(0, text.length() - (col - 1))) - start;
    for (int i = 1; i < width; i++) {
      sb.append('~');
    }
    sb.append('\n');
    for (String hint : d.hints()) {
      sb.append("hint: ").append(hint).append('\n');
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

package dev.optlab.trace;

import java.util.List;

/** The trace CSV of LANGUAGE.md section 7: {@code run,step,lr,loss,grad_norm,<params>}. */
public final class Csv {
  private Csv() {}

  public static String header(List<String> params) {
    StringBuilder sb = new StringBuilder("run,step,lr,loss,grad_norm");
    for (String p : params) {
      sb.append(',').append(p);
    }
    return sb.toString();
  }

  /**
   * Appends one row and a newline. {@code columns} maps header parameter positions to the row's
   * parameters ({@code -1}: this run has no such parameter, the cell stays empty); null means the
   * row's parameters are the header's, in order.
   */
  public static void appendRow(StringBuilder sb, String run, long step, double lr, double loss,
      double gradNorm, double[] params, int[] columns) {
    sb.append(field(run));
    appendValues(sb, step, lr, loss, gradNorm, params, columns);
  }

  /**
   * Appends a row without its {@code run} field: {@code ,step,lr,loss,grad_norm,<params>} and a
   * newline (see {@link #appendRow}). Allocates nothing on JDK 25, so a trace file can write a
   * million of these.
   */
  public static void appendValues(StringBuilder sb, long step, double lr, double loss,
      double gradNorm, double[] params, int[] columns) {
    sb.append(',').append(step).append(',');
    Numbers.appendRepr(sb, lr).append(',');
    Numbers.appendRepr(sb, loss).append(',');
    Numbers.appendRepr(sb, gradNorm);
    if (columns == null) {
      for (double p : params) {
        Numbers.appendRepr(sb.append(','), p);
      }
    } else {
      for (int c : columns) {
        sb.append(',');
        if (c >= 0) {
          Numbers.appendRepr(sb, params[c]);
        }
      }
    }
    sb.append('\n');
  }

  /** Quotes a field that holds a comma or quote (an inline constructor's text does). */
  public static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}

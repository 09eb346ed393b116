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
    sb.append(field(run)).append(',').append(step).append(',').append(Numbers.repr(lr))
        .append(',').append(Numbers.repr(loss)).append(',').append(Numbers.repr(gradNorm));
    if (columns == null) {
      for (double p : params) {
        sb.append(',').append(Numbers.repr(p));
      }
    } else {
      for (int c : columns) {
        sb.append(',');
        if (c >= 0) {
          sb.append(Numbers.repr(params[c]));
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

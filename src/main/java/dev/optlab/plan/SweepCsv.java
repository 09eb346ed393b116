package dev.optlab.plan;

import dev.optlab.trace.Csv;
import java.util.ArrayList;
import java.util.List;

/**
 * The file {@code sweep ... to "FILE.csv"} writes: a header, then one row per finished trial,
 * {@code trial,<columns>,steps,status,loss,best_loss,<metrics>,[best_<metric>],config}.
 * Numbers are Python's repr, so a row reads back to the same doubles and the file is the same
 * bytes however many threads ran the trials.
 */
public final class SweepCsv {
  private SweepCsv() {}

  /** The header's column names for {@code plan}. */
  public static List<String> header(SweepPlan plan) {
    List<String> h = new ArrayList<>();
    h.add("trial");
    plan.columns().forEach(c -> h.add(c.name()));
    h.add("steps");
    h.add("status");
    h.add("loss");
    h.add("best_loss");
    plan.metrics().forEach(m -> h.add(m.text()));
    if (plan.goal().best() && plan.goal().metric() != null) {
      h.add("best_" + plan.goal().metric().text());
    }
    h.add("config");
    return h;
  }

  /** One line of fields, quoted where they must be, ending in a newline. */
  public static String line(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(Csv.field(fields.get(i)));
    }
    return sb.append('\n').toString();
  }

  /**
   * The fields of one line as {@link #line} writes them (RFC 4180 quoting); null when the quoting
   * is broken.
   */
  public static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"' && field.isEmpty()) {
        quoted = true;
      } else if (ch == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(field.toString());
    return out;
  }

  /** A row's key, as {@link SweepTrial#key()} makes it: the columns and the config. */
  public static String key(List<String> row, int columns) {
    return String.join("\u0000", row.subList(1, 1 + columns)) + "\u0000" + row.get(row.size() - 1);
  }
}

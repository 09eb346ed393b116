package dev.optlab.text;

import java.util.List;

/** A plain table: each column as wide as its widest cell, two spaces between columns. */
final class Columns {
  private Columns() {}

  static void append(StringBuilder sb, List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> row : rows) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    line(sb, header, width);
    for (List<String> row : rows) {
      line(sb, row, width);
    }
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    int start = sb.length();
    for (int c = 0; c < cells.size(); c++) {
      sb.append(c == 0 ? "" : "  ").append(cells.get(c));
      sb.append(" ".repeat(width[c] - cells.get(c).length()));
    }
    while (sb.length() > start && sb.charAt(sb.length() - 1) == ' ') {
      sb.setLength(sb.length() - 1);
    }
    sb.append('\n');
  }
}

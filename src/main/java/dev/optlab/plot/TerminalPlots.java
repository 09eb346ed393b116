package dev.optlab.plot;

import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws a {@link Figure} as text: braille dots in colour, or plain ASCII with one character per
 * series (see {@link TerminalStyle}). Panels stack one above the other; the legend closes the plot.
 */
public final class TerminalPlots {
  private TerminalPlots() {}

  /** Grey of contour lines, quiet under the coloured paths on dark and light backgrounds. */
  private static final int CONTOUR_GREY = 244;

  /**
   * Loss against step for a compare's runs, one series per optimizer (see {@link
   * Series#loss}), with no title: what the REPL shows under a compare's summary. A log axis when
   * the losses span two decades or more.
   *
   * @param width characters per line; {@code height} lines in all, legend included
   * @param color braille dots in colour when true, plain ASCII when false
   */
  public static String lossPlot(List<Series> series, int width, int height, boolean color) {
    Figure figure = new Figure("", List.of(Figures.lossPanel(series)));
    return render(figure, new TerminalStyle(width, height, color, color));
  }

  /** The figure as lines of text, each ending in a newline. */
  public static String render(Figure figure, TerminalStyle style) {
    List<String> out = new ArrayList<>();
    if (!figure.title().isEmpty()) {
      String title = fit(figure.title(), style.width());
      out.add(style.color() ? Ansi.BOLD + title + Ansi.RESET : title);
    }
    List<String> legend = legend(figure, style);
    int available = style.height() - out.size() - legend.size();
    List<Figure.Panel> panels = figure.panels();
    for (int i = 0; i < panels.size(); i++) {
      // A second panel (the learning rate) is the lesser picture: it gets two fifths.
      int h = panels.size() == 1 ? available
          : i == 0 ? available * 3 / 5 : available - available * 3 / 5;
      out.addAll(panel(panels.get(i), style.width(), h, style));
    }
    out.addAll(legend);
    StringBuilder sb = new StringBuilder();
    for (String line : out) {
      sb.append(line.stripTrailing()).append('\n'); // no trailing blanks to copy and paste
    }
    return sb.toString();
  }

  static List<String> panel(Figure.Panel p, int width, int height, TerminalStyle style) {
    if (p instanceof Figure.Heat heat) {
      return HeatText.lines(heat, width, style); // a table of cells: as tall as it has rows
    }
    Figure.Contour contour = p instanceof Figure.Contour c ? c : null;
    int rows = Math.max(3, height - 3 - (contour != null ? 1 : 0));
    Axis ax = Frame.x(p);
    int maxYTicks = Math.max(2, rows / 3 + 1);
    Axis ay = Frame.y(p, maxYTicks);
    double[] yTicks = ay.ticks(maxYTicks);
    String[] yLabels = new String[yTicks.length];
    int lw = 1;
    for (int i = 0; i < yTicks.length; i++) {
      yLabels[i] = ay.label(yTicks[i], maxYTicks);
      lw = Math.max(lw, yLabels[i].length());
    }
    // Room at the right for the x axis' name, after the last tick label.
    String xLabel = Frame.xLabel(p);
    int cols = Math.max(10, width - lw - 2 - (xLabel.isEmpty() ? 0 : xLabel.length() + 2));
    Canvas canvas = new Canvas(cols, rows, style.unicode());
    double sx = canvas.width() - 1;
    double sy = canvas.height() - 1;
    int cellH = style.unicode() ? 4 : 1;
    int cellW = style.unicode() ? 2 : 1;
    if (contour != null) {
      int grey = style.color() ? CONTOUR_GREY : Canvas.NO_COLOR;
      for (ContourMap.Level level : shownLevels(contour.map(), style)) {
        for (double[] line : level.lines()) {
          for (int k = 2; k < line.length; k += 2) {
            canvas.line(ax.fraction(line[k - 2]) * sx, (1 - ay.fraction(line[k - 1])) * sy,
                ax.fraction(line[k]) * sx, (1 - ay.fraction(line[k + 1])) * sy, grey, '.');
          }
        }
      }
    }
    List<Series> series = p.series();
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      int color = style.color() ? Palette.ansi256(Palette.series(i)) : Canvas.NO_COLOR;
      double px = Double.NaN;
      double py = Double.NaN;
      for (int k = 0; k < s.size(); k++) {
        double x = ax.fraction(s.x()[k]) * sx;
        double y = (1 - ay.fraction(s.y()[k])) * sy;
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
          px = Double.NaN;
          continue;
        }
        if (Double.isNaN(px)) {
          canvas.line(x, y, x, y, color, Palette.glyph(i));
        } else {
          canvas.line(px, py, x, y, color, Palette.glyph(i));
        }
        px = x;
        py = y;
      }
    }
    if (contour != null) {
      markEnds(canvas, series, ax, ay, style);
    }
    List<String> out = new ArrayList<>();
    out.add(fit(Frame.yLabel(p), width));
    String[] rowLabel = new String[rows];
    for (int i = 0; i < yTicks.length; i++) {
      int r = (int) Math.round((1 - ay.fraction(yTicks[i])) * sy) / cellH;
      if (r >= 0 && r < rows && rowLabel[r] == null) {
        rowLabel[r] = yLabels[i];
      }
    }
    for (int r = 0; r < rows; r++) {
      String label = rowLabel[r] == null ? "" : rowLabel[r];
      char axis = style.unicode() ? (rowLabel[r] == null ? '│' : '┤') : (rowLabel[r] == null ? '|' : '+');
      out.add(" ".repeat(lw - label.length()) + label + " " + axis + canvas.row(r, style.color()));
    }
    int maxXTicks = Math.max(3, cols / 10);
    double[] xTicks = ax.ticks(maxXTicks);
    char[] axisLine = new char[cols];
    Arrays.fill(axisLine, style.unicode() ? '─' : '-');
    char[] tickLine = new char[lw + 2 + cols];
    Arrays.fill(tickLine, ' ');
    int lastEnd = -1;
    for (double t : xTicks) {
      int c = (int) Math.round(ax.fraction(t) * sx) / cellW;
      if (c < 0 || c >= cols) {
        continue;
      }
      axisLine[c] = style.unicode() ? '┬' : '+';
      String label = ax.label(t, maxXTicks);
      int start = Math.min(lw + 2 + c - label.length() / 2, tickLine.length - label.length());
      if (start > lastEnd + 1) {
        label.getChars(0, label.length(), tickLine, start);
        lastEnd = start + label.length() - 1;
      }
    }
    out.add(" ".repeat(lw + 1) + (style.unicode() ? '└' : '+') + new String(axisLine));
    out.add(withXLabel(new String(tickLine).stripTrailing(), xLabel, width));
    if (contour != null) {
      out.add(fit(levelsLine(contour.map(), style), width));
    }
    return out;
  }

  /** The x axis' name at the end of the tick labels' line, when they leave room for it. */
  private static String withXLabel(String ticks, String label, int width) {
    int start = width - label.length();
    if (label.isEmpty() || ticks.length() + 2 > start) {
      return ticks;
    }
    return ticks + " ".repeat(start - ticks.length()) + label;
  }

  private static void markEnds(Canvas canvas, List<Series> series, Axis ax, Axis ay,
      TerminalStyle style) {
    double sx = canvas.width() - 1;
    double sy = canvas.height() - 1;
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      int last = s.size() - 1;
      while (last >= 0 && !s.finite(last)) {
        last--;
      }
      if (last < 0) {
        continue;
      }
      int color = style.color() ? Palette.ansi256(Palette.series(i)) : Canvas.NO_COLOR;
      canvas.mark((int) Math.round(ax.fraction(s.x()[last]) * sx),
          (int) Math.round((1 - ay.fraction(s.y()[last])) * sy), style.unicode() ? '●' : 'E', color);
    }
    for (Series s : series) {
      if (s.size() > 0 && s.finite(0)) {
        canvas.mark((int) Math.round(ax.fraction(s.x()[0]) * sx),
            (int) Math.round((1 - ay.fraction(s.y()[0])) * sy), style.unicode() ? '○' : 'S',
            Canvas.NO_COLOR);
      }
    }
  }

  /**
   * The levels drawn here: at most six in braille, five in ASCII, spread over the map's; more
   * would run together at the terminal's resolution.
   */
  static List<ContourMap.Level> shownLevels(ContourMap map, TerminalStyle style) {
    List<ContourMap.Level> all = map.levels();
    int max = style.unicode() ? 6 : 5;
    if (all.size() <= max) {
      return all;
    }
    List<ContourMap.Level> shown = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      shown.add(all.get((int) Math.round((double) i * (all.size() - 1) / (max - 1))));
    }
    return shown;
  }

  private static String levelsLine(ContourMap map, TerminalStyle style) {
    StringBuilder sb = new StringBuilder("contours of " + map.name() + " at");
    for (ContourMap.Level level : shownLevels(map, style)) {
      sb.append(' ').append(Numbers.short6(level.value()));
    }
    return map.levels().isEmpty() ? map.name() + " is flat here: no contours" : sb.toString();
  }

  private static List<String> legend(Figure figure, TerminalStyle style) {
    List<String> entries = new ArrayList<>();
    List<Integer> widths = new ArrayList<>();
    List<Series> series = figure.legend();
    for (int i = 0; i < series.size(); i++) {
      String label = series.get(i).label();
      if (style.unicode()) {
        int color = style.color() ? Palette.ansi256(Palette.series(i)) : Canvas.NO_COLOR;
        entries.add(Ansi.paint("━━", color, style.color()) + " " + label);
        widths.add(3 + label.length());
      } else {
        entries.add(Palette.glyph(i) + " " + label);
        widths.add(2 + label.length());
      }
    }
    if (figure.panels().stream().anyMatch(p -> p instanceof Figure.Contour)) {
      entries.add(style.unicode() ? "○ start  ● end" : "S start  E end");
      widths.add(14);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int used = 0;
    for (int i = 0; i < entries.size(); i++) {
      if (used > 0 && used + 3 + widths.get(i) > style.width()) {
        lines.add(line.toString());
        line.setLength(0);
        used = 0;
      }
      line.append(used == 0 ? "  " : "   ").append(entries.get(i));
      used += (used == 0 ? 2 : 3) + widths.get(i);
    }
    if (used > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  static String fit(String s, int width) {
    return s.length() <= width ? s : s.substring(0, Math.max(0, width - 3)) + "...";
  }
}

package dev.optlab.plot;

import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Figure.Heat} panel as text: a table of the values, the largest y on top, each cell on
 * its colour when there is colour. Numbers, not shades, since a terminal cell can hold one: a
 * grey ramp of ten characters would say less than the value itself. When the cells cannot hold
 * their numbers in the width, they hold a shade character instead (darkest for the lowest).
 */
final class HeatText {
  private HeatText() {}

  /** From the scale's low end to its high end, where there is no colour. */
  private static final String SHADES = ".:-=+*#%@";

  static List<String> lines(Figure.Heat panel, int width, TerminalStyle style) {
    HeatMap map = panel.map();
    Axis colours = map.colours();
    int nx = map.xs().length;
    int ny = map.ys().length;
    String[] yLabels = new String[ny];
    int lw = panel.yLabel().length();
    for (int j = 0; j < ny; j++) {
      yLabels[j] = HeatMap.compact(map.ys()[j]);
      lw = Math.max(lw, yLabels[j].length());
    }
    int widest = 1;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        widest = Math.max(widest, text(map, i, j).length());
      }
    }
    for (double x : map.xs()) {
      widest = Math.max(widest, HeatMap.compact(x).length());
    }
    int cw = widest + 2;
    boolean numbers = lw + 2 + nx * cw <= width;
    if (!numbers) {
      cw = Math.max(1, (width - lw - 2) / Math.max(1, nx));
    }
    List<String> out = new ArrayList<>();
    out.add(TerminalPlots.fit(panel.map().name() + (map.logZ() ? " (log colour scale)" : ""), width));
    out.add(" ".repeat(lw - panel.yLabel().length()) + panel.yLabel());
    for (int j = ny - 1; j >= 0; j--) {
      StringBuilder row = new StringBuilder(" ".repeat(lw - yLabels[j].length()))
          .append(yLabels[j]).append(style.unicode() ? " │" : " |");
      for (int i = 0; i < nx; i++) {
        row.append(cell(map, colours, i, j, cw, numbers, style));
      }
      out.add(row.toString());
    }
    out.add(" ".repeat(lw + 1) + (style.unicode() ? "└" + "─".repeat(nx * cw) : "+"
        + "-".repeat(nx * cw)));
    StringBuilder ticks = new StringBuilder(" ".repeat(lw + 2));
    int every = numbers ? 1 : (int) Math.ceil((widest + 1.0) / cw);
    for (int i = 0; i < nx; i += every) {
      String label = HeatMap.compact(map.xs()[i]);
      int at = lw + 2 + i * cw + (numbers ? cw - 1 - label.length() : 0);
      if (at >= ticks.length()) {
        ticks.append(" ".repeat(at - ticks.length())).append(label);
      }
    }
    ticks.append("  ").append(panel.xLabel());
    out.add(TerminalPlots.fit(ticks.toString(), width));
    out.add(scaleLine(map, colours, style)); // short, and its escapes must not be cut
    return out;
  }

  /** A cell's number (or mark), right-aligned as numbers in a table are. */
  private static String cell(HeatMap map, Axis colours, int i, int j, int cw, boolean numbers,
      TerminalStyle style) {
    if (!map.ran()[j][i]) {
      return " ".repeat(cw);
    }
    double v = map.z()[j][i];
    double t = map.shade(colours, v);
    String body;
    if (numbers) {
      String s = text(map, i, j);
      body = " ".repeat(cw - 1 - s.length()) + s + " ";
    } else {
      char c = Double.isNaN(v) ? 'x' : style.color() ? ' ' : SHADES.charAt(
          (int) Math.min(SHADES.length() - 1, Math.round(t * (SHADES.length() - 1))));
      body = String.valueOf(c).repeat(cw);
    }
    if (!style.color()) {
      return body;
    }
    int bg = Palette.ansi256(Double.isNaN(v) ? HeatMap.DIVERGED : Palette.scale(t));
    int fg = !Double.isNaN(v) && t < 0.55 ? 255 : 235;
    return "\u001b[38;5;" + fg + ";48;5;" + bg + "m" + body + Ansi.RESET;
  }

  private static String text(HeatMap map, int i, int j) {
    double v = map.z()[j][i];
    return !map.ran()[j][i] ? "" : Double.isNaN(v) ? "x" : HeatMap.compact(v);
  }

  /** The scale's ends, and what a diverged cell looks like. */
  private static String scaleLine(HeatMap map, Axis colours, TerminalStyle style) {
    StringBuilder sb = new StringBuilder("  colours: ");
    sb.append(colours.label(colours.lo, 6)).append(' ');
    for (int k = 0; k < 8; k++) {
      double t = k / 7.0;
      sb.append(style.color() ? "\u001b[48;5;" + Palette.ansi256(Palette.scale(t)) + "m  "
          + Ansi.RESET : SHADES.substring((int) Math.round(t * (SHADES.length() - 1)),
          (int) Math.round(t * (SHADES.length() - 1)) + 1).repeat(2));
    }
    sb.append(' ').append(colours.label(colours.hi, 6));
    boolean diverged = false;
    for (int j = 0; j < map.ys().length; j++) {
      for (int i = 0; i < map.xs().length; i++) {
        diverged |= map.ran()[j][i] && Double.isNaN(map.z()[j][i]);
      }
    }
    return diverged ? sb.append("   x diverged").toString() : sb.toString();
  }
}

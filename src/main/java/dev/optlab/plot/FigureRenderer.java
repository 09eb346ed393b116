package dev.optlab.plot;

import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a {@link Figure} out for files and draws it on a {@link Painter}: the title on top, the
 * panels side by side (each with grid, ticks, axis labels; a contour map with its colour scale),
 * and one legend underneath. Sizes are fixed per kind of panel, so a PNG's size is predictable.
 */
final class FigureRenderer {
  static final int MARGIN = 16;
  static final int TITLE_H = 40;
  static final int GAP = 24;
  static final int LINES_W = 640;
  static final int SECOND_W = 480;
  static final int PANEL_H = 420;
  static final int CONTOUR_W = 700;
  static final int CONTOUR_H = 560;
  private static final double LEGEND_ROW = 24;
  private static final String INK = "#222222";
  private static final String MUTED = "#555555";

  private final Figure figure;
  private final List<List<Entry>> legendRows;
  final int width;
  final int height;

  private record Entry(String label, String color, int kind, double width) {}

  FigureRenderer(Figure figure) {
    this.figure = figure;
    int w = 2 * MARGIN;
    int h = 0;
    for (int i = 0; i < figure.panels().size(); i++) {
      w += panelWidth(i) + (i > 0 ? GAP : 0);
      h = Math.max(h, square(figure.panels().get(i)) ? CONTOUR_H : PANEL_H);
    }
    this.width = w;
    this.legendRows = legendRows(w - 2 * MARGIN);
    this.height = TITLE_H + h + (int) Math.ceil(legendRows.size() * LEGEND_ROW) + MARGIN;
  }

  private int panelWidth(int i) {
    return square(figure.panels().get(i)) ? CONTOUR_W : i == 0 ? LINES_W
        : SECOND_W;
  }

  /** A map (contour or heat) of two variables gets a squarer panel than a line chart. */
  private static boolean square(Figure.Panel panel) {
    return panel instanceof Figure.Contour || panel instanceof Figure.Heat;
  }

  void draw(Painter p) {
    p.rect(0, 0, width, height, "#ffffff", null);
    p.text(width / 2.0, 27, figure.title(), 17, Painter.Anchor.MIDDLE, true, INK, false, "title");
    int x = MARGIN;
    int panelH = 0;
    for (int i = 0; i < figure.panels().size(); i++) {
      Figure.Panel panel = figure.panels().get(i);
      int h = square(panel) ? CONTOUR_H : PANEL_H;
      panelH = Math.max(panelH, h);
      PanelRenderer.draw(p, panel, x, TITLE_H, panelWidth(i), h, figure.panels().size() > 1);
      x += panelWidth(i) + GAP;
    }
    drawLegend(p, TITLE_H + panelH);
  }

  private List<List<Entry>> legendRows(double available) {
    List<Entry> entries = new ArrayList<>();
    List<Series> series = figure.legend();
    for (int i = 0; i < series.size(); i++) {
      String label = series.get(i).label();
      entries.add(new Entry(label, Palette.series(i), 0, 30 + Painter.width(label, 13)));
    }
    if (figure.panels().stream().anyMatch(p -> p instanceof Figure.Contour)) {
      entries.add(new Entry("start", INK, 1, 20 + Painter.width("start", 13)));
      entries.add(new Entry("end", INK, 2, 20 + Painter.width("end", 13)));
    }
    List<List<Entry>> rows = new ArrayList<>();
    double used = 0;
    for (Entry e : entries) {
      if (rows.isEmpty() || used + e.width() > available) {
        rows.add(new ArrayList<>());
        used = 0;
      }
      rows.get(rows.size() - 1).add(e);
      used += e.width() + 28;
    }
    return rows;
  }

  private void drawLegend(Painter p, double top) {
    p.begin("legend", null);
    for (int r = 0; r < legendRows.size(); r++) {
      List<Entry> row = legendRows.get(r);
      double total = row.stream().mapToDouble(e -> e.width() + 28).sum() - 28;
      double x = (width - total) / 2;
      double y = top + 14 + r * LEGEND_ROW;
      for (Entry e : row) {
        switch (e.kind()) {
          case 0 -> p.line(x, y - 4, x + 22, y - 4, e.color(), 2.5);
          case 1 -> PanelRenderer.startMarker(p, x + 6, y - 4);
          default -> PanelRenderer.endMarker(p, x + 6, y - 4, MUTED);
        }
        double textX = x + (e.kind() == 0 ? 30 : 20);
        p.text(textX, y, e.label(), 13, Painter.Anchor.START, false, INK, false, "legend-entry");
        x += e.width() + 28;
      }
    }
    p.end();
  }

  /** The attributes that mark a series' path in SVG. */
  static Map<String, String> seriesAttributes(Series s, int points) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("class", "series");
    a.put("data-series", s.name());
    a.put("data-points", Integer.toString(points));
    return a;
  }

  static Map<String, String> levelAttributes(double level) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("class", "contour");
    a.put("data-level", Numbers.repr(level));
    return a;
  }
}

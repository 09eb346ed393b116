package dev.optlab.plot;

import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.List;

/** Draws one panel of a figure for files: frame, grid, ticks, labels, then the data. */
final class PanelRenderer {
  private PanelRenderer() {}

  private static final String INK = "#222222";
  private static final String TICK_INK = "#444444";
  private static final String FRAME = "#999999";
  private static final String GRID = "#e6e6e6";
  private static final String MINOR_GRID = "#f5f5f5";
  private static final double TICK_FONT = 12;

  static void draw(Painter p, Figure.Panel panel, double x0, double y0, double w, double h,
      boolean subtitled) {
    if (panel instanceof Figure.Heat heat) {
      HeatRenderer.draw(p, heat, x0, y0, w, h);
      return;
    }
    Figure.Contour contour = panel instanceof Figure.Contour c ? c : null;
    boolean hasSubtitle = subtitled && !panel.title().isEmpty();
    double top = hasSubtitle || contour != null ? 30 : 10;
    double bottom = 50;
    int maxYTicks = (int) Math.max(2, (h - top - bottom) / 45);
    Axis ax = Frame.x(panel);
    Axis ay = Frame.y(panel, maxYTicks, true);
    double[] yTicks = ay.ticks(maxYTicks);
    double labelW = 0;
    for (double t : yTicks) {
      labelW = Math.max(labelW, Painter.width(ay.label(t, maxYTicks), TICK_FONT));
    }
    double left = labelW + 44;
    double right = contour != null ? 110 : 18;
    double px = x0 + left;
    double py = y0 + top;
    double pw = w - left - right;
    double ph = h - top - bottom;
    int maxXTicks = (int) Math.max(2, pw / 90);
    double[] xTicks = ax.ticks(maxXTicks);
    p.begin("axes", null);
    if (hasSubtitle) {
      p.text(px + pw / 2, y0 + 18, panel.title(), 14, Painter.Anchor.MIDDLE, true, INK, false,
          "panel-title");
    }
    p.rect(px, py, pw, ph, "#ffffff", null);
    if (ay.log && ph / (Math.log10(ay.hi) - Math.log10(ay.lo)) >= 8) {
      // A faint line at every decade the labels skip, where decades are far enough apart.
      for (double d = Math.ceil(Math.log10(ay.lo) - 1e-9); d <= Math.log10(ay.hi) + 1e-9; d++) {
        double y = py + (1 - ay.fraction(Math.pow(10, d))) * ph;
        p.line(px, y, px + pw, y, MINOR_GRID, 1);
      }
    }
    for (double t : yTicks) {
      double y = py + (1 - ay.fraction(t)) * ph;
      p.line(px, y, px + pw, y, GRID, 1);
      p.line(px - 5, y, px, y, FRAME, 1);
      p.text(px - 8, y + 4, ay.label(t, maxYTicks), TICK_FONT, Painter.Anchor.END, false,
          TICK_INK, false, "tick");
    }
    for (double t : xTicks) {
      double x = px + ax.fraction(t) * pw;
      p.line(x, py, x, py + ph, GRID, 1);
      p.line(x, py + ph, x, py + ph + 5, FRAME, 1);
      p.text(x, py + ph + 19, ax.label(t, maxXTicks), TICK_FONT, Painter.Anchor.MIDDLE, false,
          TICK_INK, false, "tick");
    }
    p.rect(px, py, pw, ph, null, FRAME);
    p.text(px + pw / 2, py + ph + 40, Frame.xLabel(panel), 13, Painter.Anchor.MIDDLE, false, INK,
        false, "axis-label");
    p.text(x0 + 16, py + ph / 2, Frame.yLabel(panel), 13, Painter.Anchor.MIDDLE, false, INK, true,
        "axis-label");
    p.end();
    Mapper m = new Mapper(ax, ay, px, py, pw, ph);
    p.begin("data", new double[] {px, py, pw, ph});
    if (contour != null) {
      drawContours(p, contour.map(), m);
    }
    List<Series> series = panel.series();
    drawSeries(p, series, m, contour != null);
    if (contour != null) {
      for (int i = 0; i < series.size(); i++) {
        Series s = series.get(i);
        int last = s.size() - 1;
        while (last >= 0 && !s.finite(last)) {
          last--;
        }
        if (last >= 0) {
          endMarker(p, m.x(s.x()[last]), m.y(s.y()[last]), Palette.series(i));
        }
      }
      if (!series.isEmpty() && series.get(0).size() > 0 && series.get(0).finite(0)) {
        startMarker(p, m.x(series.get(0).x()[0]), m.y(series.get(0).y()[0]));
      }
    }
    p.end();
    if (contour != null) {
      colourScale(p, contour.map(), px + pw + 22, py, ph);
    }
  }

  /** Data units to pixels. */
  private record Mapper(Axis ax, Axis ay, double px, double py, double pw, double ph) {
    double x(double v) {
      return px + ax.fraction(v) * pw;
    }

    double y(double v) {
      return py + (1 - ay.fraction(v)) * ph;
    }
  }

  /** The series' points in pixels, one run per stretch of finite points. */
  private static List<double[]> runs(Series s, Mapper m) {
    List<double[]> runs = new ArrayList<>();
    double[] run = new double[2 * s.size()];
    int n = 0;
    for (int k = 0; k < s.size(); k++) {
      double x = m.x(s.x()[k]);
      double y = m.y(s.y()[k]);
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        if (n > 0) {
          runs.add(java.util.Arrays.copyOf(run, n));
        }
        n = 0;
        continue;
      }
      run[n++] = x;
      run[n++] = y;
    }
    if (n > 0) {
      runs.add(java.util.Arrays.copyOf(run, n));
    }
    return runs;
  }

  /**
   * Every series as one path. On a contour map, white halos go under all the paths first, to part
   * them from the contour lines without covering each other; short paths show their points.
   */
  private static void drawSeries(Painter p, List<Series> series, Mapper m, boolean map) {
    List<List<double[]>> all = series.stream().map(s -> runs(s, m)).toList();
    double width = map ? 2.2 : 1.8;
    if (map) {
      for (List<double[]> runs : all) {
        p.path(runs, "#ffffff", width + 2.5, java.util.Map.of("class", "halo"));
      }
    }
    for (int i = 0; i < series.size(); i++) {
      List<double[]> runs = all.get(i);
      int points = runs.stream().mapToInt(r -> r.length / 2).sum();
      String color = Palette.series(i);
      p.path(runs, color, width, FigureRenderer.seriesAttributes(series.get(i), points));
      if (points == 1) { // a marked point (a range test's suggestion): a dot, not a line
        double[] r = runs.stream().filter(run -> run.length >= 2).findFirst().orElseThrow();
        p.circle(r[0], r[1], 5, color, "#ffffff", 1.5);
      } else if (map && points <= 80) {
        for (double[] r : runs) {
          for (int k = 0; k + 1 < r.length; k += 2) {
            p.circle(r[k], r[k + 1], 2.4, color, null, 0);
          }
        }
      }
    }
  }

  private static void drawContours(Painter p, ContourMap map, Mapper m) {
    int n = map.levels().size();
    for (int i = 0; i < n; i++) {
      ContourMap.Level level = map.levels().get(i);
      List<double[]> runs = new ArrayList<>();
      for (double[] line : level.lines()) {
        double[] px = new double[line.length];
        for (int k = 0; k + 1 < line.length; k += 2) {
          px[k] = m.x(line[k]);
          px[k + 1] = m.y(line[k + 1]);
        }
        runs.add(px);
      }
      p.path(runs, Palette.contour(n == 1 ? 0.5 : (double) i / (n - 1)), 1.1,
          FigureRenderer.levelAttributes(level.value()));
    }
  }

  /** The levels as stacked bands, lowest at the bottom, each labelled with its value. */
  private static void colourScale(Painter p, ContourMap map, double x, double top, double h) {
    p.begin("colour-scale", null);
    p.text(x, top - 10, map.name(), 12, Painter.Anchor.START, true, INK, false, "scale-title");
    int n = map.levels().size();
    double band = n == 0 ? h : h / n;
    int every = n > 14 ? 2 : 1;
    for (int i = 0; i < n; i++) {
      double y = top + h - (i + 1) * band;
      p.rect(x, y, 14, band, Palette.contour(n == 1 ? 0.5 : (double) i / (n - 1)), null);
      if (i % every == 0) {
        p.text(x + 20, y + band / 2 + 4, Numbers.short6(map.levels().get(i).value()), 11,
            Painter.Anchor.START, false, TICK_INK, false, "scale-label");
      }
    }
    p.rect(x, top, 14, h, null, FRAME);
    if (map.logLevels()) {
      p.text(x, top + h + 19, "log spaced", 10, Painter.Anchor.START, false, TICK_INK, false,
          "scale-note");
    }
    p.end();
  }

  static void startMarker(Painter p, double x, double y) {
    p.circle(x, y, 6, "#ffffff", INK, 2);
  }

  static void endMarker(Painter p, double x, double y, String color) {
    p.circle(x, y, 6, color, "#ffffff", 1.5);
    p.circle(x, y, 7.2, null, INK, 1);
  }
}

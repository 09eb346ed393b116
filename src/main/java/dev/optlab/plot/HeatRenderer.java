package dev.optlab.plot;

import dev.optlab.trace.Numbers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws a {@link Figure.Heat} panel for files: a cell per pair of values, each labelled with its
 * value where it has room, the values along the axes, and the colour scale beside.
 */
final class HeatRenderer {
  private HeatRenderer() {}

  private static final String INK = "#222222";
  private static final String TICK_INK = "#444444";
  private static final String FRAME = "#999999";
  private static final double TICK_FONT = 12;

  static void draw(Painter p, Figure.Heat panel, double x0, double y0, double w, double h) {
    HeatMap map = panel.map();
    int nx = map.xs().length;
    int ny = map.ys().length;
    double labelW = 0;
    for (double y : map.ys()) {
      labelW = Math.max(labelW, Painter.width(HeatMap.compact(y), TICK_FONT));
    }
    double px = x0 + labelW + 44;
    double py = y0 + 30;
    double pw = w - (px - x0) - 110;
    double ph = h - 30 - 50;
    double cw = pw / Math.max(1, nx);
    double ch = ph / Math.max(1, ny);
    Axis colours = map.colours();
    p.begin("axes", null);
    p.rect(px, py, pw, ph, "#ffffff", null);
    int every = labelEvery(map.xs(), cw);
    for (int i = 0; i < nx; i += every) {
      double x = px + (i + 0.5) * cw;
      p.line(x, py + ph, x, py + ph + 5, FRAME, 1);
      p.text(x, py + ph + 19, HeatMap.compact(map.xs()[i]), TICK_FONT, Painter.Anchor.MIDDLE,
          false, TICK_INK, false, "tick");
    }
    int everyY = (int) Math.max(1, Math.ceil(16 / ch));
    for (int j = 0; j < ny; j += everyY) {
      double y = py + (ny - j - 0.5) * ch; // the largest value on top, as on any y axis
      p.line(px - 5, y, px, y, FRAME, 1);
      p.text(px - 8, y + 4, HeatMap.compact(map.ys()[j]), TICK_FONT, Painter.Anchor.END, false,
          TICK_INK, false, "tick");
    }
    p.text(px + pw / 2, py + ph + 40, panel.xLabel(), 13, Painter.Anchor.MIDDLE, false, INK,
        false, "axis-label");
    p.text(x0 + 16, py + ph / 2, panel.yLabel(), 13, Painter.Anchor.MIDDLE, false, INK, true,
        "axis-label");
    p.end();
    p.begin("data", new double[] {px, py, pw, ph});
    boolean diverged = false;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        if (!map.ran()[j][i]) {
          continue;
        }
        double v = map.z()[j][i];
        diverged |= Double.isNaN(v);
        double t = map.shade(colours, v);
        double x = px + i * cw;
        double y = py + (ny - 1 - j) * ch;
        p.cell(x + 0.5, y + 0.5, cw - 1, ch - 1, Double.isNaN(v) ? HeatMap.DIVERGED
            : Palette.scale(t), attributes(map, i, j));
        String text = Double.isNaN(v) ? (cw >= 64 ? "diverged" : "x") : HeatMap.compact(v);
        if (Painter.width(text, 11) + 6 <= cw && ch >= 16) {
          // light text on the dark end of the scale, dark on the light end
          p.text(x + cw / 2, y + ch / 2 + 4, text, 11, Painter.Anchor.MIDDLE, false,
              !Double.isNaN(v) && t < 0.55 ? "#ffffff" : INK, false, "cell-label");
        }
      }
    }
    p.end();
    p.rect(px, py, pw, ph, null, FRAME);
    scale(p, map, colours, px + pw + 22, py, ph, diverged);
  }

  /** Every k-th value along x, so the labels do not run into each other. */
  private static int labelEvery(double[] xs, double cw) {
    double widest = 0;
    for (double x : xs) {
      widest = Math.max(widest, Painter.width(HeatMap.compact(x), TICK_FONT));
    }
    return (int) Math.max(1, Math.ceil((widest + 8) / cw));
  }

  private static Map<String, String> attributes(HeatMap map, int i, int j) {
    Map<String, String> a = new LinkedHashMap<>();
    double v = map.z()[j][i];
    a.put("class", Double.isNaN(v) ? "cell diverged" : "cell");
    a.put("data-x", Numbers.repr(map.xs()[i]));
    a.put("data-y", Numbers.repr(map.ys()[j]));
    a.put("data-value", Numbers.repr(v));
    return a;
  }

  /** The colour scale: the ramp from its low end at the bottom, round values beside it. */
  private static void scale(Painter p, HeatMap map, Axis colours, double x, double top, double h,
      boolean diverged) {
    p.begin("colour-scale", null);
    p.text(x, top - 10, map.name(), 12, Painter.Anchor.START, true, INK, false, "scale-title");
    int bands = 48;
    for (int b = 0; b < bands; b++) {
      p.rect(x, top + h - (b + 1) * h / bands, 14, h / bands + 0.5,
          Palette.scale((b + 0.5) / bands), null);
    }
    p.rect(x, top, 14, h, null, FRAME);
    for (double t : colours.ticks(6)) {
      double y = top + (1 - colours.fraction(t)) * h;
      p.line(x + 14, y, x + 18, y, FRAME, 1);
      p.text(x + 21, y + 4, colours.label(t, 6), 11, Painter.Anchor.START, false, TICK_INK,
          false, "scale-label");
    }
    double below = top + h + 19;
    if (map.logZ()) {
      p.text(x, below, "log scale", 10, Painter.Anchor.START, false, TICK_INK, false,
          "scale-note");
      below += 16;
    }
    if (diverged) {
      p.rect(x, below - 9, 10, 10, HeatMap.DIVERGED, FRAME);
      p.text(x + 14, below, "diverged", 10, Painter.Anchor.START, false, TICK_INK, false,
          "scale-note");
    }
    p.end();
  }
}

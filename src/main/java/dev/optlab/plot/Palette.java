package dev.optlab.plot;

/**
 * Colours. Series take Tableau's ten categorical colours (matplotlib's defaults, chosen to stay
 * distinct from each other and for most colour-blind readers), in order; the terminal shows the
 * nearest of xterm's 256 colours. Contour levels run along a viridis-like scale, stopping short of
 * its pale yellow end, which vanishes on white.
 */
final class Palette {
  private Palette() {}

  private static final String[] SERIES = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
      "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

  /** Characters that tell series apart where there is no colour. */
  static final String GLYPHS = "*ox#%@&=~$";

  /** Viridis at 0, 0.25, 0.5, 0.75 and 0.9. */
  private static final int[][] SCALE = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140},
      {94, 201, 98}, {189, 223, 38}};

  static String series(int i) {
    return SERIES[i % SERIES.length];
  }

  static char glyph(int i) {
    return GLYPHS.charAt(i % GLYPHS.length());
  }

  /** The scale's colour at {@code t} in [0, 1]. */
  static String scale(double t) {
    int[] rgb = scaleRgb(t);
    return String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  }

  /** The scale lightened a quarter towards white: contours stay behind the paths drawn on them. */
  static String contour(double t) {
    int[] rgb = scaleRgb(t);
    for (int c = 0; c < 3; c++) {
      rgb[c] = (int) Math.round(rgb[c] + 0.25 * (255 - rgb[c]));
    }
    return String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  }

  static int[] scaleRgb(double t) {
    t = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (SCALE.length - 1);
    int i = Math.min((int) t, SCALE.length - 2);
    double f = t - i;
    int[] rgb = new int[3];
    for (int c = 0; c < 3; c++) {
      rgb[c] = (int) Math.round(SCALE[i][c] + f * (SCALE[i + 1][c] - SCALE[i][c]));
    }
    return rgb;
  }

  /** The xterm-256 colour nearest to {@code #rrggbb}, from the 6x6x6 cube or the grey ramp. */
  static int ansi256(String hex) {
    int r = Integer.parseInt(hex.substring(1, 3), 16);
    int g = Integer.parseInt(hex.substring(3, 5), 16);
    int b = Integer.parseInt(hex.substring(5, 7), 16);
    int[] levels = {0, 95, 135, 175, 215, 255};
    int ri = nearest(levels, r);
    int gi = nearest(levels, g);
    int bi = nearest(levels, b);
    int cube = 16 + 36 * ri + 6 * gi + bi;
    double cubeDist = dist(r, g, b, levels[ri], levels[gi], levels[bi]);
    int grey = Math.max(0, Math.min(23, (int) Math.round(((r + g + b) / 3.0 - 8) / 10)));
    int gv = 8 + 10 * grey;
    return dist(r, g, b, gv, gv, gv) < cubeDist ? 232 + grey : cube;
  }

  /** An xterm-256 grey from 0 (dark) to 1 (light). */
  static int ansiGrey(double t) {
    return 232 + (int) Math.round(Math.max(0, Math.min(1, t)) * 23);
  }

  private static int nearest(int[] levels, int v) {
    int best = 0;
    for (int i = 1; i < levels.length; i++) {
      if (Math.abs(levels[i] - v) < Math.abs(levels[best] - v)) {
        best = i;
      }
    }
    return best;
  }

  private static double dist(int r, int g, int b, int r2, int g2, int b2) {
    return Math.pow(r - r2, 2) + Math.pow(g - g2, 2) + Math.pow(b - b2, 2);
  }
}

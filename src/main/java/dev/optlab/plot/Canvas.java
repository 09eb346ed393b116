package dev.optlab.plot;

/**
 * A character grid to draw lines on in the terminal. With braille, each cell is a 2x4 block of
 * dots (U+2800..U+28FF), so a line is eight times finer than the text; without it, each cell is
 * one dot drawn as the series' own character, which tells series apart where there is no colour.
 * A cell takes the colour of the last series that touched it.
 */
final class Canvas {
  /** Bit of the braille dot at column {@code x} (0-1) and row {@code y} (0-3) of a cell. */
  private static final int[][] BITS = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

  static final int NO_COLOR = -1;

  final int cols;
  final int rows;
  final boolean braille;
  private final int[] dots;
  private final int[] colors;
  private final char[] chars;

  Canvas(int cols, int rows, boolean braille) {
    this.cols = cols;
    this.rows = rows;
    this.braille = braille;
    this.dots = new int[cols * rows];
    this.colors = new int[cols * rows];
    this.chars = new char[cols * rows];
    java.util.Arrays.fill(colors, NO_COLOR);
  }

  /** Width in dots. */
  int width() {
    return cols * (braille ? 2 : 1);
  }

  /** Height in dots; dot row 0 is the top. */
  int height() {
    return rows * (braille ? 4 : 1);
  }

  void dot(int x, int y, int color, char glyph) {
    if (x < 0 || y < 0 || x >= width() || y >= height()) {
      return;
    }
    int cell = braille ? (y / 4) * cols + x / 2 : y * cols + x;
    if (braille) {
      dots[cell] |= BITS[x % 2][y % 4];
    } else {
      chars[cell] = glyph;
    }
    colors[cell] = color;
  }

  /** A straight line between two points in dot coordinates, clipped to the canvas. */
  void line(double x0, double y0, double x1, double y1, int color, char glyph) {
    double[] c = clip(x0, y0, x1, y1, -0.5, -0.5, width() - 0.5, height() - 0.5);
    if (c == null) {
      return;
    }
    double dx = c[2] - c[0];
    double dy = c[3] - c[1];
    int n = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
    for (int k = 0; k <= n; k++) {
      double t = n == 0 ? 0 : (double) k / n;
      dot((int) Math.round(c[0] + t * dx), (int) Math.round(c[1] + t * dy), color, glyph);
    }
  }

  /** Puts a character in the cell holding dot {@code (x, y)}, over whatever was drawn there. */
  void mark(int x, int y, char ch, int color) {
    if (x < 0 || y < 0 || x >= width() || y >= height()) {
      return;
    }
    int cell = braille ? (y / 4) * cols + x / 2 : y * cols + x;
    chars[cell] = ch;
    colors[cell] = color;
  }

  /** One row of text; with {@code ansi}, coloured cells carry xterm-256 colour codes. */
  String row(int r, boolean ansi) {
    StringBuilder sb = new StringBuilder();
    int current = NO_COLOR;
    for (int c = 0; c < cols; c++) {
      int cell = r * cols + c;
      char ch = chars[cell] != 0 ? chars[cell]
          : braille && dots[cell] != 0 ? (char) (0x2800 + dots[cell]) : ' ';
      int color = ch == ' ' ? NO_COLOR : colors[cell];
      if (ansi && color != current) {
        sb.append(color == NO_COLOR ? Ansi.RESET : Ansi.fg(color));
        current = color;
      }
      sb.append(ch);
    }
    if (ansi && current != NO_COLOR) {
      sb.append(Ansi.RESET);
    }
    return sb.toString();
  }

  /** Liang-Barsky: the part of a segment inside a rectangle, or null. */
  static double[] clip(double x0, double y0, double x1, double y1, double xmin, double ymin,
      double xmax, double ymax) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    double t0 = 0;
    double t1 = 1;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - xmin, xmax - x0, y0 - ymin, ymax - y0};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return null;
        }
        continue;
      }
      double t = q[i] / p[i];
      if (p[i] < 0) {
        t0 = Math.max(t0, t);
      } else {
        t1 = Math.min(t1, t);
      }
      if (t0 > t1) {
        return null;
      }
    }
    return new double[] {x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
  }
}

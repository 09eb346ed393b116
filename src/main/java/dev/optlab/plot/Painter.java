package dev.optlab.plot;

import java.util.List;
import java.util.Map;

/**
 * What {@link FigureRenderer} draws with, so SVG and PNG come from one layout and show the same
 * picture. Coordinates are pixels from the top left; colours are {@code #rrggbb}. The attributes
 * of {@link #path} and the class names only mark up SVG (for tests and for people editing the
 * file); Java2D ignores them.
 */
interface Painter {
  /** How text is placed against its x: its start, middle or end. */
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  /** Starts a group of elements; {@code clip} (x, y, w, h), if not null, clips it. */
  void begin(String cls, double[] clip);

  void end();

  /** Lines through {@code x0, y0, x1, y1, ...}, one per run, as one element. */
  void path(List<double[]> runs, String color, double width, Map<String, String> attributes);

  void line(double x1, double y1, double x2, double y2, String color, double width);

  /** A rectangle; {@code fill} or {@code stroke} may be null for none. */
  void rect(double x, double y, double w, double h, String fill, String stroke);

  /** A filled rectangle that stands for data (a heat map's cell), marked up like a path. */
  default void cell(double x, double y, double w, double h, String fill,
      Map<String, String> attributes) {
    rect(x, y, w, h, fill, null);
  }

  void circle(double cx, double cy, double r, String fill, String stroke, double strokeWidth);

  /**
   * Text with its baseline at {@code y}; {@code vertical} turns it to read upwards about
   * {@code (x, y)}.
   */
  void text(double x, double y, String text, double size, Anchor anchor, boolean bold,
      String color, boolean vertical, String cls);

  /** About how wide {@code text} is at {@code size}: for layout, the same for every painter. */
  static double width(String text, double size) {
    return text.length() * size * 0.62;
  }
}

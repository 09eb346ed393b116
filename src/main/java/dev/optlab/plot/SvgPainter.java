package dev.optlab.plot;

import dev.optlab.io.Xml;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes SVG 1.1 text: one element per call, coordinates to two decimals. */
final class SvgPainter implements Painter {
  private final StringBuilder sb = new StringBuilder(1 << 16);
  private final String idPrefix;
  private int clips;

  SvgPainter(int width, int height, String title) {
    this(width, height, title, "", true);
  }

  /**
   * @param idPrefix put before every id the picture defines, so that pictures inlined in one
   *     HTML page (where ids are shared) keep their own clip paths
   * @param declaration whether to start with the XML declaration (a file does, an inlined
   *     picture does not)
   */
  SvgPainter(int width, int height, String title, String idPrefix, boolean declaration) {
    this.idPrefix = idPrefix;
    if (declaration) {
      sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
        .append(' ').append(height).append("\" font-family=\"DejaVu Sans, Helvetica, Arial, ")
        .append("sans-serif\">\n<title>").append(escape(title)).append("</title>\n");
  }

  String finish() {
    return sb.append("</svg>\n").toString();
  }

  @Override
  public void begin(String cls, double[] clip) {
    if (clip != null) {
      String id = idPrefix + "clip" + (++clips);
      sb.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(clip[0]))
          .append("\" y=\"").append(n(clip[1])).append("\" width=\"").append(n(clip[2]))
          .append("\" height=\"").append(n(clip[3])).append("\"/></clipPath>\n");
      sb.append("<g class=\"").append(cls).append("\" clip-path=\"url(#").append(id)
          .append(")\">\n");
    } else {
      sb.append("<g class=\"").append(cls).append("\">\n");
    }
  }

  @Override
  public void end() {
    sb.append("</g>\n");
  }

  @Override
  public void path(List<double[]> runs, String color, double width,
      Map<String, String> attributes) {
    sb.append("<path");
    attributes.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(escape(v))
        .append('"'));
    sb.append(" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"")
        .append(n(width)).append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\" d=\"");
    for (double[] run : runs) {
      for (int k = 0; k + 1 < run.length; k += 2) {
        sb.append(k == 0 ? 'M' : 'L').append(n(run[k])).append(',').append(n(run[k + 1]));
      }
    }
    sb.append("\"/>\n");
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String color, double width) {
    sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"")
        .append(n(x2)).append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(color)
        .append("\" stroke-width=\"").append(n(width)).append("\"/>\n");
  }

  @Override
  public void rect(double x, double y, double w, double h, String fill, String stroke) {
    sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
        .append(n(w)).append("\" height=\"").append(n(h)).append("\" fill=\"")
        .append(fill == null ? "none" : fill).append('"');
    if (stroke != null) {
      sb.append(" stroke=\"").append(stroke).append('"');
    }
    sb.append("/>\n");
  }

  @Override
  public void cell(double x, double y, double w, double h, String fill,
      Map<String, String> attributes) {
    sb.append("<rect");
    attributes.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(escape(v))
        .append('"'));
    sb.append(" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
        .append(n(w)).append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill)
        .append("\"/>\n");
  }

  @Override
  public void circle(double cx, double cy, double r, String fill, String stroke,
      double strokeWidth) {
    sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"")
        .append(n(r)).append("\" fill=\"").append(fill == null ? "none" : fill).append('"');
    if (stroke != null) {
      sb.append(" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(strokeWidth))
          .append('"');
    }
    sb.append("/>\n");
  }

  @Override
  public void text(double x, double y, String text, double size, Anchor anchor, boolean bold,
      String color, boolean vertical, String cls) {
    sb.append("<text class=\"").append(cls).append("\" x=\"").append(n(x)).append("\" y=\"")
        .append(n(y)).append("\" font-size=\"").append(n(size)).append("\" fill=\"")
        .append(color).append('"');
    if (anchor != Anchor.START) {
      sb.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
    }
    if (bold) {
      sb.append(" font-weight=\"bold\"");
    }
    if (vertical) {
      sb.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
    }
    sb.append('>').append(escape(text)).append("</text>\n");
  }

  private static String n(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    if (s.endsWith(".00")) {
      s = s.substring(0, s.length() - 3);
    } else if (s.endsWith("0")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.equals("-0") ? "0" : s;
  }

  static String escape(String s) {
    return Xml.escape(s);
  }
}

package dev.optlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Draws on a Java2D image, antialiased, for PNG files. */
final class Java2dPainter implements Painter {
  private final BufferedImage image;
  private final Graphics2D g;
  private final Deque<Shape> clips = new ArrayDeque<>();

  Java2dPainter(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
        RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
  }

  BufferedImage finish() {
    g.dispose();
    return image;
  }

  @Override
  public void begin(String cls, double[] clip) {
    clips.push(g.getClip() == null ? new Rectangle2D.Double(0, 0, image.getWidth(),
        image.getHeight()) : g.getClip());
    if (clip != null) {
      g.clip(new Rectangle2D.Double(clip[0], clip[1], clip[2], clip[3]));
    }
  }

  @Override
  public void end() {
    g.setClip(clips.pop());
  }

  @Override
  public void path(List<double[]> runs, String color, double width,
      Map<String, String> attributes) {
    Path2D.Double p = new Path2D.Double();
    for (double[] run : runs) {
      for (int k = 0; k + 1 < run.length; k += 2) {
        if (k == 0) {
          p.moveTo(run[k], run[k + 1]);
        } else {
          p.lineTo(run[k], run[k + 1]);
        }
      }
    }
    g.setColor(color(color));
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(p);
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String color, double width) {
    g.setColor(color(color));
    g.setStroke(new BasicStroke((float) width));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void rect(double x, double y, double w, double h, String fill, String stroke) {
    Rectangle2D.Double r = new Rectangle2D.Double(x, y, w, h);
    if (fill != null) {
      g.setColor(color(fill));
      g.fill(r);
    }
    if (stroke != null) {
      g.setColor(color(stroke));
      g.setStroke(new BasicStroke(1f));
      g.draw(r);
    }
  }

  @Override
  public void circle(double cx, double cy, double r, String fill, String stroke,
      double strokeWidth) {
    Ellipse2D.Double e = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
    if (fill != null) {
      g.setColor(color(fill));
      g.fill(e);
    }
    if (stroke != null) {
      g.setColor(color(stroke));
      g.setStroke(new BasicStroke((float) strokeWidth));
      g.draw(e);
    }
  }

  @Override
  public void text(double x, double y, String text, double size, Anchor anchor, boolean bold,
      String color, boolean vertical, String cls) {
    Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    g.setFont(font);
    g.setColor(color(color));
    double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
    double dx = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -w / 2 : -w;
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    if (vertical) {
      g.rotate(-Math.PI / 2);
    }
    g.drawString(text, (float) dx, 0f);
    g.setTransform(saved);
  }

  private static Color color(String hex) {
    return new Color(Integer.parseInt(hex.substring(1), 16));
  }
}

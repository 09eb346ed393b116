package dev.optlab.plot;

import dev.optlab.io.WholeFile;
import dev.optlab.plan.PlotPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes a figure as SVG or PNG. The picture is rendered in memory, written to a hidden temporary
 * file beside the target and moved into place, so the file is whole or not there at all.
 */
public final class PlotFiles {
  private PlotFiles() {}

  public static String svg(Figure figure) {
    FigureRenderer r = new FigureRenderer(figure);
    SvgPainter p = new SvgPainter(r.width, r.height, figure.title());
    r.draw(p);
    return p.finish();
  }

  /**
   * The figure as an {@code <svg>} element to put inside an HTML page: no XML declaration, and
   * every id it defines starts with {@code idPrefix}, so several pictures can share a page.
   */
  public static String inlineSvg(Figure figure, String idPrefix) {
    FigureRenderer r = new FigureRenderer(figure);
    SvgPainter p = new SvgPainter(r.width, r.height, figure.title(), idPrefix, false);
    r.draw(p);
    return p.finish();
  }

  public static byte[] png(Figure figure) throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // no window system is needed, or wanted
    }
    FigureRenderer r = new FigureRenderer(figure);
    Java2dPainter p = new Java2dPainter(r.width, r.height);
    r.draw(p);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(p.finish(), "png", bytes);
    return bytes.toByteArray();
  }

  public static void write(Figure figure, Path target, PlotPlan.Format format)
      throws IOException {
    byte[] bytes = format == PlotPlan.Format.SVG ? svg(figure).getBytes(StandardCharsets.UTF_8)
        : png(figure);
    WholeFile.write(target, bytes);
  }


}

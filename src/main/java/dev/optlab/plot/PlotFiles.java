package dev.optlab.plot;

import dev.optlab.plan.PlotPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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

  /**
   * A temporary file is private to its owner; the picture should get the permissions of the
   * file it replaces, or rw-r--r-- (what the usual umask gives a new file).
   */
  private static void readableByAll(Path temp, Path target) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView("posix")) {
      return;
    }
    Files.setPosixFilePermissions(temp, Files.exists(target)
        ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
  }

  public static void write(Figure figure, Path target, PlotPlan.Format format)
      throws IOException {
    byte[] bytes = format == PlotPlan.Format.SVG ? svg(figure).getBytes(StandardCharsets.UTF_8)
        : png(figure);
    writeWhole(target, bytes);
  }

  /**
   * Writes {@code bytes} to {@code target} whole or not at all: to a hidden temporary file beside
   * it, then moved into place. A new file gets rw-r--r--, a replaced one keeps its permissions.
   */
  public static void writeWhole(Path target, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(target.toAbsolutePath().getParent(),
        "." + target.getFileName(), ".part");
    try {
      Files.write(temp, bytes);
      readableByAll(temp, target);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}

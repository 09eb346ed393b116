package dev.optlab.plot;

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

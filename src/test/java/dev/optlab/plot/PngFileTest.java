package dev.optlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG files decode, at the size each kind of figure has. */
class PngFileTest {
  @TempDir Path dir;

  private BufferedImage plot(String statement, String file) throws Exception {
    Path png = dir.resolve(file);
    Scripts r = Scripts.run(SvgFileTest.ROSENBROCK + statement + " to " + Scripts.quote(png));
    assertEquals(0, r.code(), r.err());
    return ImageIO.read(png.toFile());
  }

  @Test
  void aLossPlotIsOnePanelWide() throws Exception {
    BufferedImage image = plot("plot compare sgd, adam on rosenbrock for 100 steps", "a.png");
    assertEquals(2 * FigureRenderer.MARGIN + FigureRenderer.LINES_W, image.getWidth());
    assertEquals(672, image.getWidth());
    assertEquals(500, image.getHeight()); // title 40, panel 420, one legend row 24, margin 16
    assertNotEquals(0xffffff, image.getRGB(300, 200) & 0xffffff, "blank?"); // not all white
  }

  @Test
  void withLrSetsTheLearningRateBesideTheLoss() throws Exception {
    BufferedImage image = plot("plot compare sgd, adam on rosenbrock for 100 steps with lr",
        "b.png");
    assertEquals(672 + FigureRenderer.GAP + FigureRenderer.SECOND_W, image.getWidth());
    assertEquals(500, image.getHeight());
  }

  @Test
  void aContourMapIsTallerAndHasRoomForItsScale() throws Exception {
    BufferedImage image = plot("plot paths sgd, adam on rosenbrock for 100 steps", "c.png");
    assertEquals(2 * FigureRenderer.MARGIN + FigureRenderer.CONTOUR_W, image.getWidth());
    assertEquals(40 + FigureRenderer.CONTOUR_H + 24 + 16, image.getHeight());
  }

  @Test
  void extensionsAreMatchedIgnoringCase() throws Exception {
    BufferedImage image = plot("plot run sgd on rosenbrock for 10 steps", "D.PNG");
    assertEquals(672, image.getWidth());
  }
}

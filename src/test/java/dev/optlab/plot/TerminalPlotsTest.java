package dev.optlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal canvas draws small known plots to exact text, in braille and in ASCII. */
class TerminalPlotsTest {
  private static final TerminalStyle BRAILLE = new TerminalStyle(30, 10, true, false);
  private static final TerminalStyle ASCII = new TerminalStyle(30, 10, false, false);

  static Series line() {
    return new Series("line", new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, 2, 3, 4});
  }

  static Series parabola() {
    double[] x = new double[21];
    double[] y = new double[21];
    for (int i = 0; i <= 20; i++) {
      x[i] = i / 10.0 - 1;
      y[i] = x[i] * x[i];
    }
    return new Series("parabola", x, y);
  }

  static List<Series> crossing() {
    return List.of(new Series("up", new double[] {0, 10}, new double[] {0, 10}),
        new Series("down", new double[] {0, 10}, new double[] {10, 0}));
  }

  static String draw(List<Series> series, TerminalStyle style) {
    return TerminalPlots.render(new Figure("", List.of(
        new Figure.Lines("", "x", "y", series, false, false))), style);
  }

  @Test
  void straightLineInBraille() {
    assertEquals("""
        y
        4 ┤                    ⣀⠤⠒⠉
          │                ⣀⠤⠒⠉
          │            ⣀⠤⠒⠉
        2 ┤        ⣀⠤⠒⠉⠁
          │    ⣀⠤⠒⠉
        0 ┤⣀⠤⠒⠉
          └┬───────────┬──────────┬
           0           2          4  x
          ━━ line
        """, draw(List.of(line()), BRAILLE));
  }

  @Test
  void straightLineInAscii() {
    assertEquals("""
        y
        4 +                     ***
          |                *****
          |            ****
        2 +        *****
          |   *****
        0 +***
          ++-----------+----------+
           0           2          4  x
          * line
        """, draw(List.of(line()), ASCII));
  }

  @Test
  void parabolaInBraille() {
    assertEquals("""
        y
        1.0 ┤⢣⡀                  ⢀⡜
            │ ⠱⡀                ⢀⠎
            │  ⠱⡀              ⢀⠎
        0.5 ┤   ⠑⢄            ⡠⠊
            │    ⠈⠱⣀        ⣀⠎⠁
          0 ┤       ⠑⠦⢄⣀⣀⡠⠴⠊
            └┬──────────┬─────────┬
            -1          0         1  x
          ━━ parabola
        """, draw(List.of(parabola()), BRAILLE));
  }

  @Test
  void parabolaInAscii() {
    assertEquals("""
        y
        1.0 +**                  **
            | **                **
            |  **              **
        0.5 +   ***          ***
            |     ***      ***
          0 +       ********
            ++----------+---------+
            -1          0         1  x
          * parabola
        """, draw(List.of(parabola()), ASCII));
  }

  @Test
  void crossingLinesInBraille() {
    assertEquals("""
        y
        10 ┤⠑⠢⢄⡀               ⢀⡠⠔⠊
           │   ⠈⠑⠢⢄⡀       ⢀⡠⠔⠊⠁
           │       ⠈⠑⠢⢄⣀⡠⠔⠊⠁
         5 ┤       ⢀⡠⠔⠊⠉⠑⠢⢄⡀
           │   ⢀⡠⠔⠊⠁       ⠈⠑⠢⢄⡀
         0 ┤⡠⠔⠊⠁               ⠈⠑⠢⢄
           └┬──────────┬──────────┬
            0          5         10  x
          ━━ up   ━━ down
        """, draw(crossing(), BRAILLE));
  }

  /** Without colour, each series has its own character; where they cross, the later one wins. */
  @Test
  void crossingLinesInAscii() {
    assertEquals("""
        y
        10 +ooo                 ***
           |   oooo         ****
           |       oooo ****
         5 +       ****ooooo
           |   ****         oooo
         0 +***                 ooo
           ++----------+----------+
            0          5         10  x
          * up   o down
        """, draw(crossing(), ASCII));
  }

  @Test
  void colourWrapsEachSeriesInItsXtermColourAndOtherwiseDrawsTheSame() {
    TerminalStyle colour = new TerminalStyle(30, 10, true, true);
    String drawn = draw(crossing(), colour);
    assertTrue(drawn.contains(Ansi.fg(Palette.ansi256(Palette.series(0)))), drawn);
    assertTrue(drawn.contains(Ansi.fg(Palette.ansi256(Palette.series(1)))), drawn);
    assertEquals(draw(crossing(), BRAILLE), drawn.replaceAll("\u001b\\[[0-9;]*m", ""));
  }

  @Test
  void theReplsLossPlotIsLogWhenLossesSpanDecadesAndFillsTheSizeAsked() {
    Series fast = new Series("fast", new double[] {0, 10, 20}, new double[] {1, 1e-3, 1e-6});
    Series slow = new Series("slow", new double[] {0, 10, 20}, new double[] {1, 0.5, 0.25});
    String plot = TerminalPlots.lossPlot(List.of(fast, slow), 60, 14, false);
    List<String> lines = plot.lines().toList();
    assertEquals(14, lines.size(), plot);
    assertEquals("loss (log scale)", lines.get(0));
    assertTrue(lines.stream().allMatch(l -> l.length() <= 60), plot);
    assertTrue(plot.contains("1e-6") && plot.contains("0.01"), plot);
    assertEquals("  * fast   o slow", lines.get(13));
  }
}

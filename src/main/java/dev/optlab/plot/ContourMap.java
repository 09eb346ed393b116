package dev.optlab.plot;

import java.util.List;

/**
 * The contour lines of a two-parameter function over a rectangle, computed by {@link Contours}.
 *
 * @param name the function's name, the title of the colour scale
 * @param logLevels whether the levels are spaced by ratio rather than by difference, as they
 *     are for a function that is small on a little of the map and huge on the rest (Rosenbrock)
 */
public record ContourMap(String name, double xLo, double xHi, double yLo, double yHi,
    List<Level> levels, boolean logLevels) {
  public ContourMap {
    levels = List.copyOf(levels);
  }

  /**
   * The lines where the function equals {@code value}: each line is {@code x0, y0, x1, y1, ...}
   * in data units; a closed line ends where it began.
   */
  public record Level(double value, List<double[]> lines) {
    public Level {
      lines = List.copyOf(lines);
    }
  }
}

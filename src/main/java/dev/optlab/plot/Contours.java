package dev.optlab.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * Contour lines by marching squares: the function is sampled on a grid, each grid cell's
 * crossings of a level are joined into segments (a saddle cell is decided by its centre's
 * average), and segments sharing a cell edge are chained into lines. Cells with a non-finite
 * corner are skipped, so a function undefined on part of the map leaves a gap, not garbage.
 */
final class Contours {
  private Contours() {}

  /** Grid points along each side: fine enough for smooth lines, cheap for compiled functions. */
  static final int GRID = 201;

  static ContourMap map(String name, DoubleBinaryOperator f, double xLo, double xHi, double yLo,
      double yHi) {
    double[] xs = linspace(xLo, xHi, GRID);
    double[] ys = linspace(yLo, yHi, GRID);
    double[][] z = new double[GRID][GRID];
    for (int j = 0; j < GRID; j++) {
      for (int i = 0; i < GRID; i++) {
        double v = f.applyAsDouble(xs[i], ys[j]);
        z[j][i] = Double.isFinite(v) ? v : Double.NaN;
      }
    }
    Levels levels = Levels.choose(z);
    List<ContourMap.Level> lines = new ArrayList<>();
    for (double level : levels.values()) {
      lines.add(new ContourMap.Level(level, trace(xs, ys, z, level)));
    }
    return new ContourMap(name, xLo, xHi, yLo, yHi, lines, levels.log());
  }

  static double[] linspace(double lo, double hi, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
    }
    return v;
  }

  /** The lines where {@code z} (indexed {@code [y][x]}) crosses {@code level}. */
  static List<double[]> trace(double[] xs, double[] ys, double[][] z, double level) {
    int nx = xs.length;
    List<long[]> segs = new ArrayList<>(); // edge keys of each segment's two ends
    Map<Long, double[]> points = new HashMap<>();
    for (int j = 0; j + 1 < ys.length; j++) {
      for (int i = 0; i + 1 < nx; i++) {
        double a = z[j][i];
        double b = z[j][i + 1];
        double c = z[j + 1][i + 1];
        double d = z[j + 1][i];
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
          continue;
        }
        int kase = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0)
            | (d >= level ? 8 : 0);
        boolean centreAbove = (a + b + c + d) / 4 >= level;
        for (int[] pair : edgePairs(kase, centreAbove)) {
          long[] keys = new long[2];
          for (int e = 0; e < 2; e++) {
            keys[e] = edgeKey(i, j, pair[e], nx);
            points.computeIfAbsent(keys[e], k -> crossing(xs, ys, z, k, nx, level));
          }
          segs.add(keys);
        }
      }
    }
    return chain(segs, points);
  }

  private static final int[][] NONE = {};

  /** The cell edges (0 bottom, 1 right, 2 top, 3 left) each segment of a cell joins. */
  private static int[][] edgePairs(int kase, boolean centreAbove) {
    return switch (kase) {
      case 1, 14 -> new int[][] {{3, 0}};
      case 2, 13 -> new int[][] {{0, 1}};
      case 3, 12 -> new int[][] {{3, 1}};
      case 4, 11 -> new int[][] {{1, 2}};
      case 6, 9 -> new int[][] {{0, 2}};
      case 7, 8 -> new int[][] {{3, 2}};
      case 5 -> centreAbove ? new int[][] {{0, 1}, {3, 2}} : new int[][] {{3, 0}, {1, 2}};
      case 10 -> centreAbove ? new int[][] {{3, 0}, {1, 2}} : new int[][] {{0, 1}, {3, 2}};
      default -> NONE;
    };
  }

  /** A key shared by the two cells on either side of an edge: horizontal edges even, vertical odd. */
  private static long edgeKey(int i, int j, int edge, int nx) {
    return switch (edge) {
      case 0 -> 2L * (j * (long) nx + i);
      case 2 -> 2L * ((j + 1) * (long) nx + i);
      case 3 -> 2L * (j * (long) nx + i) + 1;
      default -> 2L * (j * (long) nx + i + 1) + 1;
    };
  }

  private static double[] crossing(double[] xs, double[] ys, double[][] z, long key, int nx,
      double level) {
    long cell = key / 2;
    int i = (int) (cell % nx);
    int j = (int) (cell / nx);
    boolean vertical = key % 2 == 1;
    double z0 = z[j][i];
    double z1 = vertical ? z[j + 1][i] : z[j][i + 1];
    double t = z1 == z0 ? 0.5 : (level - z0) / (z1 - z0);
    return vertical ? new double[] {xs[i], ys[j] + t * (ys[j + 1] - ys[j])}
        : new double[] {xs[i] + t * (xs[i + 1] - xs[i]), ys[j]};
  }

  /** Chains segments that share an edge into lines: open ones from their free ends, then loops. */
  private static List<double[]> chain(List<long[]> segs, Map<Long, double[]> points) {
    Map<Long, List<Integer>> byEdge = new HashMap<>();
    for (int s = 0; s < segs.size(); s++) {
      for (long k : segs.get(s)) {
        byEdge.computeIfAbsent(k, x -> new ArrayList<>(2)).add(s);
      }
    }
    boolean[] used = new boolean[segs.size()];
    List<double[]> lines = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      for (int s = 0; s < segs.size(); s++) {
        if (used[s]) {
          continue;
        }
        long[] ends = segs.get(s);
        long start = byEdge.get(ends[0]).size() == 1 ? ends[0]
            : byEdge.get(ends[1]).size() == 1 ? ends[1] : Long.MIN_VALUE;
        if (pass == 0 && start == Long.MIN_VALUE) {
          continue; // part of a loop: wait until every open line is taken
        }
        lines.add(walk(s, start == Long.MIN_VALUE ? ends[0] : start, segs, byEdge, points, used));
      }
    }
    return lines;
  }

  private static double[] walk(int s, long from, List<long[]> segs, Map<Long, List<Integer>> byEdge,
      Map<Long, double[]> points, boolean[] used) {
    double[] out = new double[16];
    int n = 0;
    long key = from;
    out = append(out, n, points.get(key));
    n += 2;
    for (int cur = s; cur >= 0; ) {
      used[cur] = true;
      long[] ends = segs.get(cur);
      key = ends[0] == key ? ends[1] : ends[0];
      out = append(out, n, points.get(key));
      n += 2;
      int next = -1;
      for (int t : byEdge.get(key)) {
        if (!used[t]) {
          next = t;
        }
      }
      cur = next;
    }
    return Arrays.copyOf(out, n);
  }

  private static double[] append(double[] out, int n, double[] p) {
    if (n + 2 > out.length) {
      out = Arrays.copyOf(out, out.length * 2);
    }
    out[n] = p[0];
    out[n + 1] = p[1];
    return out;
  }
}

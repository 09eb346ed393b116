package dev.optlab.plan;

import dev.optlab.schedule.ScheduleSpec;
import dev.optlab.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A checked {@code plot} statement, decided before anything runs: the run to watch (an ordinary
 * {@link ExecutionPlan}), or the schedules to step, and where the picture goes.
 */
public sealed interface PlotPlan {
  Span span();

  /** The file to write, or null to show the picture in the terminal. */
  Target file();

  /** {@code plot run ...} / {@code plot compare ...}: loss (and lr) against step. */
  record Curves(ExecutionPlan run, boolean withLr, boolean logSteps, Target file, Span span)
      implements PlotPlan {}

  /** {@code plot schedule A, B for N steps}: each schedule's lr, no optimizer run. */
  record ScheduleCurves(List<NamedSchedule> schedules, long steps, long every, Target file,
      Span span) implements PlotPlan {
    public ScheduleCurves {
      schedules = List.copyOf(schedules);
    }
  }

  /**
   * A schedule to preview from base learning rate {@code lr} (and momentum, for the schedules
   * that cycle it).
   */
  record NamedSchedule(String name, ScheduleSpec spec, double lr, double momentum) {}

  /**
   * {@code plot paths ...}: a two-parameter objective's contour map with each optimizer's path.
   *
   * @param x the map's range along the first parameter, or null to fit the paths
   * @param y the same for the second
   */
  record Paths(ExecutionPlan run, Range x, Range y, Target file, Span span) implements PlotPlan {}

  /** {@code plot lrfind ...}: the range test, drawn as smoothed loss against lr. */
  record LrFind(LrFindPlan test, Target file, Span span) implements PlotPlan {}

  /**
   * {@code plot sweep ...}: the sweep, and how its columns are drawn (docs/plots.md, "plot
   * sweep"), decided when it is checked.
   *
   * @param x the column across: the first numeric one
   * @param logX whether that axis is logarithmic
   * @param heatY the column up of a heat map (the second numeric one), or -1 for lines
   * @param groups the columns whose values tell the lines apart (one line per combination)
   */
  record Sweep(SweepPlan sweep, int x, boolean logX, int heatY, List<Integer> groups,
      Target file, Span span) implements PlotPlan {
    public Sweep {
      groups = List.copyOf(groups);
    }
  }

  /** {@code lo to hi}, {@code lo < hi}. */
  record Range(double lo, double hi) {}

  /**
   * {@code to "FILE"}: an absolute path already checked to be writable.
   *
   * @param written the path as the script wrote it, for messages
   */
  record Target(Path path, Format format, String written, Span span) {}

  enum Format {
    SVG,
    PNG;

    /** The format a file name's extension asks for, ignoring case; null for any other. */
    public static Format of(String path) {
      String lower = path.toLowerCase(Locale.ROOT);
      return lower.endsWith(".svg") ? SVG : lower.endsWith(".png") ? PNG : null;
    }
  }

  /**
   * The default trace interval of a plotted run: about {@code points} rows, and an odd interval,
   * so a zig-zag that flips sign at every step is not sampled on one side only and drawn smooth.
   */
  /** The most steps a {@code plot schedule} takes: at 4e7 steps/s, about half a minute. */
  long MAX_SCHEDULE_STEPS = 1_000_000_000L;

  /** The most points one curve draws. */
  long MAX_POINTS = 1_000_000L;

  /** How long stepping a schedule {@code steps} times takes, in words ("3 days"). */
  static String scheduleSeconds(long steps) {
    double s = steps / 4e7;
    return s < 120 ? Math.round(s) + " s" : s < 7200 ? Math.round(s / 60) + " minutes"
        : s < 172_800 ? Math.round(s / 3600) + " hours" : Math.round(s / 86_400) + " days";
  }

  static long defaultEvery(long steps, long points) {
    long every = Math.max(1, (steps + points - 1) / points);
    return every == 1 || every % 2 == 1 ? every : every + 1;
  }
}

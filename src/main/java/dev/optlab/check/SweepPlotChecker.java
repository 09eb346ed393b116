package dev.optlab.check;

import dev.optlab.ast.Stmt;
import dev.optlab.plan.PlotPlan;
import dev.optlab.plan.SweepAxis;
import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepTrial;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides how {@code plot sweep} draws a checked sweep (docs/plots.md, "plot sweep"), so a
 * sweep that cannot be drawn is an error before any trial runs: the first numeric column goes
 * across; a grid of exactly two numeric columns is a heat map; otherwise one line per
 * combination of the other columns' values.
 */
final class SweepPlotChecker {
  /** More lines than series colours (and terminal glyphs) could not be told apart. */
  static final int MAX_LINES = 10;

  private final Values values;

  SweepPlotChecker(Values values) {
    this.values = values;
  }

  PlotPlan.Sweep check(Stmt.Sweep stmt, SweepPlan sweep, PlotPlan.Target file,
      dev.optlab.source.Span span) {
    List<SweepAxis> columns = sweep.columns();
    int shown = columns.size();
    if (shown > 0 && columns.get(shown - 1).name().equals("seed") && onData(sweep)) {
      shown--; // seeds are averaged over, never drawn along
    }
    int x = -1;
    for (int c = 0; c < shown && x < 0; c++) {
      x = columns.get(c).numeric() ? c : -1;
    }
    if (x < 0) {
      List<String> names = columns.subList(0, shown).stream().map(SweepAxis::name).toList();
      throw values.error(stmt.span(), "plot sweep draws the measure against a swept number, but "
          + (names.isEmpty() ? "this sweep varies nothing"
              : "this sweep's columns are not numbers (" + String.join(", ", names) + ")")
          + ": sweep one, as lr = logspace(1e-4, 1, 9)");
    }
    boolean random = stmt.clauses().sample() != null;
    List<Integer> others = new ArrayList<>();
    for (int c = 0; c < shown; c++) {
      // A random search's other numbers are all different: a line each would be a dot each.
      if (c != x && !(random && columns.get(c).numeric())) {
        others.add(c);
      }
    }
    boolean heat = !random && others.size() == 1 && columns.get(others.get(0)).numeric();
    if (heat) {
      return new PlotPlan.Sweep(sweep, x, logX(sweep, x), others.get(0), List.of(), file, span);
    }
    Set<List<String>> lines = new LinkedHashSet<>();
    for (SweepTrial t : sweep.trials()) {
      lines.add(others.stream().map(c -> t.values().get(c)).toList());
    }
    if (lines.size() > MAX_LINES) {
      throw values.error(stmt.span(), "plot sweep draws one line per value of "
          + String.join(" x ", others.stream().map(c -> columns.get(c).name()).toList()) + ": "
          + lines.size() + " lines, but at most " + MAX_LINES + " can be told apart; sweep fewer "
          + "values, or plot part of the sweep");
    }
    return new PlotPlan.Sweep(sweep, x, logX(sweep, x), -1, others, file, span);
  }

  /**
   * A log axis for values spaced or drawn on a log scale, and for positive values written out
   * that span two decades or more ({@code lr = {1e-4, 1e-3, 1e-2}}), as the loss axis decides.
   */
  private static boolean logX(SweepPlan sweep, int x) {
    if (sweep.columns().get(x).log()) {
      return true;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (SweepTrial t : sweep.trials()) {
      double v = t.numbers()[x];
      if (Double.isNaN(v)) {
        continue;
      }
      if (!(v > 0)) {
        return false;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max / min >= 100;
  }

  private static boolean onData(SweepPlan sweep) {
    return !sweep.trials().isEmpty() && sweep.trials().get(0).plan().training() != null;
  }
}

package dev.optlab.ast;

import dev.optlab.source.Span;
import java.util.List;

/** What a {@code plot} statement asks for (docs/plots.md). Absent clauses are {@code null}. */
public sealed interface PlotSpec {
  /** {@code to "FILE"}, or null to draw in the terminal. */
  Target to();

  /**
   * {@code plot run ...} / {@code plot compare ...}; {@code with lr} adds the lr panel, {@code
   * log steps} puts the step on a log axis.
   */
  record Curves(RunSpec run, boolean withLr, boolean logSteps, Target to) implements PlotSpec {}

  /** {@code plot schedule A, B for N steps [every K] [lr X]}. */
  record Schedules(List<Expr> schedules, Expr steps, Expr every, Expr lr, Target to)
      implements PlotSpec {
    public Schedules {
      schedules = List.copyOf(schedules);
    }
  }

  /** {@code plot paths A, B on OBJ ... [over (x = a to b, y = c to d)]}; {@code over} may be empty. */
  record Paths(RunSpec run, List<AxisRange> over, Target to) implements PlotSpec {
    public Paths {
      over = List.copyOf(over);
    }
  }

  /** {@code plot lrfind ...}: the range test's loss against lr; {@code to "FILE"} is the file. */
  record LrFind(Stmt.LrFind test, Target to) implements PlotSpec {}

  /**
   * {@code plot sweep ...}: the sweep's measure against a swept hyperparameter; {@code to} is the
   * picture's file (the sweep's own {@code to "FILE.csv"} stays in {@code sweep}).
   */
  record Sweep(Stmt.Sweep sweep, Target to) implements PlotSpec {}

  /** {@code x = -2 to 2}; {@code name} is null when written by position. */
  record AxisRange(Stmt.Ident name, Expr lo, Expr hi, Span span) {}

  /** {@code to "paths.svg"}; the span is the string's. */
  record Target(String path, Span span) {}
}

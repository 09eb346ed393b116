package dev.optlab;

import dev.optlab.check.Declaration;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.RunListener;
import dev.optlab.plot.Figure;

/**
 * Everything the engine shows goes through here: the engine never prints. The command line
 * renders it as tables or CSV, the REPL as its own echoes, tests capture it.
 */
public interface Output extends RunListener {
  /** A declaration took effect; {@code replaced} is the one it replaced, or null. */
  void declared(Declaration declaration, Declaration replaced);

  /** The text of a {@code print}. */
  void printed(String text);

  /** The execution plan {@code explain} shows. */
  void explained(String plan);

  /**
   * A {@code plot} finished: {@code file} is where the picture was written, or null when it is
   * to be shown here (see {@link dev.optlab.plot.TerminalPlots#render}). Does nothing by default.
   */
  default void plotted(Figure figure, java.nio.file.Path file) {}

  /**
   * A {@code report} statement's page was written to {@code file} (docs/plots.md, "Reports");
   * or, when {@code interrupted}, was not, since the input holding it was stopped before it
   * finished. Does nothing by default.
   */
  default void reported(java.nio.file.Path file, boolean interrupted) {}

  /**
   * Before a checked script runs: the plans of all its {@code run} and {@code compare}
   * statements, so an output can size itself for all of them (the CSV header).
   */
  /** A learning-rate range test finished: shows its table and suggestions, as text by default. */
  default void lrFound(dev.optlab.exec.LrFindResult result) {
    printed(dev.optlab.text.LrFindText.table(result));
  }

  /** A sweep finished (or was stopped): shows its table, as text by default. */
  default void swept(dev.optlab.plan.SweepResult result) {
    printed(dev.optlab.text.SweepText.table(result));
  }

  default void checked(java.util.List<ExecutionPlan> plans) {}
}

package dev.optlab.sweep;

import dev.optlab.Engine;
import dev.optlab.exec.RunControl;
import dev.optlab.plan.SweepResult;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.util.ArrayList;
import java.util.List;

/** Runs scripts with sweeps and keeps their results and tables, for the sweep tests. */
final class Sweeps extends Capture {
  final List<SweepResult> results = new ArrayList<>();

  static Sweeps sweep(String script) {
    return sweep(script, RunControl.none());
  }

  static Sweeps sweep(String script, RunControl control) {
    Sweeps s = new Sweeps();
    new Engine().run(new Source("test.opt", script), false, s, control);
    return s;
  }

  @Override
  public void swept(SweepResult result) {
    results.add(result);
    super.swept(result); // the table, into printed
  }

  SweepResult only() {
    if (results.size() != 1) {
      throw new AssertionError("expected one sweep, got " + results.size());
    }
    return results.get(0);
  }

  /** The printed tables with their wall times masked. */
  String tables() {
    return String.join("\n", printed).replaceAll("\\(\\d+(\\.\\d+)? m?s\\)", "(TIME)");
  }

  static final String ROSENBROCK =
      "objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n";
}

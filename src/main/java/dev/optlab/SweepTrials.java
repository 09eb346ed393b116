package dev.optlab;

import dev.optlab.check.Action;
import dev.optlab.exec.RunControl;
import dev.optlab.exec.SweepRunner;
import dev.optlab.plan.SweepPlan;
import dev.optlab.plan.SweepTrial;
import dev.optlab.plan.TrialResult;
import dev.optlab.source.Source;
import java.util.List;

/**
 * The worker's side of a sweep run by another engine (optlab-spark): the {@link
 * dev.optlab.exec.SweepScript}'s text is checked again into the same plan, and one trial of it
 * runs with the same loop as on the local threads, so its row has the same bytes.
 */
public final class SweepTrials {
  private SweepTrials() {}

  /** The plan of the text's sweep (its last statement: a sweep, or a plot sweep). */
  public static SweepPlan plan(String name, String text) {
    List<Action> actions = new Engine().check(new Source(name, text), false);
    return switch (actions.get(actions.size() - 1)) {
      case Action.Sweep w -> w.plan();
      case Action.Plot p when p.plot() instanceof dev.optlab.plan.PlotPlan.Sweep s -> s.sweep();
      default -> throw new IllegalArgumentException(name + ": the text ends in no sweep");
    };
  }

  /**
   * Runs trial {@code index}; {@code key} is the driver's {@link SweepTrial#key()} for it: a
   * worker whose check made another trial (another optlab, or data that differs) says so instead
   * of sending back a row for the wrong trial.
   */
  public static TrialResult run(SweepPlan plan, int index, String key) {
    SweepTrial trial = plan.trials().get(index);
    if (!trial.key().equals(key)) {
      throw new IllegalStateException("trial " + index + " checked on the worker differs from the"
          + " driver's (" + trial.config() + " against " + key.substring(key.lastIndexOf('\u0000')
          + 1) + "): is the worker's optlab the driver's?");
    }
    return SweepRunner.runTrial(plan, trial, new RunControl());
  }
}

package dev.optlab.plan;

import java.util.List;

/**
 * One trial of a sweep: a point of its grid (or a draw) with one seed, planned as a run.
 *
 * @param index its number, from 0, in trial order
 * @param point which point it trains (trials of one point differ only in their seed)
 * @param values its value in each of the sweep's columns, as text ({@code 0.001}, {@code (0.9,
 *     0.999)}); numbers in Python's repr, so they read back exactly
 * @param numbers the same values as numbers where they are (NaN elsewhere), for plots
 * @param config the optimizer with every hyperparameter resolved, as {@code describe()} shows it
 * @param plan the run it is: one optimizer, no trace file
 */
public record SweepTrial(int index, int point, List<String> values, double[] numbers,
    String config, ExecutionPlan plan) {
  public SweepTrial {
    values = List.copyOf(values);
  }

  /**
   * What identifies the trial in a resumed file: its column values and resolved configuration,
   * not its number, which changes when values are added to the sweep.
   */
  public String key() {
    return String.join("\u0000", values) + "\u0000" + config;
  }
}

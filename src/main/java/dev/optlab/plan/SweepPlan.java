package dev.optlab.plan;

import dev.optlab.source.Span;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@code sweep} compiles to (docs/language.md, "sweep"): every trial, planned and
 * checked before the first one runs, and how the trials are ranked, written and run.
 *
 * @param title {@code sweep Adam on rosenbrock}, the heading of its table
 * @param columns the columns that tell trials apart: {@code optimizer} when the sweep lists
 *     several, each swept hyperparameter, {@code seed} for an objective on data
 * @param trials in trial order: the order they print in and are written in, whatever the order
 *     they finish in
 * @param metrics the metrics the trial rows carry after the loss, in the traces' order
 * @param file {@code to "FILE.csv"}, or null
 * @param resumed the rows of the file already there when {@code resume} was asked, by their
 *     trial key ({@link SweepTrial#key()}); empty otherwise
 * @param threads how many trials run at once
 */
public record SweepPlan(Span span, String title, List<SweepAxis> columns, List<SweepTrial> trials,
    List<Metric> metrics, SweepGoal goal, SweepFile file, java.util.Map<String, List<String>> resumed,
    int threads) {
  public SweepPlan {
    columns = List.copyOf(columns);
    trials = List.copyOf(trials);
    metrics = List.copyOf(metrics);
    resumed = java.util.Map.copyOf(resumed);
  }

  /** How many trials share each point: the seeds of {@code seeds A..B}, or 1. */
  public int seedsPerPoint() {
    return trials.isEmpty() ? 1 : (int) trials.stream()
        .filter(t -> t.point() == trials.get(0).point()).count();
  }

  /**
   * The file a sweep writes: {@code path} checked writable, {@code written} as the script
   * wrote it, for messages; {@code resume}: whether the sweep goes on with the rows in it.
   */
  public record SweepFile(Path path, String written, Span span, boolean resume) {}
}

package dev.optlab.text;

import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.Metric;
import dev.optlab.plan.Points;
import dev.optlab.plan.TrainingPlan;
import dev.optlab.trace.Numbers;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.util.List;

/**
 * The lines {@link Tables} prints differently for a run that trains a tensor objective on data
 * (docs/tensors.md): no start point (the weights are drawn from the seed), but the data, batch,
 * epochs and seed; a closing line with the epochs and the metrics.
 */
final class TrainingText {
  private TrainingText() {}

  /** {@code  from (x = 1, y = 2)} for a scalar run; {@code  (digits, batch 32, ...)} here. */
  static String from(ExecutionPlan plan) {
    String c = plan.checkpoint() == null ? null : plan.checkpoint().startText();
    if (plan.training() == null) {
      return c != null ? " " + c
          : " from " + Points.format(plan.objective().params(), plan.objective().start());
    }
    return " (" + plan.training().describe() + ")" + (c == null ? "" : ", " + c);
  }

  /** {@code adam on mlp (digits (1437 training rows), batch 32, 20 epochs, seed 7): Adam(...)}. */
  static String runTitle(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer) {
    return optimizer.runName() + " on " + plan.objective().name() + from(plan) + ": "
        + optimizer.describe() + (plan.training().perEpoch()
        && optimizer.schedule() != null ? ", schedule stepped per epoch" : "");
  }

  static String closingLine(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer,
      RunSummary s) {
    TraceRow last = s.last();
    String time = " (" + Tables.duration(s.nanos()) + ")";
    String at = " after " + last.step() + (last.step() == 1 ? " step" : " steps") + " ("
        + Numbers.short6(last.params()[0]) + (last.params()[0] == 1 ? " epoch)" : " epochs)")
        + metrics(plan.training(), last);
    return switch (s.status()) {
      case COMPLETED -> s.run() + ": final loss " + Numbers.short6(last.loss()) + at + time;
      case UNTIL -> s.run() + ": " + plan.loop().until() + " at step " + last.step()
          + ": loss " + Numbers.short6(last.loss()) + metrics(plan.training(), last) + time;
      case DIVERGED -> s.run() + ": diverged at step " + last.step() + " (loss = "
          + Numbers.short6(last.loss()) + ")" + time + "\nhint: try a smaller lr (this run's lr was "
          + Numbers.short6(optimizer.config().lr()) + ")";
      case INTERRUPTED -> s.run() + ": interrupted at step " + last.step() + ": loss "
          + Numbers.short6(last.loss()) + time;
    };
  }

  /** {@code ; accuracy 0.975, test_loss 0.0912}: the metrics of the row, if any. */
  private static String metrics(TrainingPlan t, TraceRow row) {
    List<Metric> metrics = t.metrics();
    if (metrics.isEmpty()) {
      return "";
    }
    int first = row.params().length - metrics.size();
    StringBuilder sb = new StringBuilder(";");
    for (int i = 0; i < metrics.size(); i++) {
      sb.append(i == 0 ? " " : ", ").append(metrics.get(i)).append(' ')
          .append(Numbers.short6(row.params()[first + i]));
    }
    return sb.toString();
  }
}

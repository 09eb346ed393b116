package dev.optlab.plan;

import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.CommonParams;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.UpdateRule;
import dev.optlab.schedule.ScheduleSpec;
import java.util.Map;

/**
 * A checked optimizer: its kind, every hyperparameter (defaults filled in), and its schedule
 * ({@code null} for a constant learning rate).
 *
 * @param scheduleText the schedule as {@code describe()} shows it
 */
public record OptimizerConfig(OptimizerKind kind, HyperValues values, ScheduleSpec schedule,
    String scheduleText) {

  /** The base learning rate (PyTorch's {@code initial_lr}). */
  public double lr() {
    return values.number(CommonParams.LR);
  }

  /** A fresh update rule with these hyperparameters. */
  public UpdateRule rule() {
    return kind.create(values);
  }

  /**
   * {@code Adam(lr=0.05, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, amsgrad=false,
   * maximize=false)}: every hyperparameter, defaults filled in, in PyTorch's order.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder(kind.name()).append('(');
    boolean first = true;
    for (HyperParam p : kind.params()) {
      sb.append(first ? "" : ", ").append(p.name()).append('=')
          .append(HyperValues.format(values.raw(p)));
      first = false;
    }
    if (schedule != null) {
      sb.append(first ? "" : ", ").append("schedule=").append(scheduleText);
    }
    return sb.append(')').toString();
  }

  /** The values as a map a {@code with (...)} starts from. */
  public Map<String, Object> valueMap() {
    return values.asMap();
  }
}

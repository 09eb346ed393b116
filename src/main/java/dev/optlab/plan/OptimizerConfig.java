package dev.optlab.plan;

import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.CommonParams;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.ParamGroups;
import dev.optlab.optim.UpdateRule;
import dev.optlab.schedule.ScheduleSpec;
import java.util.List;
import java.util.Map;

/**
 * A checked optimizer: its kind, every hyperparameter (defaults filled in), and its schedule
 * ({@code null} for a constant learning rate).
 *
 * <p>An optimizer with parameter groups ({@code Muon(...) for matrices + AdamW(...) for others},
 * docs/language.md, "Parameter groups") lists them in {@link #groups}, each a plain optimizer of
 * its own with its own schedule; its kind, values and schedule are then the first group's, which
 * is the learning rate the trace shows (PyTorch's {@code param_groups[0]['lr']}).
 *
 * @param scheduleText the schedule as {@code describe()} shows it
 * @param groups the parameter groups in order, or empty for one optimizer of every parameter
 */
public record OptimizerConfig(OptimizerKind kind, HyperValues values, ScheduleSpec schedule,
    String scheduleText, List<Group> groups) {

  public OptimizerConfig {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  public OptimizerConfig(OptimizerKind kind, HyperValues values, ScheduleSpec schedule,
      String scheduleText) {
    this(kind, values, schedule, scheduleText, List.of());
  }

  /** One parameter group: which tensors, and the (plain) optimizer that updates them. */
  public record Group(ParamGroups.Selector selector, OptimizerConfig config) {}

  /** An optimizer of {@code groups} (at least one, none itself grouped). */
  public static OptimizerConfig grouped(List<Group> groups) {
    OptimizerConfig first = groups.get(0).config();
    return new OptimizerConfig(first.kind(), first.values(), first.schedule(),
        first.scheduleText(), groups);
  }

  public boolean isGrouped() {
    return !groups.isEmpty();
  }

  /** The plain optimizers that step: each group's, or this one. */
  public List<OptimizerConfig> parts() {
    return groups.isEmpty() ? List.of(this) : groups.stream().map(Group::config).toList();
  }

  /** The selectors of the groups, in order. */
  public List<ParamGroups.Selector> selectors() {
    return groups.stream().map(Group::selector).toList();
  }

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
    if (!groups.isEmpty()) {
      return String.join(" + ", groups.stream()
          .map(g -> g.config().describe() + " for " + g.selector()).toList());
    }
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

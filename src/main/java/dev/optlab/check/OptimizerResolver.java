package dev.optlab.check;

import dev.optlab.ast.Arg;
import dev.optlab.ast.OptimizerSpec;
import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import dev.optlab.hyper.Kind;
import dev.optlab.optim.MomentumSlot;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.Optimizers;
import dev.optlab.optim.ParamGroups;
import dev.optlab.plan.OptimizerConfig;
import dev.optlab.source.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a written optimizer ({@code Adam(lr = 0.1)}, {@code adam}, {@code adam with (lr = 0.2)})
 * into a checked {@link OptimizerConfig}.
 */
final class OptimizerResolver {
  /** Every optimizer also takes {@code schedule = SCHED} (LANGUAGE.md section 5). */
  static final HyperParam SCHEDULE = new HyperParam("schedule", Kind.SCHEDULE, null,
      Check.ANY, List.of(), "a learning-rate schedule; constant when left out");

  private final Values values;
  private final ScheduleResolver schedules;

  OptimizerResolver(Values values) {
    this.values = values;
    this.schedules = new ScheduleResolver(values);
  }

  /**
   * The optimizers of a run or compare, each with the name its trace rows carry: the declared
   * name, or the written text of an inline constructor. Listing one twice is an error.
   */
  List<Planner.NamedOptimizer> resolveAll(List<OptimizerSpec> specs) {
    List<Planner.NamedOptimizer> named = new ArrayList<>();
    java.util.Set<String> runNames = new java.util.HashSet<>();
    for (OptimizerSpec o : specs) {
      OptimizerConfig config = resolve(o);
      String runName = o.args() == null && o.with() == null && !o.isGrouped() ? o.name()
          : o.text();
      if (!runNames.add(runName)) {
        throw values.error(o.span(), runName + " is listed twice");
      }
      named.add(new Planner.NamedOptimizer(runName, config));
    }
    return named;
  }

  OptimizerConfig resolve(OptimizerSpec spec) {
    if (spec.isGrouped()) {
      return grouped(spec);
    }
    OptimizerConfig base;
    if (spec.args() != null) {
      base = construct(spec);
    } else {
      base = named(spec);
    }
    if (spec.with() == null) {
      return base;
    }
    if (base.isGrouped()) {
      throw values.error(spec.span(), "'" + spec.name() + "' has parameter groups ("
          + base.describe() + "); write 'with (...)' on a group's optimizer instead");
    }
    Map<String, Object> start = new LinkedHashMap<>(base.valueMap());
    start.put(SCHEDULE.name(), base.schedule() == null ? null
        : new ScheduleResolver.Resolved(base.schedule(), base.scheduleText()));
    return bind(base.kind(), spec, spec.with(), start);
  }

  /**
   * Parameter groups: each part a plain optimizer (a declared one with groups cannot be a part).
   * Whether the selectors split the objective's tensors is checked at the run (ParamGroupCheck).
   */
  private OptimizerConfig grouped(OptimizerSpec spec) {
    List<OptimizerConfig.Group> groups = new ArrayList<>();
    Map<String, Integer> named = new java.util.HashMap<>();
    for (OptimizerSpec.Group g : spec.groups()) {
      for (dev.optlab.ast.Stmt.Ident n : g.names()) {
        Integer before = named.putIfAbsent(n.name(), groups.size());
        if (before != null) {
          throw values.error(n.span(), "'" + n.name() + "' is already in " + (before
              == groups.size() ? "this group" : "group " + (before + 1)) + "; each parameter "
              + "belongs to one group");
        }
      }
      OptimizerConfig part = resolve(g.optimizer());
      if (part.isGrouped()) {
        throw values.error(g.optimizer().span(), "'" + g.optimizer().name() + "' has parameter "
            + "groups of its own; a group's optimizer is a single one (write its groups here)");
      }
      ParamGroups.Selector selector = g.keyword() == null
          ? new ParamGroups.Selector(ParamGroups.Kind.NAMES,
              g.names().stream().map(dev.optlab.ast.Stmt.Ident::name).toList())
          : g.keyword().equals("matrices") ? ParamGroups.Selector.MATRICES
          : ParamGroups.Selector.OTHERS;
      groups.add(new OptimizerConfig.Group(selector, part));
    }
    return OptimizerConfig.grouped(groups);
  }

  /** A built-in optimizer, or a rule the session declared, by name. */
  private OptimizerKind kind(String name) {
    OptimizerKind kind = Optimizers.byName(name).orElse(null);
    if (kind == null && values.env().get(name) instanceof Declaration.Rule r) {
      kind = r.def().kind();
    }
    return kind;
  }

  private OptimizerConfig construct(OptimizerSpec spec) {
    OptimizerKind kind = kind(spec.name());
    if (kind == null) {
      if (values.env().get(spec.name()) instanceof Declaration.Optimizer) {
        throw values.error(spec.nameSpan(), "'" + spec.name() + "' is a declared optimizer, not a "
            + "constructor; write '" + spec.name() + " with (...)' to change its hyperparameters");
      }
      throw unknown(spec);
    }
    return bind(kind, spec, spec.args(), Map.of());
  }

  private OptimizerConfig named(OptimizerSpec spec) {
    Declaration d = values.env().get(spec.name());
    if (d instanceof Declaration.Optimizer o) {
      return o.config();
    }
    if (d == null && values.env().isBroken(spec.name())) {
      throw new Cascade();
    }
    if (d == null && Optimizers.byName(spec.name()).isPresent()) {
      return bind(Optimizers.byName(spec.name()).get(), spec, List.of(), Map.of());
    }
    if (d instanceof Declaration.Rule r) {
      return bind(r.def().kind(), spec, List.of(), Map.of());
    }
    if (d != null) {
      throw values.error(spec.nameSpan(), "'" + spec.name() + "' is "
          + d.kind().withArticle() + ", not an optimizer");
    }
    throw unknown(spec);
  }

  private OptimizerConfig bind(OptimizerKind kind, OptimizerSpec spec,
      List<Arg> args, Map<String, Object> start) {
    List<HyperParam> params = new ArrayList<>(kind.params());
    params.add(SCHEDULE);
    Map<String, Object> bound = new HyperBinder(values).bind(kind.name(), spec.nameSpan(), params,
        args, start, schedules::resolve);
    ScheduleResolver.Resolved schedule = (ScheduleResolver.Resolved) bound.remove(SCHEDULE.name());
    HyperValues hv = new HyperValues(bound);
    String problem = kind.check(hv);
    if (problem != null) {
      throw values.error(spec.span(), problem);
    }
    if (schedule != null && schedule.spec().cyclesMomentum()
        && kind.momentumSlot() == MomentumSlot.NONE) {
      throw values.error(HyperBinder.spanOf(args, SCHEDULE.name(), spec.span()),
          schedule.text().replaceAll("\\(.*", "") + " cycles the momentum, and " + kind.name()
              + " has none; add cycle_momentum = false");
    }
    return new OptimizerConfig(kind, hv, schedule == null ? null : schedule.spec(),
        schedule == null ? null : schedule.text());
  }

  private RuntimeException unknown(OptimizerSpec spec) {
    List<String> candidates = Stream.concat(
        Stream.concat(Optimizers.all().stream().map(OptimizerKind::name),
            values.env().namesOf(Declaration.Rule.class).stream()),
        values.env().namesOf(Declaration.Optimizer.class).stream()).toList();
    return values.error(spec.nameSpan(), "unknown optimizer '" + spec.name() + "'"
        + Suggest.didYouMean(spec.name(), candidates));
  }
}

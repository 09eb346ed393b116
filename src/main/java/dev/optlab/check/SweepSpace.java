package dev.optlab.check;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Axis;
import dev.optlab.ast.Expr;
import dev.optlab.ast.OptimizerSpec;
import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The axes of one optimizer of a sweep, found in its arguments ({@code lr}, {@code betas[1]},
 * {@code schedule.T_max}), with their values; and the optimizer as one trial writes it, each
 * axis replaced by the trial's value, so that the ordinary optimizer checks (names, ranges) judge
 * every trial and point at the value that fails.
 */
final class SweepSpace {
  /** A value an axis takes: the expression put in its place, and how columns show it. */
  record Value(Expr expr, String text, double number) {}

  /** An axis of this optimizer: its column name, its values (a grid's), or null for a draw. */
  record Found(String name, Axis axis, List<Value> values, boolean log) {
    boolean drawn() {
      return axis instanceof Axis.Draw d && !d.distribution().equals("choice");
    }
  }

  private final Values values;
  final OptimizerSpec spec;
  final List<Found> axes = new ArrayList<>();

  SweepSpace(Values values, OptimizerSpec spec) {
    this.values = values;
    this.spec = spec;
    if (spec.isGrouped()) {
      // each group's axes; a name met again gets a suffix (the second group's lr is lr#2)
      for (OptimizerSpec.Group g : spec.groups()) {
        walk(g.optimizer().args(), "");
        walk(g.optimizer().with(), "");
      }
    } else {
      walk(spec.args(), "");
      walk(spec.with(), "");
    }
  }

  /** Whether any axis is drawn at random ({@code ~}). */
  boolean random() {
    return axes.stream().anyMatch(f -> f.axis() instanceof Axis.Draw);
  }

  private void walk(List<Arg> args, String prefix) {
    if (args == null) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String name = prefix + (a.named() ? a.name() : "[" + i + "]");
      if (a.axis() != null) {
        String unique = name;
        for (int n = 2; columnTaken(unique); n++) {
          unique = name + "#" + n;
        }
        axes.add(found(unique, a.axis()));
      } else {
        walk(a.value(), name);
      }
    }
  }

  private boolean columnTaken(String name) {
    return axes.stream().anyMatch(f -> f.name().equals(name));
  }

  private void walk(Expr e, String name) {
    switch (e) {
      case Expr.Call c -> walk(c.args(), name + ".");
      case Expr.Tuple t -> walk(t.items(), name);
      case Expr.Chain c -> {
        for (int i = 0; i < c.segments().size(); i++) {
          walk(c.segments().get(i).schedule(), name + "[" + i + "]");
        }
      }
      default -> {}
    }
  }

  Found found(String name, Axis axis) {
    return switch (axis) {
      case Axis.Values v -> new Found(name, axis, v.values().stream().map(this::written).toList(),
          false);
      case Axis.Space s -> new Found(name, axis, space(s), s.log());
      case Axis.Draw d -> {
        if (!d.distribution().equals("choice")) {
          bounds(d);
        }
        yield new Found(name, axis, d.distribution().equals("choice")
            ? d.args().stream().map(this::written).toList() : null,
            d.distribution().equals("loguniform"));
      }
    };
  }

  /** A uniform draw needs finite bounds, low below high; a loguniform one, both above 0. */
  private void bounds(Axis.Draw d) {
    double low = values.number(d.args().get(0));
    double high = values.number(d.args().get(1));
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      throw values.error(d.span(), d.distribution() + "'s bounds must be finite numbers");
    }
    if (!(low < high)) {
      throw values.error(d.span(), d.distribution() + " draws from low to high, so low must be "
          + "below high, got " + Numbers.repr(low) + " and " + Numbers.repr(high));
    }
    if (d.distribution().equals("loguniform") && !(low > 0)) {
      throw values.error(d.span(), "loguniform draws evenly on a log scale, so its bounds must "
          + "be above 0, got " + Numbers.repr(low) + " and " + Numbers.repr(high));
    }
  }

  /** A written value: shown as a number where it is one, else as written. */
  private Value written(Expr e) {
    boolean numeric = e instanceof Expr.Num || e instanceof Expr.Unary
        || e instanceof Expr.Binary || e instanceof Expr.Name;
    if (numeric) {
      try {
        double v = values.number(e);
        return new Value(e, Numbers.repr(v), v);
      } catch (dev.optlab.source.OptlabError notANumber) {
        // a declared schedule's name, say: shown as written, judged by the optimizer's checks
      }
    }
    return new Value(e, values.source().text(e.span()), Double.NaN);
  }

  private List<Value> space(Axis.Space s) {
    double from = values.number(s.from());
    double to = values.number(s.to());
    long n = values.whole(s.count(), 1, (s.log() ? "logspace" : "linspace") + "'s count");
    if (n > 100_000) {
      throw values.error(s.count().span(), "a sweep has at most 100000 trials; this axis alone "
          + "has " + n);
    }
    if (!Double.isFinite(from) || !Double.isFinite(to)) {
      throw values.error(s.span(), "the bounds must be finite numbers");
    }
    if (s.log() && !(from > 0 && to > 0)) {
      throw values.error(s.span(), "logspace spaces values evenly on a log scale, so both bounds "
          + "must be above 0, got " + Numbers.repr(from) + " and " + Numbers.repr(to)
          + " (it takes the values themselves, not exponents: logspace(1e-4, 1e-1, 4))");
    }
    List<Value> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      double v = SweepValues.spaced(s.log(), from, to, (int) n, (int) i);
      out.add(new Value(new Expr.Num(v, s.span()), Numbers.repr(v), v));
    }
    return out;
  }

  /** Draws the random axis {@code f} from {@code rng}: uniform, loguniform, or a choice. */
  Value draw(Found f, SplittableRandom rng) {
    if (f.values() != null) {
      return f.values().get(rng.nextInt(f.values().size()));
    }
    Axis.Draw d = (Axis.Draw) f.axis();
    double low = values.number(d.args().get(0));
    double high = values.number(d.args().get(1));
    double v = SweepValues.draw(d.distribution().equals("loguniform"), low, high,
        rng.nextDouble());
    return new Value(new Expr.Num(v, d.span()), Numbers.repr(v), v);
  }

  /** The optimizer as a trial writes it: each axis replaced by its value in {@code chosen}. */
  OptimizerSpec with(Map<Axis, Value> chosen) {
    if (spec.isGrouped()) {
      List<OptimizerSpec.Group> groups = spec.groups().stream().map(g -> new OptimizerSpec.Group(
          with(g.optimizer(), chosen), g.keyword(), g.names(), g.selectorSpan())).toList();
      return new OptimizerSpec(spec.name(), spec.nameSpan(), null, null, spec.text(),
          spec.span(), groups);
    }
    return with(spec, chosen);
  }

  private OptimizerSpec with(OptimizerSpec spec, Map<Axis, Value> chosen) {
    return new OptimizerSpec(spec.name(), spec.nameSpan(), put(spec.args(), chosen),
        put(spec.with(), chosen), spec.text(), spec.span());
  }

  private List<Arg> put(List<Arg> args, Map<Axis, Value> chosen) {
    if (args == null) {
      return null;
    }
    List<Arg> out = new ArrayList<>(args.size());
    for (Arg a : args) {
      out.add(a.axis() != null ? a.withValue(chosen.get(a.axis()).expr())
          : a.withValue(put(a.value(), chosen)));
    }
    return out;
  }

  private Expr put(Expr e, Map<Axis, Value> chosen) {
    return switch (e) {
      case Expr.Call c -> new Expr.Call(c.name(), c.nameSpan(), put(c.args(), chosen), c.span());
      case Expr.Tuple t -> new Expr.Tuple(put(t.items(), chosen), t.span());
      case Expr.Chain c -> new Expr.Chain(c.segments().stream().map(s -> new Expr.Segment(
          put(s.schedule(), chosen), s.length(), s.span())).toList(), c.span());
      default -> e;
    };
  }

  /** A map from axis to value that compares axes by identity (two may be written alike). */
  static Map<Axis, Value> choice() {
    return new IdentityHashMap<>();
  }
}

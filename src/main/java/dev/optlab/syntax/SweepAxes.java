package dev.optlab.syntax;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Axis;
import dev.optlab.ast.Expr;
import dev.optlab.syntax.gen.OptlabParser.ArgContext;
import dev.optlab.syntax.gen.OptlabParser.ArgValueContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the axes of a sweep's arguments (docs/language.md, "sweep"): a value set {@code {a, b}},
 * {@code linspace(a, b, n)} or {@code logspace(a, b, n)}, a draw {@code ~ loguniform(a, b)}.
 * Outside a sweep's optimizers a set or a draw is an error here, so no later phase meets one.
 */
final class SweepAxes {
  static final List<String> DRAWS = List.of("uniform", "loguniform", "choice");

  private final AstBuilder builder;
  /** Whether the arguments being read belong to a sweep's optimizer. */
  boolean allowed;

  SweepAxes(AstBuilder builder) {
    this.builder = builder;
  }

  /** The axis argument {@code a} varies over, or null for an argument with one value. */
  Axis axis(ArgContext a) {
    ArgValueContext v = a.value;
    boolean set = v.LBRACE() != null;
    if (!allowed && (set || a.drawn != null)) {
      throw builder.error(builder.span(set ? v : a), (set ? "a value set {...}" : "a draw '~'")
          + " varies a hyperparameter across the trials of a sweep; it is written only in a "
          + "sweep's optimizers (sweep Adam(lr = {1e-3, 1e-2}) on f for 100 steps)");
    }
    if (set) {
      if (a.drawn != null) {
        throw builder.error(builder.span(a.drawn), "draw from a distribution (~ choice(a, b)) or "
            + "list the values (= {a, b}), not both");
      }
      return values(v);
    }
    Expr value = builder.schedule(v.scheduleSpec());
    if (a.drawn != null) {
      return draw(value);
    }
    if (allowed && value instanceof Expr.Call c
        && (c.name().equals("linspace") || c.name().equals("logspace"))) {
      List<Expr> xs = positional(c, "linspace".equals(c.name()) ? "linspace(from, to, count)"
          : "logspace(from, to, count)", 3);
      return new Axis.Space(c.name().equals("logspace"), xs.get(0), xs.get(1), xs.get(2),
          c.span());
    }
    return null;
  }

  private Axis values(ArgValueContext v) {
    List<Expr> items = new ArrayList<>();
    for (ArgValueContext item : v.argValue()) {
      if (item.LBRACE() != null) {
        throw builder.error(builder.span(item), "a value set cannot hold another value set");
      }
      items.add(builder.schedule(item.scheduleSpec()));
    }
    return new Axis.Values(items, builder.span(v));
  }

  private Axis draw(Expr value) {
    if (!(value instanceof Expr.Call c) || !DRAWS.contains(c.name())) {
      throw builder.error(value.span(), "'~' draws a value per trial from uniform(low, high), "
          + "loguniform(low, high) or choice(a, b, ...)");
    }
    List<Expr> args = c.name().equals("choice")
        ? positional(c, "choice(a, b, ...)", -1)
        : positional(c, c.name() + "(low, high)", 2);
    if (args.isEmpty()) {
      throw builder.error(c.span(), "choice needs at least one value");
    }
    return new Axis.Draw(c.name(), c.nameSpan(), args, c.span());
  }

  /** The arguments of {@code c}, all positional, exactly {@code count} of them unless -1. */
  private List<Expr> positional(Expr.Call c, String usage, int count) {
    List<Expr> xs = new ArrayList<>();
    for (Arg arg : c.args()) {
      if (arg.named() || arg.axis() != null) {
        throw builder.error(arg.span(), "write " + usage + " with plain values");
      }
      xs.add(arg.value());
    }
    if (count >= 0 && xs.size() != count) {
      throw builder.error(c.span(), c.name() + " takes " + count + " values: " + usage);
    }
    return xs;
  }
}

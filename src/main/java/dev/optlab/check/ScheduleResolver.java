package dev.optlab.check;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.hyper.HyperValues;
import dev.optlab.schedule.ChainedSchedule;
import dev.optlab.schedule.ScheduleKind;
import dev.optlab.schedule.ScheduleSpec;
import dev.optlab.schedule.Schedules;
import dev.optlab.schedule.SequentialSchedule;
import dev.optlab.source.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a written schedule into a {@link ScheduleSpec}: a constructor {@code cosine(T_max =
 * 100)}, a declared name, or a chain {@code A for N then B}.
 */
final class ScheduleResolver {
  /** A resolved schedule and the text {@code describe()} shows for it. */
  record Resolved(ScheduleSpec spec, String text) {}

  private final Values values;

  ScheduleResolver(Values values) {
    this.values = values;
  }

  Resolved resolve(Expr e) {
    return switch (e) {
      case Expr.Call c -> construct(c.name(), c, c.args());
      case Expr.Name n -> named(n);
      case Expr.Chain chain -> chain(chain);
      default -> throw values.error(e.span(),
          "expected a schedule such as cosine(T_max = 1000), got " + Values.describe(e));
    };
  }

  private Resolved named(Expr.Name n) {
    Declaration d = values.env().get(n.name());
    if (d instanceof Declaration.Schedule s) {
      return new Resolved(s.spec(), n.name());
    }
    if (d == null && values.env().isBroken(n.name())) {
      throw new Cascade();
    }
    if (d == null && Schedules.byName(n.name()).isPresent()) {
      return construct(n.name(), n, List.of());
    }
    if (d != null) {
      throw values.error(n.span(), "'" + n.name() + "' is " + d.kind().withArticle() + ", not a schedule");
    }
    throw unknown(n.name(), n);
  }

  private Resolved construct(String name, Expr at, List<Arg> args) {
    if (name.equals("chain") && Schedules.byName(name).isEmpty()) {
      return chained(at, args);
    }
    ScheduleKind kind = Schedules.byName(name).orElse(null);
    if (kind == null) {
      if (values.env().get(name) instanceof Declaration.Schedule) {
        throw values.error(at.span(), "'" + name + "' is a declared schedule; use it by name, "
            + "without parentheses");
      }
      throw unknown(name, at);
    }
    HyperBinder binder = new HyperBinder(values);
    Map<String, Object> bound = binder.bind(kind.name(), at.span(), kind.params(), args, Map.of(),
        arg -> {
          throw values.error(arg.span(), "a schedule takes no schedule");
        });
    HyperValues hv = new HyperValues(bound);
    String problem = kind.crossCheck().apply(hv);
    if (problem != null) {
      throw values.error(at.span(), problem);
    }
    ScheduleSpec spec = kind.factory().apply(hv);
    return new Resolved(spec, spec.toString());
  }

  /** {@code chain(A, B, ...)}: PyTorch's ChainedScheduler over chainable schedules. */
  private Resolved chained(Expr at, List<Arg> args) {
    if (args.size() < 2) {
      throw values.error(at.span(), "chain takes two or more schedules: chain(linear(...), "
          + "exponential(gamma = 0.99))");
    }
    List<ScheduleSpec> specs = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Arg a : args) {
      if (a.named()) {
        throw values.error(a.span(), "chain takes schedules, not named arguments");
      }
      Resolved r = resolve(a.value());
      if (!ChainedSchedule.chainable(r.spec())) {
        throw values.error(a.value().span(), values.source().text(a.value().span())
            + " cannot be chained: PyTorch's "
            + "ChainedScheduler composes the schedules written in chainable form (constant_lr, "
            + "linear, step, multistep, exponential, polynomial, cosine, and s(t) *= ...)");
      }
      specs.add(r.spec());
      texts.add(r.text());
    }
    return new Resolved(new ChainedSchedule(specs), "chain(" + String.join(", ", texts) + ")");
  }

  private Resolved chain(Expr.Chain chain) {
    List<ScheduleSpec> specs = new ArrayList<>();
    List<Long> lengths = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Expr.Segment seg : chain.segments()) {
      Resolved r = resolve(seg.schedule());
      specs.add(r.spec());
      text.append(text.isEmpty() ? "" : " then ").append(r.text());
      if (seg.length() != null) {
        long n = values.whole(seg.length(), 1, "the steps of a chained schedule");
        lengths.add(n);
        text.append(" for ").append(n);
      }
    }
    long[] ls = lengths.stream().mapToLong(Long::longValue).toArray();
    return new Resolved(new SequentialSchedule(specs, ls), text.toString());
  }

  private RuntimeException unknown(String name, Expr at) {
    List<String> candidates = Stream.concat(Schedules.all().stream().map(ScheduleKind::name),
        values.env().namesOf(Declaration.Schedule.class).stream()).toList();
    return values.error(at instanceof Expr.Call c ? c.nameSpan() : at.span(),
        "unknown schedule '" + name + "'" + Suggest.didYouMean(name, candidates));
  }

}

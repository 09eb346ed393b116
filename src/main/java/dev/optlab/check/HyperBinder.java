package dev.optlab.check;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import dev.optlab.hyper.Kind;
import dev.optlab.source.Diagnostic;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Span;
import dev.optlab.source.Suggest;
import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds written arguments ({@code lr = 0.1, betas = (0.9, 0.99)}) to an optimizer's or
 * schedule's hyperparameters: names, kinds and ranges checked, each error at the argument.
 */
final class HyperBinder {
  private final Values values;

  HyperBinder(Values values) {
    this.values = values;
  }

  /**
   * @param owner the constructor's name as errors say it ({@code Adam}, {@code cosine})
   * @param base values to start from (a {@code with} copy), or empty for defaults
   * @param schedules turns a {@code schedule = ...} argument into a resolved schedule
   */
  Map<String, Object> bind(String owner, Span ownerSpan, List<HyperParam> params, List<Arg> args,
      Map<String, Object> base, Function<Expr, Object> schedules) {
    Map<String, HyperParam> byName = new LinkedHashMap<>();
    params.forEach(p -> byName.put(p.name(), p));
    Map<String, Object> given = new LinkedHashMap<>(base);
    Map<String, Arg> seen = new LinkedHashMap<>();
    // every argument is checked, so Adam(lr = -1, betas = (0.9, 1.0)) reports both errors
    List<Diagnostic> errors = new ArrayList<>();
    boolean positionalSaid = false;
    for (Arg arg : args) {
      try {
        bindOne(owner, params, byName, given, seen, arg, schedules);
      } catch (OptlabError e) {
        if (!arg.named() && positionalSaid) {
          continue; // "given by name" once per constructor is enough
        }
        positionalSaid |= !arg.named();
        errors.addAll(e.diagnostics());
      }
    }
    if (!errors.isEmpty()) {
      throw new OptlabError(errors);
    }
    for (HyperParam p : params) {
      if (p.required() && p.kind() != Kind.SCHEDULE && !given.containsKey(p.name())) {
        throw values.error(ownerSpan, owner + " needs " + p.name() + ": write " + owner + "("
            + p.name() + " = " + example(p) + ")");
      }
    }
    Map<String, Object> all = new LinkedHashMap<>();
    for (HyperParam p : params) {
      all.put(p.name(), given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue());
    }
    return all;
  }

  /** Binds one written argument into {@code given}, or throws its error. */
  private void bindOne(String owner, List<HyperParam> params, Map<String, HyperParam> byName,
      Map<String, Object> given, Map<String, Arg> seen, Arg arg,
      Function<Expr, Object> schedules) {
    if (!arg.named()) {
      throw values.error(arg.span(), owner + "'s hyperparameters are given by name, e.g. "
          + params.get(0).name() + " = " + example(params.get(0)));
    }
    HyperParam p = byName.get(arg.name());
    if (p == null) {
      throw values.error(arg.nameSpan(), owner + " has no hyperparameter '" + arg.name() + "'"
          + (arg.name().equals("maximize") ? noMaximize(owner) : suggestion(arg.name(), byName)));
    }
    if (seen.put(arg.name(), arg) != null) {
      throw values.error(arg.nameSpan(), arg.name() + " is given twice");
    }
    given.put(p.name(), p.kind() == Kind.SCHEDULE ? schedules.apply(arg.value())
        : value(p, arg.value()));
  }

  /** The argument's span, for errors that concern one hyperparameter. */
  static Span spanOf(List<Arg> args, String name, Span fallback) {
    for (Arg a : args) {
      if (name.equals(a.name())) {
        return a.value().span();
      }
    }
    return fallback;
  }

  private Object value(HyperParam p, Expr e) {
    return switch (p.kind()) {
      case NUMBER -> checked(p, e, number(p, e));
      case INTEGER -> {
        double v = number(p, e);
        if (v != Math.rint(v)) {
          throw values.error(e.span(), p.name() + " must be a whole number, got " + Numbers.repr(v));
        }
        yield checked(p, e, v);
      }
      case BOOLEAN -> {
        if (!(e instanceof Expr.Bool b)) {
          throw mismatch(p, e);
        }
        yield b.value();
      }
      case PAIR -> {
        // a pair, or as many numbers as a rule's tuple default has (AdEMAMix's three betas)
        int n = p.defaultValue() instanceof double[] d ? d.length : 2;
        if (!(e instanceof Expr.Tuple t) || t.items().size() != n) {
          throw n == 2 ? mismatch(p, e) : values.error(e.span(), p.name() + " expects a tuple of "
              + n + " numbers, got " + Values.describe(e));
        }
        double[] pair = new double[n];
        for (int i = 0; i < n; i++) {
          Arg item = t.items().get(i);
          if (item.named()) {
            throw values.error(item.span(), p.name() + " is a pair of numbers, written without names");
          }
          pair[i] = number(p, item.value());
          checked(p, item.value(), pair[i]);
        }
        yield pair;
      }
      case INT_LIST -> {
        if (!(e instanceof Expr.ListLit l)) {
          throw mismatch(p, e);
        }
        double[] list = new double[l.items().size()];
        for (int i = 0; i < list.length; i++) {
          Expr item = l.items().get(i);
          list[i] = number(p, item);
          if (list[i] != Math.rint(list[i])) {
            throw values.error(item.span(), p.name() + " holds whole numbers, got "
                + Numbers.repr(list[i]));
          }
          checked(p, item, list[i]);
        }
        yield list;
      }
      case CHOICE -> {
        if (!(e instanceof Expr.Str s)) {
          throw mismatch(p, e);
        }
        if (!p.choices().contains(s.value())) {
          throw values.error(e.span(), p.name() + " must be one of "
              + String.join(", ", p.choices().stream().map(c -> "\"" + c + "\"").toList())
              + Suggest.didYouMean(s.value(), p.choices()));
        }
        yield s.value();
      }
      case SCHEDULE -> throw new IllegalStateException("schedules are bound by the caller");
    };
  }

  private double number(HyperParam p, Expr e) {
    if (e instanceof Expr.Str || e instanceof Expr.Bool || e instanceof Expr.Tuple
        || e instanceof Expr.ListLit || e instanceof Expr.Chain) {
      throw mismatch(p, e);
    }
    return values.number(e);
  }

  private Object checked(HyperParam p, Expr e, double v) {
    String problem = Double.isNaN(v) ? "must be a number" : p.check().check(v);
    if (problem != null) {
      throw values.error(e.span(), p.name() + " " + problem + ", got " + Numbers.repr(v));
    }
    return v;
  }

  private RuntimeException mismatch(HyperParam p, Expr e) {
    return values.error(e.span(), p.name() + " expects " + kindOf(p) + ", got "
        + Values.describe(e));
  }

  /** "a pair of numbers such as (0.9, 0.99)": a pair's own default (Lion's), else the kind's. */
  private static String kindOf(HyperParam p) {
    if (p.kind() == Kind.PAIR && p.defaultValue() instanceof double[] d && d.length == 2) {
      return "a pair of numbers such as " + pair(d);
    }
    return p.kind().description();
  }

  private static String pair(double[] d) {
    return "(" + Numbers.repr(d[0]) + ", " + Numbers.repr(d[1]) + ")";
  }

  private static String example(HyperParam p) {
    return switch (p.kind()) {
      case PAIR -> p.defaultValue() instanceof double[] d && d.length == 2 ? pair(d)
          : "(0.9, 0.999)";
      case INT_LIST -> "[30, 80]";
      case BOOLEAN -> "true";
      case CHOICE -> "\"" + p.choices().get(0) + "\"";
      case INTEGER -> "100";
      case SCHEDULE -> "cosine(T_max = 1000)";
      case NUMBER -> p.defaultValue() == null ? "0.01" : HyperValues.format(p.defaultValue());
    };
  }

  /** "; did you mean 'lr'?" for a likely typo, else the list of what it takes. */
  /**
   * Why an optimizer lacks {@code maximize}: PyTorch 1.13 has it on all but NAdam and RAdam, and
   * optlab follows its constructors; the way around it is to minimize the negated objective.
   */
  private static String noMaximize(String owner) {
    return " (PyTorch 1.13's " + owner + " has none); minimize the negated objective instead";
  }

  private static String suggestion(String name, Map<String, HyperParam> byName) {
    String close = Suggest.didYouMean(name, byName.keySet());
    return !close.isEmpty() ? close : "; it takes " + String.join(", ", byName.keySet());
  }
}

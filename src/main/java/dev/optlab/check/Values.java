package dev.optlab.check;

import dev.optlab.ast.Expr;
import dev.optlab.diff.ExprCompiler;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
import dev.optlab.trace.Numbers;

/** Evaluates the constant expressions statements contain: step counts, start points, values. */
final class Values {
  private final Source source;
  private final Env env;

  Values(Source source, Env env) {
    this.source = source;
    this.env = env;
  }

  Source source() {
    return source;
  }

  Env env() {
    return env;
  }

  double number(Expr e) {
    return ExprCompiler.evaluate(source, e, env);
  }

  /** A whole number at least {@code min}, e.g. a step count. */
  long whole(Expr e, long min, String what) {
    double v = number(e);
    if (v != Math.rint(v) || Double.isInfinite(v)) {
      throw error(e.span(), what + " must be a whole number, got " + Numbers.repr(v));
    }
    if (v < min) {
      throw error(e.span(), what + " must be at least " + min + ", got " + (long) v);
    }
    if (v > 1e15) {
      throw error(e.span(), what + " is too large: " + Numbers.repr(v)
          + " (the limit is 1e15)");
    }
    return (long) v;
  }

  /** How an error names the kind of a written value: "a string", "a pair". */
  static String describe(Expr e) {
    return switch (e) {
      case Expr.Str s -> "a string";
      case Expr.Bool b -> "true/false";
      case Expr.Tuple t -> t.items().size() == 2 ? "a pair" : "a tuple of " + t.items().size();
      case Expr.ListLit l -> "a list";
      case Expr.Chain c -> "a schedule chain";
      default -> "a number";
    };
  }

  OptlabError error(Span span, String message) {
    return new OptlabError(source, span, message);
  }
}

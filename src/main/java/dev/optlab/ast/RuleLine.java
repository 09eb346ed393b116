package dev.optlab.ast;

import dev.optlab.source.Span;
import java.util.List;

/**
 * One line of a user-defined update rule's body (docs/rules.md). The body runs once per parameter
 * tensor at every step, in order, each assignment one PyTorch operation.
 */
public sealed interface RuleLine {
  Span span();

  /** {@code state m = 0}: a buffer kept per parameter tensor, made at the first step. */
  record State(Stmt.Ident name, Expr init, Span span) implements RuleLine {}

  /** {@code shared w = 0}: one scalar per optimizer (a param_group entry). */
  record Shared(Stmt.Ident name, Expr init, Span span) implements RuleLine {}

  /** {@code once { ... }}: run once per step, before the parameter tensors. */
  record Once(List<RuleLine> body, Span span) implements RuleLine {
    public Once {
      body = List.copyOf(body);
    }
  }

  /** {@code if COND { ... } else { ... }}; {@code otherwise} is empty without an else. */
  record If(Condition condition, List<RuleLine> then, List<RuleLine> otherwise, Span span)
      implements RuleLine {
    public If {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** {@code repeat N { ... }}: the body N times, N fixed when the rule is compiled. */
  record Repeat(Expr count, List<RuleLine> body, Span span) implements RuleLine {
    public Repeat {
      body = List.copyOf(body);
    }
  }

  /** {@code eval = EXPR}: the point the trace reports instead of p. */
  record Eval(Expr value, Span span) implements RuleLine {}

  /** {@code NAME = EXPR}: p, a state, a shared scalar (in once) or a local. */
  record Assign(Stmt.Ident target, Expr value, Span span) implements RuleLine {}

  /** The names of every state {@code body} declares, in branches and repeats too. */
  static java.util.Set<String> stateNames(List<RuleLine> body) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (RuleLine l : body) {
      switch (l) {
        case State s -> names.add(s.name().name());
        case If f -> {
          names.addAll(stateNames(f.then()));
          names.addAll(stateNames(f.otherwise()));
        }
        case Repeat r -> names.addAll(stateNames(r.body()));
        default -> { }
      }
    }
    return names;
  }

  /** A scalar condition: comparisons joined by and/or. */
  sealed interface Condition {
    Span span();
  }

  /** {@code a < b}; {@code op} is one of {@code < <= > >= == !=}. */
  record Compare(Expr left, String op, Expr right, Span span) implements Condition {}

  /** {@code a and b} ({@code and} true) or {@code a or b}. */
  record Join(boolean and, Condition left, Condition right, Span span) implements Condition {}
}

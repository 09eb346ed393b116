package dev.optlab.ast;

import dev.optlab.source.Span;
import java.util.List;

/** Statements (LANGUAGE.md section 3). Every node carries the span of its text. */
public sealed interface Stmt {
  Span span();

  /** {@code let NAME = EXPR}. */
  record Let(Ident name, Expr value, Span span) implements Stmt {}

  /** {@code def NAME(a, b) = EXPR}. */
  record Def(Ident name, List<Ident> params, Expr body, Span span) implements Stmt {
    public Def {
      params = List.copyOf(params);
    }
  }

  /** {@code objective NAME(x = 1, y) = EXPR}; {@code ParamDecl.start} is null for "0". */
  record Objective(Ident name, List<ParamDecl> params, Expr body, Span span) implements Stmt {
    public Objective {
      params = List.copyOf(params);
    }
  }

  /** {@code optimizer NAME = SPEC}. */
  record Optimizer(Ident name, OptimizerSpec spec, Span span) implements Stmt {}

  /** {@code schedule NAME = SCHED} or a chain. */
  record Schedule(Ident name, Expr spec, Span span) implements Stmt {}

  /**
   * {@code schedule NAME(t) = EXPR} (the lr itself), or {@code schedule NAME(t) *= EXPR}
   * ({@code multiplicative}: each step multiplies the lr by the factor, PyTorch's MultiplicativeLR).
   */
  record ScheduleFn(Ident name, Ident variable, Expr body, boolean multiplicative, Span span)
      implements Stmt {}

  /** {@code run ...} and {@code compare ...}. */
  record Run(RunSpec spec, Span span) implements Stmt {}

  /** {@code print EXPR}; also a bare expression typed into the REPL. */
  record Print(Expr value, Span span) implements Stmt {}

  /** {@code explain run ...} / {@code explain compare ...}. */
  record Explain(RunSpec spec, Span span) implements Stmt {}

  /** {@code plot ...}: a picture of a run, a compare, schedules or paths (docs/plots.md). */
  record Plot(PlotSpec spec, Span span) implements Stmt {}

  /** {@code data NAME = csv("FILE", target = "y", ...)} or a generator (docs/tensors.md). */
  record Data(Ident name, Expr source, Span span) implements Stmt {}

  /**
   * {@code report "FILE.html"}: one HTML page of what the session ran (docs/plots.md).
   *
   * @param path the file name as written (unquoted)
   * @param pathSpan where the file name stands, for errors about it
   */
  record Report(String path, Span pathSpan, Span span) implements Stmt {}

  /**
   * {@code lrfind OPT on OBJ [from LR] [to LR] [steps N] [batch B] [seed S] [suggest a, b]}:
   * fast.ai's learning-rate range test (docs/language.md). Absent clauses are null (empty).
   */
  record LrFind(OptimizerSpec optimizer, Ident objective, Expr from, Expr to, Expr steps,
      Expr batch, Expr seed, List<Ident> suggest, Span span) implements Stmt {
    public LrFind {
      suggest = List.copyOf(suggest);
    }
  }

  /**
   * {@code sweep OPT[, OPT...] on OBJ CLAUSES}: trains once per point of the grid or draw its
   * optimizers' {@link Axis axes} span (docs/language.md, "sweep"). {@code run} holds the
   * optimizers (axes in their arguments) and the run clauses every trial shares.
   */
  record Sweep(RunSpec run, SweepClauses clauses, Span span) implements Stmt {}

  /**
   * A sweep's own clauses, each null when absent.
   *
   * @param seedsFrom {@code seeds A..B}: every point trained once per seed from A to B
   * @param sample {@code sample N}: N random trials instead of the grid
   * @param goal what the trials are ranked by (null: minimize final loss)
   * @param file {@code to "FILE.csv"}: one row per finished trial
   * @param resume {@code resume}: skip the trials already in the file
   * @param threads {@code threads N}: trials run at once
   * @param batch {@code batch {16, 64}}: the minibatch sizes swept, or null
   */
  record SweepClauses(Expr seedsFrom, Expr seedsTo, Expr sample, Goal goal, RunSpec.TraceFile file,
      Span resume, Expr threads, Axis.Values batch) {}

  /**
   * {@code minimize best loss}, {@code maximize accuracy}: the measure ({@code loss} or a metric),
   * taken at the run's end ({@code final}, the default) or at its best traced row.
   */
  record Goal(boolean maximize, boolean best, Ident measure, Span span) {}

  /**
   * {@code rule NAME(hp = default, ...) { ... }}: a user-defined update rule (docs/rules.md).
   *
   * @param params the hyperparameters in order, each with its default (null when required)
   */
  record Rule(Ident name, List<RuleParam> params, List<RuleLine> body, Span span)
      implements Stmt {
    public Rule {
      params = List.copyOf(params);
      body = List.copyOf(body);
    }
  }

  /** A rule's hyperparameter and its default value, or null when a use must give it. */
  record RuleParam(Ident name, Expr value) {}

  /** A declared name and where it was written. */
  record Ident(String name, Span span) {}

  /**
   * One parameter of an objective and its default start value. A tensor parameter has a {@code
   * shape} ({@code W[4, 3]}, null for a scalar); {@code sampled} means its start was written
   * {@code ~ INIT} (an initializer such as {@code he}) rather than {@code = VALUE}.
   */
  record ParamDecl(Ident name, Expr start, java.util.List<Expr> shape, boolean sampled) {
    public ParamDecl(Ident name, Expr start) {
      this(name, start, null, false);
    }
  }
}

package dev.optlab.ast;

import dev.optlab.source.Span;
import java.util.List;

/**
 * The body of a {@code run} or {@code compare}: {@code OPT[, OPT...] on OBJ [from POINT] for N
 * steps [every K] [until COND] [trace "FILE"] [clip_grad_norm = X | clip_grad_value = X]}.
 * Absent clauses are {@code null}.
 */
public record RunSpec(
    boolean compare,
    List<OptimizerSpec> optimizers,
    Stmt.Ident objective,
    Expr from,
    Expr steps,
    Expr every,
    Condition until,
    TraceFile trace,
    Span span,
    Training training,
    Clip clip,
    Checkpoint checkpoint) {
  public RunSpec {
    optimizers = List.copyOf(optimizers);
  }

  public RunSpec(boolean compare, List<OptimizerSpec> optimizers, Stmt.Ident objective,
      Expr from, Expr steps, Expr every, Condition until, TraceFile trace, Span span,
      Training training, Clip clip) {
    this(compare, optimizers, objective, from, steps, every, until, trace, span, training, clip,
        null);
  }

  public RunSpec(boolean compare, List<OptimizerSpec> optimizers, Stmt.Ident objective,
      Expr from, Expr steps, Expr every, Condition until, TraceFile trace, Span span) {
    this(compare, optimizers, objective, from, steps, every, until, trace, span, null, null);
  }

  /** The same run with another {@code every}. */
  public RunSpec withEvery(Expr every) {
    return new RunSpec(compare, optimizers, objective, from, steps, every, until, trace, span,
        training, clip, checkpoint);
  }

  /** The same run starting from its objective's start: a warm start's {@code from} taken out. */
  public RunSpec withoutFrom() {
    return new RunSpec(compare, optimizers, objective, null, steps, every, until, trace, span,
        training, clip, checkpoint);
  }

  /**
   * {@code checkpoint "FILE" [every K]}, {@code resume "FILE"} and {@code for N more steps|epochs}
   * (docs/language.md, "Checkpoints"); each part null when absent. With {@code more}, the length
   * is in {@link #steps} or {@link Training#epochs} as usual, counted beyond the checkpoint's.
   */
  public record Checkpoint(String save, Span saveSpan, Expr every, String resume,
      Span resumeSpan, Span more) {}

  /**
   * The clauses of a run on data (docs/tensors.md): {@code for N epochs}, {@code batch B},
   * {@code seed S}, {@code metrics a, b}, {@code per epoch}, {@code dtype = float32} (the
   * option's value, checked by the checker); each null (or empty) when absent.
   */
  public record Training(Expr epochs, Expr batch, Expr seed, List<Stmt.Ident> metrics,
      Span perEpoch, Span span, Expr dtype) {
    public Training {
      metrics = List.copyOf(metrics);
    }

    public Training(Expr epochs, Expr batch, Expr seed, List<Stmt.Ident> metrics, Span perEpoch,
        Span span) {
      this(epochs, batch, seed, metrics, perEpoch, span, null);
    }
  }

  /**
   * {@code clip_grad_norm = 1} or {@code clip_grad_value = 0.5}: how the gradient is clipped
   * before each update.
   *
   * @param norm whether it is {@code clip_grad_norm}
   */
  public record Clip(boolean norm, Expr value, Span span) {
    public String option() {
      return norm ? "clip_grad_norm" : "clip_grad_value";
    }
  }

  /** {@code loss < 1e-8}. */
  public record Condition(Expr left, Comparison op, Expr right, Span span) {}

  /** {@code trace "run.csv"}. */
  public record TraceFile(String path, Span span) {}

  public enum Comparison {
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    EQ("=="),
    NE("!=");

    public final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }
  }
}

package dev.optlab.ast;

import dev.optlab.source.Span;
import java.util.List;

/**
 * The body of a {@code run} or {@code compare}: {@code OPT[, OPT...] on OBJ [from POINT] for N
 * steps [every K] [until COND] [trace "FILE"]}. Absent clauses are {@code null}.
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
    Span span) {
  public RunSpec {
    optimizers = List.copyOf(optimizers);
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

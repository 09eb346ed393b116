package dev.optlab.syntax;

import dev.optlab.ast.Expr;
import dev.optlab.ast.RunSpec;
import dev.optlab.ast.Stmt;
import dev.optlab.source.Span;
import dev.optlab.syntax.gen.OptlabParser.BatchClauseContext;
import dev.optlab.syntax.gen.OptlabParser.EpochsClauseContext;
import dev.optlab.syntax.gen.OptlabParser;
import dev.optlab.syntax.gen.OptlabParser.MetricsClauseContext;
import dev.optlab.syntax.gen.OptlabParser.MoreClauseContext;
import dev.optlab.syntax.gen.OptlabParser.PerEpochClauseContext;
import dev.optlab.syntax.gen.OptlabParser.RunClauseContext;
import dev.optlab.syntax.gen.OptlabParser.SeedClauseContext;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Collects the clauses of a run on data ({@code for N epochs}, {@code batch B}, {@code seed S},
 * {@code metrics ...}, {@code per epoch}; docs/tensors.md) while {@link AstBuilder} reads a
 * run's clauses.
 */
final class TrainingClauses {
  private final AstBuilder builder;
  private Expr epochs;
  private Expr batch;
  private Expr seed;
  private List<Stmt.Ident> metrics;
  private Span perEpoch;
  private Span first;
  private Span epochsSpan;
  private Expr dtype;

  TrainingClauses(AstBuilder builder) {
    this.builder = builder;
  }

  /** Takes one clause; returns whether it was given before (an error the caller reports). */
  boolean add(RunClauseContext clause) {
    Span span = builder.span(clause);
    first = first == null ? span : first;
    return switch (clause) {
      case EpochsClauseContext c -> {
        epochsSpan = span;
        yield epochs != null || (epochs = builder.expr(c.expr())) == null;
      }
      case MoreClauseContext c when c.unit.getType() != OptlabParser.STEPS -> {
        epochsSpan = span;
        yield epochs != null || (epochs = builder.expr(c.expr())) == null;
      }
      case BatchClauseContext c -> batch != null || (batch = builder.expr(c.expr())) == null;
      case SeedClauseContext c -> seed != null || (seed = builder.expr(c.expr())) == null;
      case MetricsClauseContext c -> {
        if (metrics != null) {
          yield true;
        }
        metrics = c.ID().stream().map(t -> builder.ident((Token) t.getSymbol())).toList();
        yield false;
      }
      case PerEpochClauseContext c -> perEpoch != null || (perEpoch = span) == null;
      default -> false;
    };
  }

  /** Takes the option {@code dtype = float32}; returns whether it was given before. */
  boolean dtype(Expr value, Span span) {
    first = first == null ? span : first;
    boolean again = dtype != null;
    dtype = value;
    return again;
  }

  /** The clauses, or null when the run has none of them. */
  RunSpec.Training build(Expr steps) {
    if (first == null) {
      return null;
    }
    if (epochs != null && steps != null) {
      throw builder.error(epochsSpan, "give the length of a run once: 'for N steps' or "
          + "'for N epochs'");
    }
    return new RunSpec.Training(epochs, batch, seed, metrics == null ? List.of() : metrics,
        perEpoch, first, dtype);
  }
}

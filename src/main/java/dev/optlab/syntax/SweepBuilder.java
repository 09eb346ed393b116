package dev.optlab.syntax;

import dev.optlab.ast.Axis;
import dev.optlab.ast.Expr;
import dev.optlab.ast.OptimizerSpec;
import dev.optlab.ast.RunSpec;
import dev.optlab.ast.Stmt;
import dev.optlab.source.Span;
import dev.optlab.syntax.gen.OptlabParser;
import dev.optlab.syntax.gen.OptlabParser.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@code sweep} statement: its optimizers (whose arguments may vary over axes), the run
 * clauses its trials share, and its own clauses, each given at most once.
 */
final class SweepBuilder {
  private final AstBuilder ast;

  SweepBuilder(AstBuilder ast) {
    this.ast = ast;
  }

  Stmt.Sweep sweep(SweepStmtContext c, Span span) {
    return sweep(c.optimizerSpec(), c.objective, c.sweepClause(), span);
  }

  /** The statement from its parts, which {@code plot sweep} shares (PlotBuilder). */
  Stmt.Sweep sweep(List<OptimizerSpecContext> specs, org.antlr.v4.runtime.Token objective,
      List<SweepClauseContext> sweepClauses, Span span) {
    List<OptimizerSpec> optimizers = ast.sweeping(
        () -> specs.stream().map(ast::optimizer).toList());
    List<RunClauseContext> runClauses = new ArrayList<>();
    Expr seedsFrom = null;
    Expr seedsTo = null;
    Expr sample = null;
    Stmt.Goal goal = null;
    RunSpec.TraceFile file = null;
    Span resume = null;
    Expr threads = null;
    Axis.Values batch = null;
    for (SweepClauseContext clause : sweepClauses) {
      boolean repeated = switch (clause) {
        case SweepRunClauseContext r -> {
          CheckpointClauses.refuse(ast, r.runClause(), "a sweep");
          runClauses.add(r.runClause());
          yield false;
        }
        case SweepToClauseContext t -> {
          boolean again = file != null;
          file = new RunSpec.TraceFile(AstBuilder.unquote(t.file.getText()), ast.span(t.file));
          yield again;
        }
        case SweepSeedsClauseContext s -> {
          boolean again = seedsFrom != null;
          seedsFrom = ast.expr(s.lo);
          seedsTo = ast.expr(s.hi);
          yield again;
        }
        case SweepSampleClauseContext s -> sample != null || (sample = ast.expr(s.expr())) == null;
        case SweepThreadsClauseContext s ->
            threads != null || (threads = ast.expr(s.expr())) == null;
        case SweepResumeClauseContext r -> resume != null || (resume = ast.span(r)) == null;
        case SweepBatchClauseContext b -> {
          boolean again = batch != null;
          batch = new Axis.Values(b.expr().stream().map(ast::expr).toList(), ast.span(b));
          yield again;
        }
        case SweepGoalClauseContext g -> {
          boolean again = goal != null;
          goal = goal(g);
          yield again;
        }
        default -> throw new IllegalStateException("unknown sweep clause " + clause.getClass());
      };
      if (repeated) {
        throw ast.error(ast.span(clause), "'" + clause.getStart().getText() + "' is given twice");
      }
    }
    RunSpec run = ast.runSpec(false, optimizers, objective, runClauses, span);
    if (batch != null && run.training() != null && run.training().batch() != null) {
      throw ast.error(batch.span(), "give the batch size once: 'batch B' or 'batch {B1, B2}'");
    }
    if (run.trace() != null) {
      throw ast.error(run.trace().span(), "a sweep writes no trace per trial; 'to \"FILE.csv\"' "
          + "writes one row per trial");
    }
    return new Stmt.Sweep(run,
        new Stmt.SweepClauses(seedsFrom, seedsTo, sample, goal, file, resume, threads, batch), span);
  }

  private Stmt.Goal goal(SweepGoalClauseContext g) {
    boolean maximize = g.goal.getType() == OptlabParser.MAXIMIZE;
    boolean best = false;
    if (g.which != null) {
      String which = g.which.getText();
      if (!which.equals("final") && !which.equals("best")) {
        throw ast.error(ast.span(g.which), "rank by the 'final' or the 'best' value, got '"
            + which + "' (" + g.goal.getText() + " best loss)");
      }
      best = which.equals("best");
    }
    return new Stmt.Goal(maximize, best, ast.ident(g.measure), ast.span(g));
  }
}

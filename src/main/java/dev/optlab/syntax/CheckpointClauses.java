package dev.optlab.syntax;

import dev.optlab.ast.Expr;
import dev.optlab.ast.RunSpec;
import dev.optlab.source.Span;
import dev.optlab.syntax.gen.OptlabParser.CheckpointClauseContext;
import dev.optlab.syntax.gen.OptlabParser.FromClauseContext;
import dev.optlab.syntax.gen.OptlabParser.MoreClauseContext;
import dev.optlab.syntax.gen.OptlabParser.ResumeClauseContext;
import dev.optlab.syntax.gen.OptlabParser.RunClauseContext;

/**
 * Collects a run's checkpoint clauses ({@code checkpoint "FILE" [every K]}, {@code resume
 * "FILE"}, the {@code more} of {@code for N more steps}; docs/language.md, "Checkpoints") while
 * {@link AstBuilder} reads its clauses. A compare keeps no state to save or resume: refused here.
 */
final class CheckpointClauses {
  private final AstBuilder builder;
  private final boolean compare;
  private String save;
  private Span saveSpan;
  private Expr every;
  private String resume;
  private Span resumeSpan;
  private Span more;

  CheckpointClauses(AstBuilder builder, boolean compare) {
    this.builder = builder;
    this.compare = compare;
  }

  /** Takes {@code clause} if it is a checkpoint or resume clause; notes a {@code more}. */
  boolean add(RunClauseContext clause) {
    switch (clause) {
      case CheckpointClauseContext c -> {
        refuseInCompare(clause, "checkpoint");
        once(saveSpan, clause);
        save = AstBuilder.unquote(c.STRING().getText());
        saveSpan = builder.span(c.STRING().getSymbol());
        every = c.every == null ? null : builder.expr(c.every);
        return true;
      }
      case ResumeClauseContext c -> {
        refuseInCompare(clause, "resume");
        once(resumeSpan, clause);
        resume = AstBuilder.unquote(c.STRING().getText());
        resumeSpan = builder.span(c.STRING().getSymbol());
        return true;
      }
      case MoreClauseContext c -> {
        more = builder.span(c);
        return false; // its length is read as a 'for' clause's
      }
      default -> {
        return false;
      }
    }
  }

  /** Checkpoint clauses in a plot or sweep, which keep no run state: {@code where} says which. */
  static void refuse(AstBuilder ast, RunClauseContext clause, String where) {
    if (where.equals("a sweep") && clause instanceof FromClauseContext f
        && f.expr().getText().startsWith("\"")) {
      // a sweep's trials start from their seeds; a warm start there is not carried out yet
      throw ast.error(ast.span(clause), "a sweep starts every trial from the objective's start "
          + "or its seed's weights; from \"FILE\" (a checkpoint's parameters) belongs to run and "
          + "compare");
    }
    if (clause instanceof CheckpointClauseContext || clause instanceof ResumeClauseContext
        || clause instanceof MoreClauseContext) {
      throw ast.error(ast.span(clause), where + " keeps no checkpoint; '"
          + clause.getStart().getText() + (clause instanceof MoreClauseContext ? " ... more" : "")
          + "' belongs to a run");
    }
  }

  private void refuseInCompare(RunClauseContext clause, String word) {
    if (compare) {
      throw builder.error(builder.span(clause), "'" + word + "' belongs to a run: a compare "
          + "runs several optimizers, each with its own state");
    }
  }

  private void once(Span seen, RunClauseContext clause) {
    if (seen != null) {
      throw builder.error(builder.span(clause), "'" + clause.getStart().getText()
          + "' is given twice");
    }
  }

  /** The clauses, or null when the run has none. */
  RunSpec.Checkpoint build() {
    if (resume == null && more != null) {
      throw builder.error(more, "'more' counts on from a checkpoint: add resume \"FILE\" to "
          + "go on from one, or leave 'more' out");
    }
    if (resume != null && more == null) {
      throw builder.error(resumeSpan, "a resumed run is as long as its 'for N more steps' (or "
          + "epochs): say how many more");
    }
    return save == null && resume == null ? null
        : new RunSpec.Checkpoint(save, saveSpan, every, resume, resumeSpan, more);
  }
}

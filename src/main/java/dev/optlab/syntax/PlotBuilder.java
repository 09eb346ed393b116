package dev.optlab.syntax;

import dev.optlab.ast.Expr;
import dev.optlab.ast.OptimizerSpec;
import dev.optlab.ast.PlotSpec;
import dev.optlab.ast.RunSpec;
import dev.optlab.syntax.gen.OptlabParser;
import dev.optlab.syntax.gen.OptlabParser.*;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code plot} statements' part of {@link AstBuilder}. The grammar lets any clause follow any
 * plot, in any order; this decides which clause belongs to which plot and says so when one does
 * not, instead of a list of expected tokens.
 */
final class PlotBuilder {
  private final AstBuilder ast;

  PlotBuilder(AstBuilder ast) {
    this.ast = ast;
  }

  PlotSpec plot(PlotBodyContext body) {
    return switch (body) {
      case PlotRunsContext c -> runs(c);
      case PlotSchedulesContext c -> schedules(c);
      case PlotLrfindContext c -> lrfind(c);
      case PlotSweepContext c -> sweep(c);
      default -> throw new IllegalStateException("unknown plot " + body.getClass());
    };
  }

  /** {@code plot lrfind ...}: the test's clauses; {@code to "FILE"} (a string) is the picture's. */
  private PlotSpec lrfind(PlotLrfindContext c) {
    PlotSpec.Target to = null;
    List<LrfindClauseContext> clauses = new ArrayList<>();
    for (LrfindClauseContext clause : c.lrfindClause()) {
      if (clause instanceof LrToClauseContext t && ast.expr(t.expr()) instanceof Expr.Str s) {
        if (to != null) {
          throw ast.error(ast.span(clause), "'to \"FILE\"' is given twice");
        }
        to = new PlotSpec.Target(s.value(), s.span());
      } else {
        clauses.add(clause);
      }
    }
    return new PlotSpec.LrFind(ast.lrfind(c.optimizerSpec(), c.objective, clauses, ast.span(c)),
        to);
  }

  /**
   * {@code plot sweep ...}: the sweep's clauses. {@code to "FILE.csv"} stays the sweep's file (its
   * rows, for {@code resume}); any other {@code to "FILE"} is the picture's, checked as a plot file.
   */
  private PlotSpec sweep(PlotSweepContext c) {
    PlotSpec.Target to = null;
    List<SweepClauseContext> clauses = new ArrayList<>();
    for (SweepClauseContext clause : c.sweepClause()) {
      if (clause instanceof SweepToClauseContext t
          && !AstBuilder.unquote(t.file.getText()).toLowerCase(java.util.Locale.ROOT)
              .endsWith(".csv")) {
        if (to != null) {
          throw ast.error(ast.span(clause), "'to \"FILE\"' is given twice");
        }
        to = new PlotSpec.Target(AstBuilder.unquote(t.file.getText()), ast.span(t.file));
      } else {
        clauses.add(clause);
      }
    }
    return new PlotSpec.Sweep(new SweepBuilder(ast).sweep(c.optimizerSpec(), c.objective,
        clauses, ast.span(c)), to);
  }

  private PlotSpec runs(PlotRunsContext c) {
    String kind = c.kind.getText();
    List<OptimizerSpec> optimizers = c.optimizerSpec().stream().map(ast::optimizer).toList();
    if (c.kind.getType() == OptlabParser.RUN && optimizers.size() > 1) {
      throw ast.error(optimizers.get(1).span(),
          "plot run takes one optimizer; use plot compare for several");
    }
    List<RunClauseContext> runClauses = new ArrayList<>();
    Options o = new Options("plot " + kind);
    for (PlotClauseContext clause : c.plotClause()) {
      if (clause instanceof PlotRunClauseContext r) {
        if (r.runClause() instanceof TraceClauseContext t) {
          throw ast.error(ast.span(t), "a plot writes no trace file; 'trace \"FILE\"' belongs "
              + "to a run");
        }
        CheckpointClauses.refuse(ast, r.runClause(), "a plot");
        runClauses.add(r.runClause());
      } else {
        o.read(clause, c.kind.getType() != OptlabParser.PATHS,
            c.kind.getType() == OptlabParser.PATHS);
      }
    }
    boolean compare = c.kind.getType() == OptlabParser.COMPARE
        || (c.kind.getType() == OptlabParser.PATHS && optimizers.size() > 1);
    RunSpec run = ast.runSpec(compare, optimizers, c.objective, runClauses, ast.span(c));
    if (c.kind.getType() == OptlabParser.PATHS) {
      return new PlotSpec.Paths(run, o.over == null ? List.of() : o.over, o.to);
    }
    return new PlotSpec.Curves(run, o.withLr, o.logSteps, o.to);
  }

  private PlotSpec schedules(PlotSchedulesContext c) {
    List<Expr> schedules = c.scheduleSpec().stream().map(ast::schedule).toList();
    Options o = new Options("plot schedule");
    Expr every = null;
    for (PlotClauseContext clause : c.plotClause()) {
      if (clause instanceof PlotRunClauseContext r) {
        if (!(r.runClause() instanceof EveryClauseContext e)) {
          String word = r.runClause().getStart().getText();
          throw ast.error(ast.span(r), "'" + word + "' belongs to a run; plot schedule runs no "
              + "optimizer");
        }
        if (every != null) {
          throw ast.error(ast.span(r), "'every' is given twice");
        }
        every = ast.expr(e.expr());
      } else {
        o.read(clause, false, false);
      }
    }
    return new PlotSpec.Schedules(schedules, ast.expr(c.steps), every, o.lr, o.to);
  }

  /** The clauses only plots have, each at most once. */
  private final class Options {
    private final String plot;
    PlotSpec.Target to;
    boolean withLr;
    boolean logSteps;
    Expr lr;
    List<PlotSpec.AxisRange> over;

    Options(String plot) {
      this.plot = plot;
    }

    void read(PlotClauseContext clause, boolean withAllowed, boolean overAllowed) {
      String word = clause.getStart().getText();
      boolean repeated = switch (clause) {
        case ToClauseContext t -> {
          boolean again = to != null;
          to = new PlotSpec.Target(AstBuilder.unquote(t.STRING().getText()),
              ast.span(t.STRING().getSymbol()));
          yield again;
        }
        case WithClauseContext w -> {
          if (!withAllowed || !w.shown.getText().equals("lr")) {
            throw ast.error(ast.span(w), withAllowed
                ? "expected 'with lr' (the learning rate beside the loss)"
                : "'with lr' belongs to plot run and plot compare");
          }
          boolean again = withLr;
          withLr = true;
          yield again;
        }
        case AxisClauseContext a -> {
          if (!withAllowed || !a.scale.getText().equals("log")) {
            throw ast.error(ast.span(a), withAllowed
                ? "expected 'log steps' (the step on a log axis)"
                : "'log steps' belongs to plot run and plot compare");
          }
          boolean again = logSteps;
          logSteps = true;
          yield again;
        }
        case OverClauseContext v -> {
          if (!overAllowed) {
            throw ast.error(ast.span(v), "'over (...)' gives a contour map's ranges; it belongs "
                + "to plot paths");
          }
          boolean again = over != null;
          over = v.axisRange().stream().map(a -> new PlotSpec.AxisRange(
              a.name == null ? null : ast.ident(a.name), ast.expr(a.lo), ast.expr(a.hi),
              ast.span(a))).toList();
          yield again;
        }
        case SettingClauseContext s -> {
          if (!s.name.getText().equals("lr") || !plot.equals("plot schedule")) {
            throw ast.error(ast.span(s.name), "unexpected '" + s.name.getText() + "': "
                + plot + " takes " + (plot.equals("plot schedule") ? "lr X, every K and to \"FILE\""
                : "the clauses of a run, " + (plot.equals("plot paths") ? "over (...)"
                : "with lr") + " and to \"FILE\""));
          }
          boolean again = lr != null;
          lr = ast.expr(s.value);
          yield again;
        }
        default -> false;
      };
      if (repeated) {
        throw ast.error(ast.span(clause), "'" + word + "' is given twice");
      }
    }
  }
}

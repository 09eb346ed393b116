package dev.optlab.syntax;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Axis;
import dev.optlab.ast.Expr;
import dev.optlab.ast.OptimizerSpec;
import dev.optlab.ast.RunSpec;
import dev.optlab.ast.Stmt;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Span;
import dev.optlab.source.Suggest;
import dev.optlab.syntax.gen.OptlabParser;
import dev.optlab.syntax.gen.OptlabParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns one statement's parse tree into the immutable AST at once, every node's span taken from
 * its tokens. Checks the few rules the grammar leaves open (a {@code then} chain needs {@code for
 * N} before each {@code then}; nesting depth).
 */
final class AstBuilder {
  /** Deeper expressions are refused before any recursive phase can overflow on them. */
  static final int MAX_DEPTH = 2000;

  private final SyntaxParser.Lexed lexed;
  private final SweepAxes axes = new SweepAxes(this);
  private int depth;

  AstBuilder(SyntaxParser.Lexed lexed) {
    this.lexed = lexed;
  }

  Stmt statement(ParserRuleContext tree) {
    if (tree instanceof ReplExpressionContext r) {
      Expr e = expr(r.expr());
      return new Stmt.Print(e, e.span());
    }
    return statement(((SingleStatementContext) tree).statement());
  }

  /** The expression of a {@code replExpression} tree. */
  Expr expression(ParserRuleContext tree) {
    return expr(((ReplExpressionContext) tree).expr());
  }

  private Stmt statement(StatementContext ctx) {
    Span span = span(ctx);
    return switch (ctx) {
      case LetStmtContext c -> new Stmt.Let(ident(c.name), expr(c.expr()), span);
      case DefStmtContext c -> new Stmt.Def(ident(c.name), c.params.stream().map(this::ident).toList(),
          expr(c.expr()), span);
      case ObjectiveStmtContext c -> new Stmt.Objective(ident(c.name),
          c.paramDecl().stream().map(p -> new Stmt.ParamDecl(ident(p.name),
              p.expr() == null ? null : expr(p.expr()), p.shape() == null ? null
              : p.shape().expr().stream().map(this::expr).toList(), p.TILDE() != null)).toList(),
          expr(c.expr()), span);
      case OptimizerStmtContext c -> new Stmt.Optimizer(ident(c.name), optimizer(c.optimizerSpec()),
          span);
      case ScheduleFnStmtContext c -> new Stmt.ScheduleFn(ident(c.name), ident(c.var),
          expr(c.expr()), c.mul != null, span);
      case ScheduleStmtContext c -> new Stmt.Schedule(ident(c.name), schedule(c.scheduleSpec()),
          span);
      case RunStmtContext c -> new Stmt.Run(run(c.runBody()), span);
      case CompareStmtContext c -> new Stmt.Run(compare(c.compareBody()), span);
      case PrintStmtContext c -> new Stmt.Print(expr(c.expr()), span);
      case ExplainStmtContext c -> new Stmt.Explain(
          c.runBody() != null ? run(c.runBody()) : compare(c.compareBody()), span);
      case PlotStmtContext c -> new Stmt.Plot(new PlotBuilder(this).plot(c.plotBody()), span);
      case DataStmtContext c -> new Stmt.Data(ident(c.name), expr(c.expr()), span);
      case ReportStmtContext c -> new Stmt.Report(unquote(c.file.getText()), span(c.file), span);
      case LrfindStmtContext c -> lrfind(c.optimizerSpec(), c.objective, c.lrfindClause(), span);
      case SweepStmtContext c -> new SweepBuilder(this).sweep(c, span);
      case RuleStmtContext c -> new RuleBuilder(this).rule(c, span);
      default -> throw new IllegalStateException("unknown statement " + ctx.getClass());
    };
  }

  private RunSpec run(RunBodyContext c) {
    return runSpec(false, List.of(optimizer(c.optimizerSpec())), c.objective, c.runClause(),
        span(c));
  }

  private RunSpec compare(CompareBodyContext c) {
    return runSpec(true, c.optimizerSpec().stream().map(this::optimizer).toList(), c.objective,
        c.runClause(), span(c));
  }

  RunSpec runSpec(boolean compare, List<OptimizerSpec> optimizers, Token objective,
      List<RunClauseContext> clauses, Span span) {
    Expr from = null;
    Expr steps = null;
    Expr every = null;
    RunSpec.Condition until = null;
    RunSpec.TraceFile trace = null;
    RunSpec.Clip clip = null;
    TrainingClauses training = new TrainingClauses(this);
    CheckpointClauses checkpoint = new CheckpointClauses(this, compare);
    for (RunClauseContext clause : clauses) {
      String word = clause.getStart().getText();
      boolean repeated = checkpoint.add(clause) ? false : switch (clause) {
        case FromClauseContext c -> from != null || (from = expr(c.expr())) == null;
        case ForClauseContext c -> steps != null || (steps = expr(c.expr())) == null;
        case MoreClauseContext c when c.unit.getType() == OptlabParser.STEPS ->
            steps != null || (steps = expr(c.expr())) == null;
        case EveryClauseContext c -> every != null || (every = expr(c.expr())) == null;
        case UntilClauseContext c -> until != null || (until = condition(c.condition())) == null;
        case TraceClauseContext c -> {
          if (trace != null) {
            yield true;
          }
          if (compare) {
            throw error(span(c), "trace \"FILE\" belongs to a run; compare writes no trace file");
          }
          trace = new RunSpec.TraceFile(unquote(c.STRING().getText()), span(c.STRING().getSymbol()));
          yield false;
        }
        case OptionClauseContext c when c.name.getText().equals("dtype") ->
            training.dtype(expr(c.expr()), span(c));
        case OptionClauseContext c -> {
          RunSpec.Clip given = clip(c);
          if (clip != null && clip.norm() != given.norm()) {
            throw error(given.span(), "give one of clip_grad_norm and clip_grad_value, not both");
          }
          boolean again = clip != null;
          clip = given;
          yield again;
        }
        default -> training.add(clause);
      };
      if (repeated) {
        throw error(span(clause), "'" + word + "' is given twice");
      }
    }
    return new RunSpec(compare, optimizers, ident(objective), from, steps, every, until, trace,
        span, training.build(steps), clip, checkpoint.build());
  }

  /**
   * The run options: PyTorch's names for what is done to the gradient before each update, and
   * the number format of a run on data ({@code dtype = float32}, docs/tensors.md).
   */
  static final List<String> RUN_OPTIONS = List.of("clip_grad_norm", "clip_grad_value", "dtype");

  private RunSpec.Clip clip(OptionClauseContext c) {
    String name = c.name.getText();
    if (!RUN_OPTIONS.contains(name)) {
      throw error(span(c.name), "unknown run option '" + name + "' (the options are "
          + String.join(", ", RUN_OPTIONS) + ")" + Suggest.didYouMean(name, RUN_OPTIONS));
    }
    return new RunSpec.Clip(name.equals("clip_grad_norm"), expr(c.expr()), span(c));
  }

  private RunSpec.Condition condition(ConditionContext c) {
    RunSpec.Comparison op = switch (c.op.getType()) {
      case OptlabParser.LT -> RunSpec.Comparison.LT;
      case OptlabParser.LE -> RunSpec.Comparison.LE;
      case OptlabParser.GT -> RunSpec.Comparison.GT;
      case OptlabParser.GE -> RunSpec.Comparison.GE;
      case OptlabParser.EQ -> RunSpec.Comparison.EQ;
      default -> RunSpec.Comparison.NE;
    };
    return new RunSpec.Condition(expr(c.left), op, expr(c.right), span(c));
  }

  Stmt.LrFind lrfind(OptimizerSpecContext optimizer, Token objective,
      List<LrfindClauseContext> given, Span span) {
    Expr[] clauses = new Expr[5]; // from, to, steps, batch, seed
    List<Stmt.Ident> suggest = new ArrayList<>();
    boolean suggested = false;
    for (LrfindClauseContext clause : given) {
      int slot = switch (clause) {
        case LrFromClauseContext f -> 0;
        case LrToClauseContext t -> 1;
        case LrStepsClauseContext s -> 2;
        case LrBatchClauseContext b -> 3;
        case LrSeedClauseContext s -> 4;
        default -> -1;
      };
      if (clause instanceof LrSuggestClauseContext s) {
        if (suggested) {
          throw error(span(clause), "'suggest' is given twice");
        }
        suggested = true;
        s.ID().forEach(id -> suggest.add(ident(id.getSymbol())));
        continue;
      }
      if (clauses[slot] != null) {
        throw error(span(clause), "'" + clause.getStart().getText() + "' is given twice");
      }
      clauses[slot] = expr(clause.getChild(ExprContext.class, 0));
    }
    return new Stmt.LrFind(optimizer(optimizer), ident(objective), clauses[0],
        clauses[1], clauses[2], clauses[3], clauses[4], suggest, span);
  }

  OptimizerSpec optimizer(OptimizerSpecContext c) {
    List<OptimizerGroupContext> parts = c.optimizerGroup();
    if (parts.size() == 1 && parts.get(0).groupSelector() == null) {
      return optimizer(parts.get(0).optimizerCall());
    }
    List<OptimizerSpec.Group> groups = new ArrayList<>();
    for (OptimizerGroupContext part : parts) {
      OptimizerSpec one = optimizer(part.optimizerCall());
      GroupSelectorContext sel = part.groupSelector();
      if (sel == null) {
        throw error(one.span(), "each part of parameter groups says whose optimizer it is: write "
            + "'" + one.text() + " for [NAME, ...]', 'for matrices' or 'for others'");
      }
      String keyword = null;
      List<Stmt.Ident> names = new ArrayList<>();
      if (sel.LBRACK() == null) {
        keyword = sel.ID(0).getText();
        if (!keyword.equals("matrices") && !keyword.equals("others")) {
          throw error(span(sel), "a parameter group is 'for [NAME, ...]', 'for matrices' or "
              + "'for others', not 'for " + keyword + "'" + dev.optlab.source.Suggest.didYouMean(
                  keyword, List.of("matrices", "others")) + " (write [" + keyword
              + "] for the parameter " + keyword + ")");
        }
      } else {
        sel.ID().forEach(id -> names.add(ident(id.getSymbol())));
      }
      groups.add(new OptimizerSpec.Group(one, keyword, names, span(sel)));
    }
    OptimizerSpec first = groups.get(0).optimizer();
    Span span = span(c);
    return new OptimizerSpec(first.name(), first.nameSpan(), null, null,
        lexed.source.text(span), span, groups);
  }

  private OptimizerSpec optimizer(OptimizerCallContext c) {
    List<ArgListContext> lists = c.argList();
    List<Arg> args = null;
    List<Arg> with = null;
    // Which parenthesised list is the constructor's and which the `with`'s depends on the tokens.
    boolean hasCtor = c.LPAREN().size() == 2 || (c.LPAREN().size() == 1 && c.WITH() == null);
    int next = 0;
    if (hasCtor) {
      boolean ctorHasArgs = lists.size() > next
          && lists.get(next).getStart().getTokenIndex() < c.RPAREN(0).getSymbol().getTokenIndex();
      args = ctorHasArgs ? args(lists.get(next++)) : List.of();
    }
    if (c.WITH() != null) {
      with = lists.size() > next ? args(lists.get(next)) : List.of();
    }
    Span span = span(c);
    return new OptimizerSpec(c.name.getText(), span(c.name), args, with,
        lexed.source.text(span), span);
  }

  Expr schedule(ScheduleSpecContext c) {
    List<ScheduleSegmentContext> segs = c.scheduleSegment();
    if (segs.size() == 1 && segs.get(0).length == null) {
      return expr(segs.get(0).expr(0));
    }
    List<Expr.Segment> segments = new ArrayList<>();
    for (int i = 0; i < segs.size(); i++) {
      ScheduleSegmentContext s = segs.get(i);
      boolean last = i == segs.size() - 1;
      if (!last && s.length == null) {
        throw error(span(c.THEN(i).getSymbol()),
            "'then' needs the steps the schedule before it runs for: write 'A for N then B'");
      }
      if (last && s.length != null) {
        throw error(span(s.FOR().getSymbol()),
            "the last schedule of a chain runs to the end; 'for N' is only written before 'then'");
      }
      segments.add(new Expr.Segment(expr(s.expr(0)), s.length == null ? null : expr(s.length),
          span(s)));
    }
    return new Expr.Chain(segments, span(c));
  }

  private List<Arg> args(ArgListContext c) {
    List<Arg> args = new ArrayList<>();
    for (ArgContext a : c.arg()) {
      String name = a.argName() == null ? null : a.argName().getText();
      Span nameSpan = a.argName() == null ? null : span(a.argName());
      Axis axis = axes.axis(a);
      Expr value = axis != null ? null : schedule(a.value.scheduleSpec());
      args.add(new Arg(name, nameSpan, value, span(a), axis));
    }
    return args;
  }

  /** Reads the optimizers of a sweep, whose arguments may vary over axes, with {@code read}. */
  <T> T sweeping(java.util.function.Supplier<T> read) {
    axes.allowed = true;
    try {
      return read.get();
    } finally {
      axes.allowed = false;
    }
  }

  Expr expr(ExprContext ctx) {
    if (++depth > MAX_DEPTH) {
      throw error(span(ctx), "expression nested too deeply (more than " + MAX_DEPTH + " levels)");
    }
    try {
      Span span = span(ctx);
      return switch (ctx) {
        case AtomExprContext c -> primary(c.primary());
        case PowerExprContext c -> new Expr.Binary(Expr.BinaryOp.POW, expr(c.left), expr(c.right),
            span);
        case UnaryExprContext c -> new Expr.Unary(
            c.op.getType() == OptlabParser.MINUS ? Expr.UnaryOp.NEG : Expr.UnaryOp.PLUS,
            expr(c.operand), span);
        case MulExprContext c -> new Expr.Binary(
            c.op.getType() == OptlabParser.STAR ? Expr.BinaryOp.MUL
                : c.op.getType() == OptlabParser.AT ? Expr.BinaryOp.MATMUL : Expr.BinaryOp.DIV,
            expr(c.left), expr(c.right), span);
        case AddExprContext c -> new Expr.Binary(
            c.op.getType() == OptlabParser.PLUS ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUB,
            expr(c.left), expr(c.right), span);
        default -> throw new IllegalStateException("unknown expression " + ctx.getClass());
      };
    } finally {
      depth--;
    }
  }

  private Expr primary(PrimaryContext ctx) {
    Span span = span(ctx);
    return switch (ctx) {
      case NumberLitContext c -> new Expr.Num(Double.parseDouble(c.getText()), span);
      case BoolLitContext c -> new Expr.Bool(c.TRUE() != null, span);
      case StringLitContext c -> new Expr.Str(unquote(c.getText()), span);
      case CallExprContext c -> new Expr.Call(c.name.getText(), span(c.name),
          c.argList() == null ? List.of() : args(c.argList()), span);
      case NameExprContext c -> new Expr.Name(c.getText(), span);
      case IndexExprContext c -> new Expr.Index(c.target.getText(), expr(c.index), span);
      case FieldExprContext c -> new Expr.Field(c.target.getText(), c.field.getText(), span);
      case ParenExprContext c -> expr(c.expr());
      case TupleExprContext c -> tuple(c, span);
      case ListExprContext c -> new Expr.ListLit(c.expr().stream().map(this::expr).toList(), span);
      default -> throw new IllegalStateException("unknown primary " + ctx.getClass());
    };
  }

  /** {@code (a)} written with a trailing comma or a name is still a tuple; {@code (a)} alone is not. */
  private Expr tuple(TupleExprContext c, Span span) {
    List<Arg> items = args(c.argList());
    if (items.size() == 1 && !items.get(0).named() && c.argList().COMMA().isEmpty()) {
      return items.get(0).value();
    }
    return new Expr.Tuple(items, span);
  }

  Stmt.Ident ident(Token t) {
    return new Stmt.Ident(t.getText(), span(t));
  }

  Span span(Token t) {
    return lexed.span(t);
  }

  Span span(ParserRuleContext c) {
    Token stop = c.getStop() == null || c.getStop().getType() == Token.EOF ? c.getStart() : c.getStop();
    return lexed.span(c.getStart(), stop);
  }

  OptlabError error(Span span, String message) {
    return new OptlabError(lexed.source, span, message);
  }

  static String unquote(String quoted) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char ch = quoted.charAt(i);
      if (ch == '\\' && i + 1 < quoted.length() - 1) {
        char n = quoted.charAt(++i);
        sb.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> n;
        });
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}

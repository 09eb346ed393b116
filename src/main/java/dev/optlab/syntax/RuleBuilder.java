package dev.optlab.syntax;

import dev.optlab.ast.RuleLine;
import dev.optlab.ast.Stmt;
import dev.optlab.syntax.gen.OptlabParser.AndConditionContext;
import dev.optlab.syntax.gen.OptlabParser.AssignLineContext;
import dev.optlab.syntax.gen.OptlabParser.CompareConditionContext;
import dev.optlab.syntax.gen.OptlabParser.EvalLineContext;
import dev.optlab.syntax.gen.OptlabParser.IfLineContext;
import dev.optlab.syntax.gen.OptlabParser.OnceLineContext;
import dev.optlab.syntax.gen.OptlabParser.OrConditionContext;
import dev.optlab.syntax.gen.OptlabParser.ParenConditionContext;
import dev.optlab.syntax.gen.OptlabParser.RepeatLineContext;
import dev.optlab.syntax.gen.OptlabParser.RuleBlockContext;
import dev.optlab.syntax.gen.OptlabParser.RuleConditionContext;
import dev.optlab.syntax.gen.OptlabParser.RuleLineContext;
import dev.optlab.syntax.gen.OptlabParser.RuleParamContext;
import dev.optlab.syntax.gen.OptlabParser.RuleStmtContext;
import dev.optlab.syntax.gen.OptlabParser.SharedLineContext;
import dev.optlab.syntax.gen.OptlabParser.StateLineContext;
import dev.optlab.syntax.gen.OptlabParser.TruthConditionContext;
import dev.optlab.source.Span;
import java.util.List;

/** The parse tree of a {@code rule} statement to its AST ({@link Stmt.Rule}). */
final class RuleBuilder {
  private final AstBuilder ast;

  RuleBuilder(AstBuilder ast) {
    this.ast = ast;
  }

  Stmt.Rule rule(RuleStmtContext c, Span span) {
    List<Stmt.RuleParam> params = c.ruleParam().stream().map(this::param).toList();
    return new Stmt.Rule(ast.ident(c.name), params, block(c.ruleBlock()), span);
  }

  private Stmt.RuleParam param(RuleParamContext p) {
    return new Stmt.RuleParam(ast.ident(p.name), p.value == null ? null : ast.expr(p.value));
  }

  private List<RuleLine> block(RuleBlockContext b) {
    return b.ruleLine().stream().map(this::line).toList();
  }

  private RuleLine line(RuleLineContext ctx) {
    Span span = ast.span(ctx);
    return switch (ctx) {
      case StateLineContext c -> new RuleLine.State(ast.ident(c.name), ast.expr(c.expr()), span);
      case SharedLineContext c -> new RuleLine.Shared(ast.ident(c.name), ast.expr(c.expr()), span);
      case OnceLineContext c -> new RuleLine.Once(block(c.ruleBlock()), span);
      case IfLineContext c -> new RuleLine.If(condition(c.ruleCondition()),
          block(c.ruleBlock(0)),
          c.elseIf != null ? List.of(line(c.elseIf))
              : c.ruleBlock().size() > 1 ? block(c.ruleBlock(1)) : List.of(), span);
      case RepeatLineContext c -> new RuleLine.Repeat(ast.expr(c.count), block(c.ruleBlock()),
          span);
      case EvalLineContext c -> new RuleLine.Eval(ast.expr(c.expr()), span);
      case AssignLineContext c -> new RuleLine.Assign(ast.ident(c.name), ast.expr(c.expr()), span);
      default -> throw new IllegalStateException("unknown rule line " + ctx.getClass());
    };
  }

  private RuleLine.Condition condition(RuleConditionContext ctx) {
    Span span = ast.span(ctx);
    return switch (ctx) {
      case CompareConditionContext c -> new RuleLine.Compare(ast.expr(c.condition().left),
          c.condition().op.getText(), ast.expr(c.condition().right), span);
      case ParenConditionContext c -> condition(c.ruleCondition());
      case AndConditionContext c -> new RuleLine.Join(true, condition(c.left), condition(c.right),
          span);
      case OrConditionContext c -> new RuleLine.Join(false, condition(c.left),
          condition(c.right), span);
      case TruthConditionContext c -> new RuleLine.Compare(ast.expr(c.expr()), "!=",
          new dev.optlab.ast.Expr.Num(0, span), span);
      default -> throw new IllegalStateException("unknown condition " + ctx.getClass());
    };
  }
}

package dev.optlab.repl;

import static dev.optlab.syntax.TokenKind.ASSIGN;
import static dev.optlab.syntax.TokenKind.COMMA;
import static dev.optlab.syntax.TokenKind.COMPARE;
import static dev.optlab.syntax.TokenKind.LRFIND;
import static dev.optlab.syntax.TokenKind.DATA;
import static dev.optlab.syntax.TokenKind.DEF;
import static dev.optlab.syntax.TokenKind.EXPLAIN;
import static dev.optlab.syntax.TokenKind.FOR;
import static dev.optlab.syntax.TokenKind.FROM;
import static dev.optlab.syntax.TokenKind.ID;
import static dev.optlab.syntax.TokenKind.LBRACK;
import static dev.optlab.syntax.TokenKind.LET;
import static dev.optlab.syntax.TokenKind.LPAREN;
import static dev.optlab.syntax.TokenKind.OBJECTIVE;
import static dev.optlab.syntax.TokenKind.ON;
import static dev.optlab.syntax.TokenKind.OPTIMIZER;
import static dev.optlab.syntax.TokenKind.OVER;
import static dev.optlab.syntax.TokenKind.PATHS;
import static dev.optlab.syntax.TokenKind.PLOT;
import static dev.optlab.syntax.TokenKind.PLUS;
import static dev.optlab.syntax.TokenKind.PRINT;
import static dev.optlab.syntax.TokenKind.RPAREN;
import static dev.optlab.syntax.TokenKind.RUN;
import static dev.optlab.syntax.TokenKind.SCHEDULE;
import static dev.optlab.syntax.TokenKind.WITH;

import dev.optlab.check.Declaration;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.Kind;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.syntax.Tokens;
import dev.optlab.syntax.Tokens.Tok;
import dev.optlab.schedule.Schedules;
import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;

/**
 * Reads the tokens of the statement being typed (up to the word under the cursor) and decides
 * what may come next. It follows the grammar's shapes loosely, since the input is unfinished by
 * definition: where a statement's pieces are is found from its keywords and brackets.
 */
final class CompletionContext {
  private final LanguageCompleter c;
  private final StatementTokens t;
  private final ClauseCompletion clauses;

  CompletionContext(LanguageCompleter completer, List<Tok> statement) {
    this.c = completer;
    this.t = new StatementTokens(statement);
    this.clauses = new ClauseCompletion(completer, t);
  }

  List<Candidate> candidates() {
    if (t.size() == 0) {
      List<Candidate> out = c.keywords(Tokens.STATEMENT_KEYWORDS.toArray(String[]::new));
      out.addAll(c.expressionNames(List.of(), true));
      return out;
    }
    int open = t.innermostOpen(t.size());
    if (open >= 0) {
      return inBrackets(open);
    }
    int head = t.get(0).is(EXPLAIN) || t.get(0).is(PLOT) ? 1 : 0;
    if (head == t.size()) {
      return t.get(0).is(PLOT) ? c.keywords("run", "compare", "paths", "schedule", "lrfind")
          : c.keywords("run", "compare");
    }
    if (t.get(0).is(PLOT) && t.get(1).is(SCHEDULE)) {
      return clauses.plotSchedules();
    }
    return switch (t.get(head).type()) {
      case LET -> declaration(Declaration.Kind.CONSTANT);
      case DEF -> declaration(Declaration.Kind.FUNCTION);
      case OBJECTIVE -> declaration(Declaration.Kind.OBJECTIVE);
      case OPTIMIZER -> optimizerStatement();
      case SCHEDULE -> scheduleStatement();
      case RUN, COMPARE, PATHS, LRFIND -> {
        // parameter groups are written before `on`
        List<Candidate> groups = t.indexAtTop(ON, head) < 0 ? groupPart(t.size() - 1) : null;
        yield groups != null ? groups
            : t.get(head).is(LRFIND) ? lrfind(head) : clauses.runStatement(head);
      }
      case DATA -> t.size() == 3 && t.get(2).is(ASSIGN) ? c.dataSources() : List.of();
      case PRINT -> expression(true);
      default -> head == 0 && Tokens.startsStatement(t.get(0).type()) ? fromGrammar()
          : expression(true); // a bare expression
    };
  }

  /**
   * {@code lrfind OPT on OBJ [clauses]}: optimizers first, objectives after {@code on}, then what
   * the grammar allows (its clauses).
   */
  private List<Candidate> lrfind(int head) {
    if (t.size() == head + 1) {
      List<Candidate> out = new ArrayList<>(c.declared(Declaration.Kind.OPTIMIZER));
      out.addAll(c.optimizerKinds());
      return out;
    }
    if (t.get(t.size() - 1).is(ON)) {
      return c.declared(Declaration.Kind.OBJECTIVE);
    }
    return fromGrammar();
  }

  /**
   * A statement without a case of its own completes as the grammar says: the keywords that may
   * come next, and names where an expression may start.
   */
  private List<Candidate> fromGrammar() {
    List<Candidate> out = c.keywords(t.keywordsAfter(t.size()).toArray(String[]::new));
    if (t.expressionAfter(t.size())) {
      out.addAll(expression(false));
    }
    return out;
  }

  private List<Candidate> declaration(Declaration.Kind kind) {
    if (t.size() == 1) {
      return c.declared(kind); // redeclaring one
    }
    return t.indexAtTop(ASSIGN, 1) < 0 ? List.of() : expression(false);
  }

  private List<Candidate> optimizerStatement() {
    if (t.size() <= 2) {
      return t.size() == 1 ? c.declared(Declaration.Kind.OPTIMIZER) : List.of();
    }
    if (t.size() == 3 && t.get(2).is(ASSIGN)) {
      List<Candidate> out = c.declared(Declaration.Kind.OPTIMIZER);
      out.addAll(c.optimizerKinds());
      return out;
    }
    List<Candidate> groups = groupPart(t.size() - 1);
    if (groups != null) {
      return groups;
    }
    return t.afterOperand() && t.indexAtTop(WITH, 0) < 0 ? c.keywords("with", "for")
        : List.of();
  }

  /**
   * Inside parameter groups ({@code OPT for SELECTOR + OPT ...}), what may follow the token at
   * {@code last}: selectors after {@code for}, optimizers after {@code +}; null elsewhere.
   */
  List<Candidate> groupPart(int last) {
    Tok tok = t.get(last);
    if (tok.is(FOR)) {
      return c.groupSelectors(false);
    }
    if (tok.is(PLUS)) {
      List<Candidate> out = c.declared(Declaration.Kind.OPTIMIZER);
      out.addAll(c.optimizerKinds());
      return out;
    }
    return null;
  }

  private List<Candidate> scheduleStatement() {
    if (t.size() <= 2) {
      return t.size() == 1 ? c.declared(Declaration.Kind.SCHEDULE) : List.of();
    }
    if (t.get(2).is(LPAREN)) { // schedule NAME(t) = EXPR
      return t.indexAtTop(ASSIGN, 2) < 0 ? List.of() : expression(false);
    }
    return clauses.scheduleValue(3, t.size());
  }

  private List<Candidate> inBrackets(int open) {
    if (t.get(open).is(LBRACK)) {
      // `for [W1, ...]`: a parameter group's names; else a list of numbers
      return open > 0 && t.get(open - 1).is(FOR) && !t.afterOperand()
          ? c.groupSelectors(true) : List.of();
    }
    Tok callee = open > 0 ? t.get(open - 1) : null;
    int argStart = open + 1;
    List<String> given = new ArrayList<>();
    int argIndex = 0;
    for (int i = open + 1; i < t.size(); i++) {
      if (t.depth(i) == t.depth(open) + 1) {
        if (t.get(i).is(COMMA)) {
          argStart = i + 1;
          argIndex++;
        } else if (i + 1 < t.size() && t.get(i + 1).is(ASSIGN) && t.get(i).text().matches("\\w+")) {
          given.add(t.get(i).text());
        }
      }
    }
    boolean nameSlot = argStart == t.size();
    String named = t.size() - argStart >= 2 && t.get(argStart + 1).is(ASSIGN)
        ? t.get(argStart).text() : null;
    boolean valueStart = named != null && t.size() == argStart + 2;
    Tok head = t.get(0);
    if (open == 2 && (head.is(DEF) || head.is(SCHEDULE))) {
      return List.of(); // parameter names being declared
    }
    if (open == 2 && head.is(OBJECTIVE)) {
      return named == null ? List.of() : expression(false);
    }
    if (callee != null && (callee.is(FROM) || callee.is(OVER))) {
      return point(objectiveAfterOn(), nameSlot, named);
    }
    if (callee != null && callee.is(WITH)) {
      Optional<OptimizerKind> kind = kindBefore(open - 1);
      if (kind.isPresent()) {
        return hyperparameters(kind.get().params(), true, given, nameSlot, named, valueStart,
            argStart);
      }
    }
    if (callee != null && callee.is(ID) && !(c.lookup(callee.text()) instanceof Declaration.Function)) {
      Optional<OptimizerKind> optimizer = c.optimizerKind(callee.text());
      if (optimizer.isPresent()) {
        return hyperparameters(optimizer.get().params(), true, given, nameSlot, named, valueStart,
            argStart);
      }
      var schedule = Schedules.byName(callee.text());
      if (schedule.isPresent()) {
        return hyperparameters(schedule.get().params(), false, given, nameSlot, named, valueStart,
            argStart);
      }
      if (callee.text().equals("grad") && argIndex == 0) {
        return c.declared(Declaration.Kind.OBJECTIVE);
      }
    }
    if (callee != null && callee.is(COMMA)) { // grad(f, (x = 1, ...))
      int outer = t.innermostOpen(open);
      if (outer > 0 && t.get(outer - 1).text().equals("grad") && t.size() > outer + 1) {
        return point(t.get(outer + 1).text(), nameSlot, named);
      }
    }
    return expression(false);
  }

  private List<Candidate> hyperparameters(List<HyperParam> params, boolean optimizer,
      List<String> given, boolean nameSlot, String named, boolean valueStart, int argStart) {
    if (nameSlot) {
      return c.hyperparameters(params, optimizer, given);
    }
    if (named == null) {
      return expression(false);
    }
    if (optimizer && named.equals("schedule")) {
      return clauses.scheduleValue(argStart + 2, t.size());
    }
    HyperParam p = params.stream().filter(h -> h.name().equals(named)).findFirst().orElse(null);
    if (p != null && valueStart && p.kind() == Kind.BOOLEAN) {
      return c.keywords("true", "false");
    }
    if (p != null && valueStart && p.kind() == Kind.CHOICE) {
      List<Candidate> out = new ArrayList<>();
      for (String choice : p.choices()) {
        out.add(new Candidate("\"" + choice + "\"", choice, "choices", null, null, null, true));
      }
      return out;
    }
    return expression(false);
  }

  /** The parameters of an objective as {@code x = }, for a start point. */
  private List<Candidate> point(String objective, boolean nameSlot, String named) {
    if (nameSlot && c.lookup(objective) instanceof Declaration.Objective o) {
      List<Candidate> out = new ArrayList<>();
      for (int i = 0; i < o.params().size(); i++) {
        String p = o.params().get(i);
        out.add(new Candidate(p + " = ", p, "parameters", "starts at "
            + Numbers.short6(o.start()[i]), null, null, false));
      }
      return out;
    }
    return nameSlot || named != null ? expression(false) : List.of();
  }

  /** Names an expression may use here, unless the cursor follows a finished operand. */
  private List<Candidate> expression(boolean grad) {
    return t.afterOperand() ? List.of() : c.expressionNames(locals(), grad);
  }

  /** Variables bound by the statement: def and objective parameters, a schedule's step. */
  private List<String> locals() {
    Tok head = t.get(0);
    List<String> out = new ArrayList<>();
    if ((head.is(DEF) || head.is(OBJECTIVE) || head.is(SCHEDULE)) && t.size() > 2
        && t.get(2).is(LPAREN)) {
      for (int i = 3; i < t.size() && t.depth(i) == 1; i++) {
        if (t.get(i).is(ID) && (t.get(i - 1).is(LPAREN) || t.get(i - 1).is(COMMA))) {
          out.add(t.get(i).text());
        }
      }
      if (head.is(SCHEDULE)) {
        out.add("lr0");
      }
    }
    return out;
  }

  private String objectiveAfterOn() {
    int on = t.indexAtTop(ON, 0);
    return on >= 0 && on + 1 < t.size() ? t.get(on + 1).text() : "";
  }

  /** The optimizer kind of the spec that ends just before {@code with}. */
  private Optional<OptimizerKind> kindBefore(int with) {
    int i = with - 1;
    if (i >= 0 && t.get(i).is(RPAREN)) {
      int d = t.depth(i + 1);
      while (i >= 0 && !(t.get(i).is(LPAREN) && t.depth(i) == d)) {
        i--;
      }
      i--;
    }
    if (i < 0 || !t.get(i).is(ID)) {
      return Optional.empty();
    }
    if (c.lookup(t.get(i).text()) instanceof Declaration.Optimizer o) {
      return Optional.of(o.config().kind());
    }
    return c.optimizerKind(t.get(i).text());
  }

}

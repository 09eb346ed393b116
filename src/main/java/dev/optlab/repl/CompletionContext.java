package dev.optlab.repl;

import static dev.optlab.syntax.gen.OptlabLexer.ASSIGN;
import static dev.optlab.syntax.gen.OptlabLexer.COMMA;
import static dev.optlab.syntax.gen.OptlabLexer.COMPARE;
import static dev.optlab.syntax.gen.OptlabLexer.DEF;
import static dev.optlab.syntax.gen.OptlabLexer.EQ;
import static dev.optlab.syntax.gen.OptlabLexer.EVERY;
import static dev.optlab.syntax.gen.OptlabLexer.EXPLAIN;
import static dev.optlab.syntax.gen.OptlabLexer.FALSE;
import static dev.optlab.syntax.gen.OptlabLexer.FOR;
import static dev.optlab.syntax.gen.OptlabLexer.FROM;
import static dev.optlab.syntax.gen.OptlabLexer.GE;
import static dev.optlab.syntax.gen.OptlabLexer.GT;
import static dev.optlab.syntax.gen.OptlabLexer.ID;
import static dev.optlab.syntax.gen.OptlabLexer.LBRACK;
import static dev.optlab.syntax.gen.OptlabLexer.LE;
import static dev.optlab.syntax.gen.OptlabLexer.LET;
import static dev.optlab.syntax.gen.OptlabLexer.LPAREN;
import static dev.optlab.syntax.gen.OptlabLexer.LT;
import static dev.optlab.syntax.gen.OptlabLexer.NE;
import static dev.optlab.syntax.gen.OptlabLexer.NUMBER;
import static dev.optlab.syntax.gen.OptlabLexer.OBJECTIVE;
import static dev.optlab.syntax.gen.OptlabLexer.ON;
import static dev.optlab.syntax.gen.OptlabLexer.OPTIMIZER;
import static dev.optlab.syntax.gen.OptlabLexer.PRINT;
import static dev.optlab.syntax.gen.OptlabLexer.RBRACK;
import static dev.optlab.syntax.gen.OptlabLexer.RPAREN;
import static dev.optlab.syntax.gen.OptlabLexer.RUN;
import static dev.optlab.syntax.gen.OptlabLexer.SCHEDULE;
import static dev.optlab.syntax.gen.OptlabLexer.STEPS;
import static dev.optlab.syntax.gen.OptlabLexer.STRING;
import static dev.optlab.syntax.gen.OptlabLexer.THEN;
import static dev.optlab.syntax.gen.OptlabLexer.TRACE;
import static dev.optlab.syntax.gen.OptlabLexer.TRUE;
import static dev.optlab.syntax.gen.OptlabLexer.UNTIL;
import static dev.optlab.syntax.gen.OptlabLexer.WITH;

import dev.optlab.check.Declaration;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.Kind;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.Optimizers;
import dev.optlab.repl.Tokens.Tok;
import dev.optlab.schedule.Schedules;
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
  private static final List<String> CLAUSES = List.of("from", "for", "every", "until", "trace");

  private final LanguageCompleter c;
  private final List<Tok> s;
  /** depth[i]: brackets open before token i. */
  private final int[] depth;

  CompletionContext(LanguageCompleter completer, List<Tok> statement) {
    this.c = completer;
    this.s = statement;
    this.depth = new int[s.size() + 1];
    for (int i = 0; i < s.size(); i++) {
      int d = depth[i];
      if (s.get(i).is(LPAREN) || s.get(i).is(LBRACK)) {
        d++;
      } else if ((s.get(i).is(RPAREN) || s.get(i).is(RBRACK)) && d > 0) {
        d--;
      }
      depth[i + 1] = d;
    }
  }

  List<Candidate> candidates() {
    if (s.isEmpty()) {
      List<Candidate> out = c.keywords(Tokens.STATEMENT_KEYWORDS.toArray(String[]::new));
      out.addAll(c.expressionNames(List.of(), true));
      return out;
    }
    int open = innermostOpen(s.size());
    if (open >= 0) {
      return inBrackets(open);
    }
    int head = s.get(0).is(EXPLAIN) ? 1 : 0;
    if (head == s.size()) {
      return c.keywords("run", "compare");
    }
    return switch (s.get(head).type()) {
      case LET -> declaration("constant");
      case DEF -> declaration("function");
      case OBJECTIVE -> declaration("objective");
      case OPTIMIZER -> optimizerStatement();
      case SCHEDULE -> scheduleStatement();
      case RUN, COMPARE -> runStatement(head);
      case PRINT -> expression(true);
      default -> expression(true);
    };
  }

  private List<Candidate> declaration(String kind) {
    if (s.size() == 1) {
      return c.declared(kind); // redeclaring one
    }
    return indexAtTop(ASSIGN, 1) < 0 ? List.of() : expression(false);
  }

  private List<Candidate> optimizerStatement() {
    if (s.size() <= 2) {
      return s.size() == 1 ? c.declared("optimizer") : List.of();
    }
    if (s.size() == 3 && s.get(2).is(ASSIGN)) {
      List<Candidate> out = c.declared("optimizer");
      out.addAll(c.optimizerKinds());
      return out;
    }
    return afterOperand() && indexAtTop(WITH, 0) < 0 ? c.keywords("with") : List.of();
  }

  private List<Candidate> scheduleStatement() {
    if (s.size() <= 2) {
      return s.size() == 1 ? c.declared("schedule") : List.of();
    }
    if (s.get(2).is(LPAREN)) { // schedule NAME(t) = EXPR
      return indexAtTop(ASSIGN, 2) < 0 ? List.of() : expression(false);
    }
    return scheduleValue(3, s.size());
  }

  /** A schedule spec from token {@code from} to the end: {@code A for N then B}. */
  private List<Candidate> scheduleValue(int from, int to) {
    Tok last = to > from ? s.get(to - 1) : null;
    if (last == null || last.is(THEN)) {
      List<Candidate> out = c.declared("schedule");
      out.addAll(c.scheduleKinds());
      return out;
    }
    if (last.is(FOR)) {
      return c.expressionNames(List.of(), false);
    }
    if (afterOperand()) {
      int segment = from;
      for (int i = from; i < to; i++) {
        if (s.get(i).is(THEN) && depth[i] == depth[from]) {
          segment = i + 1;
        }
      }
      boolean hasFor = false;
      for (int i = segment; i < to; i++) {
        hasFor |= s.get(i).is(FOR) && depth[i] == depth[from];
      }
      return hasFor ? c.keywords("then") : c.keywords("for", "then");
    }
    return c.expressionNames(List.of(), false);
  }

  private List<Candidate> runStatement(int head) {
    boolean run = s.get(head).is(RUN);
    Tok last = s.get(s.size() - 1);
    int on = indexAtTop(ON, head);
    if (on < 0) {
      if (last.is(RUN) || last.is(COMPARE) || last.is(COMMA)) {
        List<Candidate> out = c.declared("optimizer");
        out.addAll(c.optimizerKinds());
        return out;
      }
      if (last.is(ID)) {
        return c.keywords("on", "with");
      }
      return last.is(RPAREN) ? c.keywords("on") : List.of();
    }
    if (last.is(ON)) {
      return c.declared("objective");
    }
    int clause = -1;
    List<String> used = new ArrayList<>();
    for (int i = on + 2; i < s.size(); i++) {
      if (depth[i] == 0 && CLAUSES.contains(s.get(i).text())) {
        clause = i;
        used.add(s.get(i).text());
      }
    }
    List<String> rest = new ArrayList<>(CLAUSES);
    rest.removeAll(used);
    if (!run) {
      rest.remove("trace");
    }
    String[] more = rest.toArray(String[]::new);
    if (clause < 0) {
      return s.size() == on + 2 ? c.keywords(more) : List.of();
    }
    Tok kw = s.get(clause);
    boolean justKeyword = clause == s.size() - 1;
    if (kw.is(FOR)) {
      if (justKeyword) {
        return c.expressionNames(List.of(), false);
      }
      return last.is(STEPS) ? c.keywords(more) : afterOperand() ? c.keywords("steps")
          : c.expressionNames(List.of(), false);
    }
    if (kw.is(UNTIL)) {
      boolean compared = false;
      for (int i = clause + 1; i < s.size(); i++) {
        compared |= isAny(s.get(i), LT, LE, GT, GE, EQ, NE);
      }
      if (afterOperand()) {
        return compared ? c.keywords(more) : List.of();
      }
      return c.expressionNames(Tokens.CONDITION_VARIABLES, false);
    }
    if (kw.is(EVERY)) {
      return afterOperand() && !justKeyword ? c.keywords(more)
          : c.expressionNames(List.of(), false);
    }
    // from POINT, trace "FILE"
    return justKeyword || !(last.is(RPAREN) || last.is(STRING) || last.is(ID)) ? List.of()
        : c.keywords(more);
  }

  private List<Candidate> inBrackets(int open) {
    if (s.get(open).is(LBRACK)) {
      return List.of(); // a list of numbers
    }
    Tok callee = open > 0 ? s.get(open - 1) : null;
    int argStart = open + 1;
    List<String> given = new ArrayList<>();
    int argIndex = 0;
    for (int i = open + 1; i < s.size(); i++) {
      if (depth[i] == depth[open] + 1) {
        if (s.get(i).is(COMMA)) {
          argStart = i + 1;
          argIndex++;
        } else if (i + 1 < s.size() && s.get(i + 1).is(ASSIGN) && s.get(i).text().matches("\\w+")) {
          given.add(s.get(i).text());
        }
      }
    }
    boolean nameSlot = argStart == s.size();
    String named = s.size() - argStart >= 2 && s.get(argStart + 1).is(ASSIGN)
        ? s.get(argStart).text() : null;
    boolean valueStart = named != null && s.size() == argStart + 2;
    Tok head = s.get(0);
    if (open == 2 && (head.is(DEF) || head.is(SCHEDULE))) {
      return List.of(); // parameter names being declared
    }
    if (open == 2 && head.is(OBJECTIVE)) {
      return named == null ? List.of() : expression(false);
    }
    if (callee != null && callee.is(FROM)) {
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
      Optional<OptimizerKind> optimizer = Optimizers.byName(callee.text());
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
        return c.declared("objective");
      }
    }
    if (callee != null && callee.is(COMMA)) { // grad(f, (x = 1, ...))
      int outer = innermostOpen(open);
      if (outer > 0 && s.get(outer - 1).text().equals("grad") && s.size() > outer + 1) {
        return point(s.get(outer + 1).text(), nameSlot, named);
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
      return scheduleValue(argStart + 2, s.size());
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
            + dev.optlab.trace.Numbers.short6(o.start()[i]), null, null, false));
      }
      return out;
    }
    return nameSlot || named != null ? expression(false) : List.of();
  }

  /** Names an expression may use here, unless the cursor follows a finished operand. */
  private List<Candidate> expression(boolean grad) {
    return afterOperand() ? List.of() : c.expressionNames(locals(), grad);
  }

  /** Variables bound by the statement: def and objective parameters, a schedule's step. */
  private List<String> locals() {
    Tok head = s.get(0);
    List<String> out = new ArrayList<>();
    if ((head.is(DEF) || head.is(OBJECTIVE) || head.is(SCHEDULE)) && s.size() > 2
        && s.get(2).is(LPAREN)) {
      for (int i = 3; i < s.size() && depth[i] == 1; i++) {
        if (s.get(i).is(ID) && (s.get(i - 1).is(LPAREN) || s.get(i - 1).is(COMMA))) {
          out.add(s.get(i).text());
        }
      }
      if (head.is(SCHEDULE)) {
        out.add("lr0");
      }
    }
    return out;
  }

  private boolean afterOperand() {
    Tok last = s.get(s.size() - 1);
    return isAny(last, ID, NUMBER, STRING, RPAREN, RBRACK, TRUE, FALSE);
  }

  /** The innermost bracket still open before token {@code end}, or -1. */
  private int innermostOpen(int end) {
    int target = depth[end];
    if (target == 0) {
      return -1;
    }
    for (int i = end - 1; i >= 0; i--) {
      if ((s.get(i).is(LPAREN) || s.get(i).is(LBRACK)) && depth[i] == target - 1) {
        return i;
      }
    }
    return -1;
  }

  private int indexAtTop(int type, int from) {
    for (int i = from; i < s.size(); i++) {
      if (s.get(i).is(type) && depth[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private String objectiveAfterOn() {
    int on = indexAtTop(ON, 0);
    return on >= 0 && on + 1 < s.size() ? s.get(on + 1).text() : "";
  }

  /** The optimizer kind of the spec that ends just before {@code with}. */
  private Optional<OptimizerKind> kindBefore(int with) {
    int i = with - 1;
    if (i >= 0 && s.get(i).is(RPAREN)) {
      int d = depth[i + 1];
      while (i >= 0 && !(s.get(i).is(LPAREN) && depth[i] == d)) {
        i--;
      }
      i--;
    }
    if (i < 0 || !s.get(i).is(ID)) {
      return Optional.empty();
    }
    if (c.lookup(s.get(i).text()) instanceof Declaration.Optimizer o) {
      return Optional.of(o.config().kind());
    }
    return Optimizers.byName(s.get(i).text());
  }

  private static boolean isAny(Tok t, int... types) {
    for (int type : types) {
      if (t.is(type)) {
        return true;
      }
    }
    return false;
  }
}

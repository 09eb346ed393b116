package dev.optlab.repl;

import dev.optlab.check.Declaration;
import static dev.optlab.repl.StatementTokens.isAny;
import static dev.optlab.syntax.TokenKind.COMMA;
import static dev.optlab.syntax.TokenKind.COMPARE;
import static dev.optlab.syntax.TokenKind.EPOCH;
import static dev.optlab.syntax.TokenKind.EPOCHS;
import static dev.optlab.syntax.TokenKind.EQ;
import static dev.optlab.syntax.TokenKind.EVERY;
import static dev.optlab.syntax.TokenKind.FOR;
import static dev.optlab.syntax.TokenKind.GE;
import static dev.optlab.syntax.TokenKind.GT;
import static dev.optlab.syntax.TokenKind.ID;
import static dev.optlab.syntax.TokenKind.LE;
import static dev.optlab.syntax.TokenKind.LT;
import static dev.optlab.syntax.TokenKind.METRICS;
import static dev.optlab.syntax.TokenKind.NE;
import static dev.optlab.syntax.TokenKind.ON;
import static dev.optlab.syntax.TokenKind.PATHS;
import static dev.optlab.syntax.TokenKind.PLOT;
import static dev.optlab.syntax.TokenKind.RBRACK;
import static dev.optlab.syntax.TokenKind.RPAREN;
import static dev.optlab.syntax.TokenKind.RUN;
import static dev.optlab.syntax.TokenKind.SCHEDULE;
import static dev.optlab.syntax.TokenKind.STEPS;
import static dev.optlab.syntax.TokenKind.STRING;
import static dev.optlab.syntax.TokenKind.THEN;
import static dev.optlab.syntax.TokenKind.TO;
import static dev.optlab.syntax.TokenKind.UNTIL;
import static dev.optlab.syntax.TokenKind.WITH;

import dev.optlab.plan.Metric;
import dev.optlab.syntax.Tokens.Tok;
import dev.optlab.syntax.Tokens;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;

/**
 * What comes next in the statements with clauses: {@code run}, {@code compare}, {@code plot}
 * (their optimizers, objective and clauses, each clause once) and schedule specs ({@code A for N
 * then B}).
 */
final class ClauseCompletion {

  private final LanguageCompleter c;
  private final StatementTokens t;

  ClauseCompletion(LanguageCompleter completer, StatementTokens tokens) {
    this.c = completer;
    this.t = tokens;
  }

  /** A schedule spec from token {@code from} to the end: {@code A for N then B}. */
  List<Candidate> scheduleValue(int from, int to) {
    Tok last = to > from ? t.get(to - 1) : null;
    if (last == null || last.is(THEN)) {
      List<Candidate> out = c.declared(Declaration.Kind.SCHEDULE);
      out.addAll(c.scheduleKinds());
      return out;
    }
    if (last.is(FOR)) {
      return c.expressionNames(List.of(), false);
    }
    if (t.afterOperand()) {
      int segment = from;
      for (int i = from; i < to; i++) {
        if (t.get(i).is(THEN) && t.depth(i) == t.depth(from)) {
          segment = i + 1;
        }
      }
      boolean hasFor = false;
      for (int i = segment; i < to; i++) {
        hasFor |= t.get(i).is(FOR) && t.depth(i) == t.depth(from);
      }
      return hasFor ? c.keywords("then") : c.keywords("for", "then");
    }
    return c.expressionNames(List.of(), false);
  }

  /** {@code run}, {@code compare}, and {@code plot run|compare|paths}, from {@code head}. */
  List<Candidate> runStatement(int head) {
    boolean plot = t.get(0).is(PLOT);
    Tok last = t.get(t.size() - 1);
    int on = t.indexAtTop(ON, head);
    // The clauses are the grammar's: what may follow `on OBJECTIVE`.
    List<String> clauses = on >= 0 && on + 2 <= t.size()
        ? new ArrayList<>(t.keywordsAfter(on + 2)) : new ArrayList<>();
    if (plot || !t.get(head).is(RUN)) { // checkpoints belong to a run alone
      clauses.removeAll(List.of("checkpoint", "resume"));
    }
    if (plot) { // the run's clauses but trace, and the plot's own
      clauses.remove("trace");
      clauses.remove(t.get(head).is(PATHS) ? "with" : "over");
      for (String own : List.of("to", "with", "over")) { // after the run's clauses
        if (clauses.remove(own)) {
          clauses.add(own);
        }
      }
    } else if (!t.get(head).is(RUN)) {
      clauses.remove("trace");
    }
    if (on < 0) {
      if (isAny(last, RUN, COMPARE, PATHS, COMMA)) {
        List<Candidate> out = c.declared(Declaration.Kind.OPTIMIZER);
        out.addAll(c.optimizerKinds());
        return out;
      }
      if (last.is(ID)) {
        return t.size() >= 2 && t.get(t.size() - 2).is(FOR) ? c.keywords("on") // for others
            : c.keywords("on", "with", "for");
      }
      return last.is(RPAREN) ? c.keywords("on", "for") : last.is(RBRACK) ? c.keywords("on")
          : List.of();
    }
    if (last.is(ON)) {
      return c.declared(Declaration.Kind.OBJECTIVE);
    }
    int clause = -1;
    List<String> used = new ArrayList<>();
    for (int i = on + 2; i < t.size(); i++) {
      if (t.depth(i) == 0 && clauses.contains(t.get(i).text())) {
        clause = i;
        used.add(t.get(i).text());
      }
    }
    List<String> rest = new ArrayList<>(clauses);
    rest.removeAll(used);
    String[] more = rest.toArray(String[]::new);
    if (clause < 0) {
      return t.size() == on + 2 ? c.keywords(more) : List.of();
    }
    Tok kw = t.get(clause);
    boolean justKeyword = clause == t.size() - 1;
    if (kw.is(FOR)) {
      if (justKeyword) {
        return c.expressionNames(List.of(), false);
      }
      if (isAny(last, STEPS, EPOCHS, EPOCH)) {
        return c.keywords(more);
      }
      return t.afterOperand() ? c.keywords(t.keywordsAfter(t.size()).toArray(String[]::new))
          : c.expressionNames(List.of(), false); // `steps` or `epochs` after the count

    }
    if (kw.is(METRICS)) { // metrics NAME, NAME
      if (justKeyword || last.is(COMMA)) {
        List<String> names = new ArrayList<>(Metric.texts());
        for (int i = clause + 1; i < t.size(); i++) {
          names.remove(t.get(i).text());
        }
        return c.keywords(names.toArray(String[]::new));
      }
      return c.keywords(more);
    }
    if (kw.is(UNTIL)) {
      boolean compared = false;
      for (int i = clause + 1; i < t.size(); i++) {
        compared |= isAny(t.get(i), LT, LE, GT, GE, EQ, NE);
      }
      if (t.afterOperand()) {
        return compared ? c.keywords(more) : List.of();
      }
      return c.expressionNames(Names.CONDITION_VARIABLES, false);
    }
    if (kw.is(EVERY)) {
      return t.afterOperand() && !justKeyword ? c.keywords(more)
          : c.expressionNames(List.of(), false);
    }
    if (kw.is(WITH)) {
      return justKeyword ? c.keywords("lr") : c.keywords(more);
    }
    // from POINT, trace "FILE", to "FILE", over (x = a to b)
    return justKeyword || !(last.is(RPAREN) || last.is(STRING) || last.is(ID)) ? List.of()
        : c.keywords(more);
  }

  /** {@code plot schedule A, B for N steps [every K] [lr X] [to "FILE"]}. */
  List<Candidate> plotSchedules() {
    Tok last = t.get(t.size() - 1);
    int steps = t.indexAtTop(STEPS, 2);
    if (steps < 0) {
      if (isAny(last, SCHEDULE, COMMA, THEN)) {
        List<Candidate> out = c.declared(Declaration.Kind.SCHEDULE);
        out.addAll(c.scheduleKinds());
        return out;
      }
      if (!t.afterOperand()) {
        return c.expressionNames(List.of(), false);
      }
      int segment = 2;
      boolean hasFor = false;
      for (int i = 2; i < t.size(); i++) {
        if (t.depth(i) == 0 && isAny(t.get(i), THEN, COMMA)) {
          segment = i + 1;
          hasFor = false;
        }
        hasFor |= i >= segment && t.depth(i) == 0 && t.get(i).is(FOR);
      }
      return hasFor ? c.keywords("steps", "then") : c.keywords("for", "then");
    }
    List<String> rest = new ArrayList<>(List.of("every", "lr", "to"));
    int clause = -1;
    for (int i = steps + 1; i < t.size(); i++) {
      if (t.depth(i) == 0 && rest.remove(t.get(i).text())) {
        clause = i;
      }
    }
    String[] more = rest.toArray(String[]::new);
    if (clause < 0) {
      return t.size() == steps + 1 ? c.keywords(more) : List.of();
    }
    if (clause == t.size() - 1) {
      return t.get(clause).is(TO) ? List.of() : c.expressionNames(List.of(), false);
    }
    return t.afterOperand() ? c.keywords(more) : c.expressionNames(List.of(), false);
  }
}

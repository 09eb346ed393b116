package dev.optlab.repl;

import static dev.optlab.repl.StatementTokens.isAny;
import static dev.optlab.syntax.gen.OptlabLexer.COMMA;
import static dev.optlab.syntax.gen.OptlabLexer.COMPARE;
import static dev.optlab.syntax.gen.OptlabLexer.EQ;
import static dev.optlab.syntax.gen.OptlabLexer.EVERY;
import static dev.optlab.syntax.gen.OptlabLexer.FOR;
import static dev.optlab.syntax.gen.OptlabLexer.GE;
import static dev.optlab.syntax.gen.OptlabLexer.GT;
import static dev.optlab.syntax.gen.OptlabLexer.ID;
import static dev.optlab.syntax.gen.OptlabLexer.LE;
import static dev.optlab.syntax.gen.OptlabLexer.LT;
import static dev.optlab.syntax.gen.OptlabLexer.NE;
import static dev.optlab.syntax.gen.OptlabLexer.ON;
import static dev.optlab.syntax.gen.OptlabLexer.PATHS;
import static dev.optlab.syntax.gen.OptlabLexer.PLOT;
import static dev.optlab.syntax.gen.OptlabLexer.RPAREN;
import static dev.optlab.syntax.gen.OptlabLexer.RUN;
import static dev.optlab.syntax.gen.OptlabLexer.SCHEDULE;
import static dev.optlab.syntax.gen.OptlabLexer.STEPS;
import static dev.optlab.syntax.gen.OptlabLexer.STRING;
import static dev.optlab.syntax.gen.OptlabLexer.THEN;
import static dev.optlab.syntax.gen.OptlabLexer.TO;
import static dev.optlab.syntax.gen.OptlabLexer.UNTIL;
import static dev.optlab.syntax.gen.OptlabLexer.WITH;

import dev.optlab.repl.Tokens.Tok;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;

/**
 * What comes next in the statements with clauses: {@code run}, {@code compare}, {@code plot}
 * (their optimizers, objective and clauses, each clause once) and schedule specs ({@code A for N
 * then B}).
 */
final class ClauseCompletion {
  private static final List<String> CLAUSES = List.of("from", "for", "every", "until", "trace");

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
      List<Candidate> out = c.declared("schedule");
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
    List<String> clauses = new ArrayList<>(CLAUSES);
    if (plot) { // the run's clauses but trace, and the plot's own
      clauses.remove("trace");
      clauses.add("to");
      clauses.add(t.get(head).is(PATHS) ? "over" : "with");
    } else if (!t.get(head).is(RUN)) {
      clauses.remove("trace");
    }
    Tok last = t.get(t.size() - 1);
    int on = t.indexAtTop(ON, head);
    if (on < 0) {
      if (isAny(last, RUN, COMPARE, PATHS, COMMA)) {
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
      return last.is(STEPS) ? c.keywords(more) : t.afterOperand() ? c.keywords("steps")
          : c.expressionNames(List.of(), false);
    }
    if (kw.is(UNTIL)) {
      boolean compared = false;
      for (int i = clause + 1; i < t.size(); i++) {
        compared |= isAny(t.get(i), LT, LE, GT, GE, EQ, NE);
      }
      if (t.afterOperand()) {
        return compared ? c.keywords(more) : List.of();
      }
      return c.expressionNames(Tokens.CONDITION_VARIABLES, false);
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
        List<Candidate> out = c.declared("schedule");
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

package dev.optlab.syntax;

import dev.optlab.syntax.gen.OptlabLexer;

/**
 * The token kinds the rest of the program may name (the REPL's completion and highlighting), so
 * that only this package sees the generated lexer. Each is a compile-time constant, usable in a
 * {@code switch}. A kind missing here is added here, from {@link OptlabLexer}.
 */
public final class TokenKind {
  private TokenKind() {}

  public static final int ASSIGN = OptlabLexer.ASSIGN;
  public static final int COMMA = OptlabLexer.COMMA;
  public static final int PLUS = OptlabLexer.PLUS;
  public static final int SEMI = OptlabLexer.SEMI;
  public static final int LPAREN = OptlabLexer.LPAREN;
  public static final int RPAREN = OptlabLexer.RPAREN;
  public static final int LBRACK = OptlabLexer.LBRACK;
  public static final int RBRACK = OptlabLexer.RBRACK;
  public static final int ID = OptlabLexer.ID;
  public static final int NUMBER = OptlabLexer.NUMBER;
  public static final int STRING = OptlabLexer.STRING;
  public static final int TRUE = OptlabLexer.TRUE;
  public static final int FALSE = OptlabLexer.FALSE;
  public static final int ERROR_CHAR = OptlabLexer.ERROR_CHAR;
  public static final int UNTERMINATED_STRING = OptlabLexer.UNTERMINATED_STRING;
  public static final int EQ = OptlabLexer.EQ;
  public static final int NE = OptlabLexer.NE;
  public static final int LT = OptlabLexer.LT;
  public static final int LE = OptlabLexer.LE;
  public static final int GT = OptlabLexer.GT;
  public static final int GE = OptlabLexer.GE;
  public static final int LET = OptlabLexer.LET;
  public static final int DEF = OptlabLexer.DEF;
  public static final int OBJECTIVE = OptlabLexer.OBJECTIVE;
  public static final int OPTIMIZER = OptlabLexer.OPTIMIZER;
  public static final int SCHEDULE = OptlabLexer.SCHEDULE;
  public static final int RUN = OptlabLexer.RUN;
  public static final int COMPARE = OptlabLexer.COMPARE;
  public static final int PRINT = OptlabLexer.PRINT;
  public static final int EXPLAIN = OptlabLexer.EXPLAIN;
  public static final int PLOT = OptlabLexer.PLOT;
  public static final int DATA = OptlabLexer.DATA;
  public static final int REPORT = OptlabLexer.REPORT;
  public static final int LRFIND = OptlabLexer.LRFIND;
  public static final int PATHS = OptlabLexer.PATHS;
  public static final int ON = OptlabLexer.ON;
  public static final int WITH = OptlabLexer.WITH;
  public static final int FROM = OptlabLexer.FROM;
  public static final int FOR = OptlabLexer.FOR;
  public static final int STEPS = OptlabLexer.STEPS;
  public static final int EVERY = OptlabLexer.EVERY;
  public static final int UNTIL = OptlabLexer.UNTIL;
  public static final int THEN = OptlabLexer.THEN;
  public static final int TO = OptlabLexer.TO;
  public static final int OVER = OptlabLexer.OVER;
  public static final int EPOCHS = OptlabLexer.EPOCHS;
  public static final int EPOCH = OptlabLexer.EPOCH;
  public static final int METRICS = OptlabLexer.METRICS;
  public static final int BATCH = OptlabLexer.BATCH;
  public static final int SEED = OptlabLexer.SEED;
  public static final int PER = OptlabLexer.PER;
  public static final int TRACE = OptlabLexer.TRACE;
}

package dev.optlab.trace;

/**
 * One row of a trace: the state after {@code step} updates (LANGUAGE.md section 7).
 *
 * @param lr the learning rate update {@code step + 1} will use
 * @param params the parameters after {@code step} updates (a copy the row owns)
 */
public record TraceRow(String run, long step, double lr, double loss, double gradNorm,
    double[] params) {}

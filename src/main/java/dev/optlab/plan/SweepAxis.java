package dev.optlab.plan;

/**
 * One column that tells a sweep's trials apart: a swept hyperparameter ({@code lr}, {@code
 * schedule.T_max}), the optimizer, or the seed.
 *
 * @param numeric whether every value is a number (a plot can put it on an axis)
 * @param log whether its values were spaced or drawn on a log scale ({@code logspace}, {@code
 *     loguniform}): its plots use a log axis
 */
public record SweepAxis(String name, boolean numeric, boolean log) {}

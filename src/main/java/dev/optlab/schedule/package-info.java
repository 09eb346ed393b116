/**
 * Learning-rate schedules exact to PyTorch 1.13 in float64 (LANGUAGE.md section 6), a small
 * numeric library that knows nothing of the language.
 *
 * <p>{@link dev.optlab.schedule.Schedules} is the table of named schedules, each a {@link
 * dev.optlab.schedule.ScheduleKind} (name, PyTorch's hyperparameters, help, cross-parameter check,
 * factory); {@link dev.optlab.schedule.LambdaSchedule} and {@link
 * dev.optlab.schedule.SequentialSchedule} are the expression and {@code A for N then B} forms. A
 * {@link dev.optlab.schedule.ScheduleSpec} is immutable; {@code start} gives a stateful {@link
 * dev.optlab.schedule.Schedule} whose {@code lr()} after {@code k} calls of {@code step} is
 * {@code get_last_lr()[0]} after the constructor's initial step and {@code k} calls of {@code
 * scheduler.step()}. Each follows the formula PyTorch's {@code step()} evaluates (the chainable,
 * recursive one where there is one), in PyTorch's operation order, so that values agree bit for
 * bit except where {@code Math.cos}/{@code Math.pow} round apart from glibc's (a few ulps).
 *
 * <p>Things a caller must know: {@code cyclic} and {@code onecycle} replace the optimizer's lr and,
 * unless {@code cycle_momentum = false}, its momentum or first beta, even an SGD configured with
 * {@code momentum = 0}; {@code plateau}'s {@code step(loss)} must get the loss at the parameters
 * the update started from; {@code onecycle} may be stepped at most {@code total_steps} times
 * ({@link dev.optlab.schedule.ScheduleSpec#maxSteps()}). {@code lr()}, {@code momentum()} and
 * {@code step()} allocate nothing.
 */
package dev.optlab.schedule;

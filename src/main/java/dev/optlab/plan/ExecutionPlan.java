package dev.optlab.plan;

import dev.optlab.diff.CompiledFunction;
import dev.optlab.optim.GradientClip;
import dev.optlab.optim.ParamLayout;
import dev.optlab.schedule.ScheduleSpec;
import dev.optlab.source.Span;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@code run} or {@code compare} statement compiles to, decided once before the first
 * step: the compiled objective, one kernel per optimizer, the schedules, the loop and the sinks.
 * The executor runs exactly this; {@code explain} prints exactly this.
 *
 * @param span the statement, where run-time errors point
 * @param compare whether the statement was a {@code compare}
 * @param training for an objective on data (docs/tensors.md), how it trains; null otherwise.
 *     Its trace rows then carry, in {@link ObjectivePlan#params()}'s place, the columns {@link
 *     TrainingPlan#columns()} names (epoch, parameter norms, metrics), and the objective plan has
 *     no scalar function.
 * @param checkpoint the checkpoint files the run writes or reads; null for none
 */
public record ExecutionPlan(
    Span span,
    boolean compare,
    ObjectivePlan objective,
    List<OptimizerPlan> optimizers,
    LoopPlan loop,
    Path traceFile,
    Span traceSpan,
    TrainingPlan training,
    CheckpointPlan checkpoint) {
  public ExecutionPlan {
    optimizers = List.copyOf(optimizers);
  }

  public ExecutionPlan(Span span, boolean compare, ObjectivePlan objective,
      List<OptimizerPlan> optimizers, LoopPlan loop, Path traceFile, Span traceSpan,
      TrainingPlan training) {
    this(span, compare, objective, optimizers, loop, traceFile, traceSpan, training, null);
  }

  /**
   * The parameter tensors the optimizers update: a model's declared tensors, or a scalar
   * objective's parameters, each a 0-d tensor.
   */
  public ParamLayout layout() {
    if (training != null) {
      return training.model().layout();
    }
    return ParamLayout.scalars(objective.params());
  }

  /** This plan with its checkpoint files. */
  public ExecutionPlan withCheckpoint(CheckpointPlan c) {
    return new ExecutionPlan(span, compare, objective, optimizers, loop, traceFile, traceSpan,
        training, c);
  }

  public ExecutionPlan(Span span, boolean compare, ObjectivePlan objective,
      List<OptimizerPlan> optimizers, LoopPlan loop, Path traceFile, Span traceSpan) {
    this(span, compare, objective, optimizers, loop, traceFile, traceSpan, null);
  }

  /** The objective compiled for value and gradient, and the point every optimizer starts from. */
  public record ObjectivePlan(String name, List<String> params, CompiledFunction function,
      double[] start) {
    public ObjectivePlan {
      params = List.copyOf(params);
      start = start.clone();
    }

    /** A copy: the plan stays as planned whatever a loop does with its start. */
    @Override
    public double[] start() {
      return start.clone();
    }
  }

  /**
   * One optimizer's part of the plan.
   *
   * @param runName the trace's {@code run} column: the declared name, or the written text
   * @param schedule the learning-rate schedule, or {@code null} for a constant lr
   * @param clip how the gradient is clipped before each update ({@code clip_grad_norm} or
   *     {@code clip_grad_value} of the run), or {@code null}
   */
  public record OptimizerPlan(String runName, OptimizerConfig config, ScheduleSpec schedule,
      GradientClip clip) {
    public OptimizerPlan(String runName, OptimizerConfig config, ScheduleSpec schedule) {
      this(runName, config, schedule, null);
    }

    /** The optimizer as a run's title shows it: {@code Adam(lr=0.1, ...), clip_grad_norm=1}. */
    public String describe() {
      return config.describe() + (clip == null ? "" : ", " + clip);
    }
  }

  /**
   * The loop: {@code steps} updates at most, a traced row every {@code every} steps (and the
   * first and last), stopping early when {@code until} holds.
   *
   * @param logSpaced whether the rows are spaced evenly on a log scale of the step instead
   *     (steps 0 to 100, then every 1% further: about 230 per decade), for {@code plot ... log
   *     steps}; scalar runs only
   */
  public record LoopPlan(long steps, long every, StopCondition until, boolean logSpaced) {
    public LoopPlan(long steps, long every, StopCondition until) {
      this(steps, every, until, false);
    }

    /** Steps to skip after a traced step {@code k} before the next traced one. */
    public long gapAfter(long k) {
      return logSpaced ? k / 100 : every - 1;
    }
  }

  /** This plan with its rows spaced on a log scale of the step ({@link LoopPlan#logSpaced}). */
  public ExecutionPlan withLogSpacedRows() {
    return new ExecutionPlan(span, compare, objective, optimizers,
        new LoopPlan(loop.steps(), loop.every(), loop.until(), true), traceFile, traceSpan,
        training, checkpoint);
  }
}

package dev.optlab.plan;

import dev.optlab.ast.RunSpec;
import dev.optlab.diff.CompiledFunction;

/**
 * {@code until loss < 1e-8}: both sides compiled as functions of {@code (loss, grad_norm, step)}.
 * Immutable, as plans are: each loop tests it through an {@link #evaluator()} of its own.
 */
public final class StopCondition {
  /** The names a condition may use, in the order the compiled sides take them. */
  public static final java.util.List<String> VARIABLES = java.util.List.of("loss", "grad_norm",
      "step");

  private final CompiledFunction left;
  private final CompiledFunction right;
  private final RunSpec.Comparison op;
  private final String text;

  public StopCondition(CompiledFunction left, RunSpec.Comparison op,
      CompiledFunction right, String text) {
    this.left = left;
    this.op = op;
    this.right = right;
    this.text = text;
  }

  /** Work buffers of its own for testing the condition: one per loop. */
  public Evaluator evaluator() {
    return new Evaluator();
  }

  /** Tests the condition step by step without allocating. */
  public final class Evaluator {
    private final dev.optlab.diff.Evaluator l = left.evaluator();
    private final dev.optlab.diff.Evaluator r = right.evaluator();
    private final double[] args = new double[3];

    private Evaluator() {}

    public boolean holds(double loss, double gradNorm, long step) {
      args[0] = loss;
      args[1] = gradNorm;
      args[2] = step;
      double a = l.value(args);
      double b = r.value(args);
      return switch (op) {
        case LT -> a < b;
        case LE -> a <= b;
        case GT -> a > b;
        case GE -> a >= b;
        case EQ -> a == b;
        case NE -> a != b;
      };
    }
  }

  @Override
  public String toString() {
    return text;
  }
}

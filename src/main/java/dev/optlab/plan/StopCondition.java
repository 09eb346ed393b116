package dev.optlab.plan;

import dev.optlab.ast.RunSpec;
import dev.optlab.diff.CompiledFunction;

/**
 * {@code until loss < 1e-8}: both sides compiled as functions of {@code (loss, grad_norm, step)}.
 * One instance per run (it owns work buffers).
 */
public final class StopCondition {
  /** The names a condition may use, in the order the compiled sides take them. */
  public static final java.util.List<String> VARIABLES = java.util.List.of("loss", "grad_norm",
      "step");

  private final CompiledFunction left;
  private final CompiledFunction right;
  private final RunSpec.Comparison op;
  private final String text;
  private final double[] args = new double[3];

  public StopCondition(CompiledFunction left, RunSpec.Comparison op,
      CompiledFunction right, String text) {
    this.left = left;
    this.op = op;
    this.right = right;
    this.text = text;
  }

  /** A fresh copy for another run (runs of a compare may go in parallel). */
  public StopCondition copy() {
    return new StopCondition(left.copy(), op, right.copy(), text);
  }

  public boolean holds(double loss, double gradNorm, long step) {
    args[0] = loss;
    args[1] = gradNorm;
    args[2] = step;
    double a = left.value(args);
    double b = right.value(args);
    return switch (op) {
      case LT -> a < b;
      case LE -> a <= b;
      case GT -> a > b;
      case GE -> a >= b;
      case EQ -> a == b;
      case NE -> a != b;
    };
  }

  @Override
  public String toString() {
    return text;
  }
}

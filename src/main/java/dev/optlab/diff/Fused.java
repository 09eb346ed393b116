package dev.optlab.diff;

/**
 * A program translated by {@link Codegen} into straight-line JVM bytecode, so that the JIT
 * compiles it like a hand-written method. It keeps all values in locals: one instance serves any
 * number of threads.
 */
interface Fused {
  double value(double[] x);

  double valueAndGradient(double[] x, double[] grad);
}

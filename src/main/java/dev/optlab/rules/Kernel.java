package dev.optlab.rules;

/**
 * A {@link TensorProgram}'s instruction list as JVM bytecode ({@link KernelGen}): does what
 * {@link Interpreter#run} does with the same memory, bit for bit, without walking trees. The
 * sizes of its loops and matrices come in {@code dims} ({@link ProgramWalk#dims}), so that
 * tensors of every shape share one kernel, and one JIT compilation, per rule.
 */
interface Kernel {
  void run(double[][] arrays, int[] offsets, double[] slots, int[] dims);

  /**
   * The one pass of a flat program ({@link FlatProgram#split}) over elements {@code [from, to)}
   * only: ranges of one update may run at once on several threads.
   */
  default void range(double[][] arrays, int[] unused, double[] slots, int from, int to) {
    throw new UnsupportedOperationException("not the kernel of one flat pass");
  }
}

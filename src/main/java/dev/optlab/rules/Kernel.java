package dev.optlab.rules;

/**
 * A {@link TensorProgram}'s instruction list as JVM bytecode ({@link KernelGen}): does what
 * {@link Interpreter#run} does with the same memory, bit for bit, without walking trees.
 */
interface Kernel {
  void run(double[][] arrays, int[] offsets, double[] slots);
}

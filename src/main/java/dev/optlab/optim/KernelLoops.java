package dev.optlab.optim;

/**
 * Why every kernel has two copies of its loop over the parameters, one for arrays shorter than
 * {@link #SMALL} and one for the rest, both calling the same per-element method.
 *
 * <p>C2 unrolls and vectorizes a loop only when its profile says the loop runs for more than a
 * few iterations a call, and the profile is per loop in the bytecode. With one loop, the updates
 * of a two-parameter objective (a million steps of {@code run Adam(...) on rosenbrock}, or the
 * launcher's start-up cache, whose training run does exactly that) leave a profile of two
 * iterations a call, and the kernel later runs over a 10M-parameter tensor unvectorized: 3 to 5
 * times slower, measured (bench/README.md). With two loops, small arrays never touch the large
 * loop's profile. The per-element method keeps the arithmetic in one place; C2 inlines it into
 * both loops.
 */
final class KernelLoops {
  private KernelLoops() {}

  /** Arrays shorter than this run in the small loop. */
  static final int SMALL = 64;
}

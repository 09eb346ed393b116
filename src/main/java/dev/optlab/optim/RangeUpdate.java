package dev.optlab.optim;

/**
 * An update rule whose update can run over ranges of the parameters, on several threads: each
 * parameter's new value depends only on its own gradient and state and on the step's scalars,
 * so any split gives, bit for bit, what {@link UpdateRule#update} gives in one pass.
 * {@link #begin} does what an update does once (counts the step, SGD's first-step flag) and
 * returns the rest, which the caller runs once over each range of a split of {@code [0, n)},
 * in any order, before the next update. Rules that do not implement it run in one pass;
 * measured on 2 cores, Adam over 10M parameters takes 9.5 ms in one pass and
 * 5.0 ms in two halves, over the Fashion-MNIST MLP's 203,530 about 126 us and 94 us
 * (docs/tensors.md, "Threads").
 */
public interface RangeUpdate {
  /** The rest of one update, over parameters {@code [from, to)}. */
  interface Ranges {
    void run(int from, int to);
  }

  /**
   * Whether an update of {@code state} splits at all: a user-defined rule's does only when it
   * is element-wise (rules/FlatProgram); otherwise {@link #begin} does all of it.
   */
  default boolean splits(OptimizerState state) {
    return true;
  }

  /** Counts the step; the returned ranges apply it to {@code p} from {@code g}. */
  Ranges begin(double[] p, double[] g, double lr, double momentum, OptimizerState state);

  /** {@link RangeUpdate} for a {@link FloatRule}. */
  interface Floats {
    Ranges begin(float[] p, float[] g, double lr, double momentum, FloatState state);
  }
}

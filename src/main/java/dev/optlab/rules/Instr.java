package dev.optlab.rules;

import java.util.List;

/** One step of a {@link TensorProgram}, run in order for a parameter tensor at every update. */
sealed interface Instr {
  /** {@code slots[slot] = expr}, a scalar expression. */
  record SetSlot(int slot, Node expr) implements Instr {}

  /**
   * One fused loop over the {@code n} elements of a domain ({@code cols} its last dimension, for
   * the row and column broadcasts): for each element, the stores in order, then the sums.
   */
  record Pass(int n, int cols, List<Store> stores, List<Sum> sums) implements Instr {
    public Pass {
      stores = List.copyOf(stores);
      sums = List.copyOf(sums);
    }
  }

  /** Writes an element: to register {@code reg} when {@code array < 0}, else to the array. */
  record Store(int array, int reg, Node expr) {}

  /**
   * Adds an element's value into a sum: the scalar {@code slot} when {@code array < 0}, else the
   * array element its row ({@link Node.Index#ROW}) or column ({@link Node.Index#COL}) picks.
   * Sums start at zero when the pass starts.
   */
  record Sum(int slot, int array, Node.Index index, Node expr) {}

  /** {@code out[m, n] = a[m, k] @ b[k, n]}, row-major, each element summed over k in order. */
  record MatMul(int a, int b, int out, int m, int k, int n) implements Instr {}

  /** {@code out[c, r] = a[r, c]}. */
  record Transpose(int a, int out, int rows, int cols) implements Instr {}

  /** Runs {@code then} when the condition holds, else {@code otherwise}. */
  record If(Cond condition, List<Instr> then, List<Instr> otherwise) implements Instr {
    public If {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** A scalar condition. */
  sealed interface Cond {}

  /** {@code a OP b} with OP one of {@code < <= > >= == !=}. */
  record Compare(Node a, String op, Node b) implements Cond {}

  record Join(boolean and, Cond left, Cond right) implements Cond {}
}

package dev.optlab.rules;

import java.util.List;

/**
 * A rule compiled for one parameter tensor's shape: what runs at every update ({@link #body}),
 * the states it keeps and how each starts, the scratch it needs, and the evaluation point
 * ({@link #eval}, empty unless the rule has {@code eval = ...}).
 *
 * <p>Arrays 0, 1 and 2 are the run's flat parameters, gradient and evaluation point, read at the
 * tensor's offset; the others belong to this tensor: its states, then scratch. Slots 0 and 1
 * hold the step {@code t} and the scheduled {@code lr}; then the shared scalars (copied in at
 * each step), the scalar states, then locals and sums.
 */
record TensorProgram(
    List<Instr> body,
    List<Instr> eval,
    List<ArrayDecl> arrays,
    List<ScalarState> scalarStates,
    int sharedSlots,
    int slots,
    int registers) {
  static final int P = 0;
  static final int G = 1;
  static final int EVAL = 2;
  static final int FIRST_OWN = 3;
  static final int T_SLOT = 0;
  static final int LR_SLOT = 1;
  static final int FIRST_SHARED = 2;

  TensorProgram {
    body = List.copyOf(body);
    eval = List.copyOf(eval);
    arrays = List.copyOf(arrays);
    scalarStates = List.copyOf(scalarStates);
  }

  /**
   * An array of the tensor's own, from index {@link #FIRST_OWN}: a state (named, as a checkpoint
   * and {@code explain} show it; {@code copyOfP} when it starts as a copy of p, else filled with
   * {@code fill}), or scratch ({@code name} null).
   */
  record ArrayDecl(String name, String shape, int size, boolean copyOfP, double fill) {
    boolean state() {
      return name != null;
    }
  }

  /** A scalar state: its slot and its starting value. */
  record ScalarState(String name, int slot, double start) {}
}

package dev.optlab.rules;

/**
 * An expression inside a {@link TensorProgram}: evaluated once per element inside a pass (reading
 * element {@code i} of arrays) or once per step when it reads no array (a scalar).
 */
sealed interface Node {
  /** A constant, folded when the rule was compiled (hyperparameters, shapes). */
  record Const(double value) implements Node {}

  /** A scalar slot of the program ({@code t}, {@code lr}, locals, reductions, scalar states). */
  record Slot(int slot) implements Node {}

  /**
   * Element {@code i} of array {@code array} in a pass: {@code arr[off + i]} for {@link
   * Index#SAME}, {@code arr[off + i / cols]} ({@link Index#ROW}: a row statistic broadcast along
   * the columns) or {@code arr[off + i % cols]} ({@link Index#COL}).
   */
  record Elem(int array, Index index) implements Node {}

  /** A value computed earlier in the same pass for the same element. */
  record Reg(int reg) implements Node {}

  record Unary(Op op, Node a) implements Node {}

  record Binary(Op op, Node a, Node b) implements Node {}

  /** A PyTorch op of three or four operands (add with alpha, addcmul, addcdiv, lerp, clamp). */
  record Ternary(Op op, Node a, Node b, Node c, Node d) implements Node {}

  enum Index { SAME, ROW, COL }

  /** Every operation, with its arithmetic in {@link Ops}. */
  enum Op {
    NEG, SQRT, RSQRT, ABS, SIGN, EXP, LOG, SCALAR_EXP, SCALAR_LOG,
    ADD, SUB, MUL, DIV, RDIV, POW, SCALAR_POW, MAX, MIN,
    ADD_ALPHA, ADDCMUL, ADDCDIV, LERP, CLAMP
  }

  /** Whether this node reads an array or a register: an element expression, not a scalar. */
  static boolean perElement(Node n) {
    return switch (n) {
      case Const c -> false;
      case Slot s -> false;
      case Elem e -> true;
      case Reg r -> true;
      case Unary u -> perElement(u.a());
      case Binary b -> perElement(b.a()) || perElement(b.b());
      case Ternary t -> perElement(t.a()) || perElement(t.b()) || perElement(t.c())
          || t.d() != null && perElement(t.d());
    };
  }
}

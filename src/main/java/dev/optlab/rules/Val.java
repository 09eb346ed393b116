package dev.optlab.rules;

import java.util.Arrays;

/**
 * A compiled expression's value: a scalar ({@code dims} null: a number per step) or a tensor of
 * {@code dims} whose element is {@code node}. {@code tag} says how a vector broadcasts against a
 * matrix: {@link Node.Index#ROW} for row statistics (as {@code r[:, None]}), {@link
 * Node.Index#COL} for column ones (as {@code c[None, :]}), {@link Node.Index#SAME} otherwise.
 */
record Val(Node node, int[] dims, Node.Index tag) {
  static Val scalar(Node node) {
    return new Val(node, null, Node.Index.SAME);
  }

  static Val constant(double v) {
    return scalar(new Node.Const(v));
  }

  static Val tensor(Node node, int[] dims) {
    return new Val(node, dims, Node.Index.SAME);
  }

  boolean isScalar() {
    return dims == null;
  }

  boolean isConst() {
    return node instanceof Node.Const;
  }

  double constValue() {
    return ((Node.Const) node).value();
  }

  int numel() {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** {@code [64, 128]}, {@code a scalar}. */
  static String shape(int[] dims) {
    if (dims == null) {
      return "a number";
    }
    if (dims.length == 0) {
      return "[] (a 0-d tensor)";
    }
    return Arrays.toString(dims);
  }
}

package dev.optlab.tensor;

/** The operations of a tensor objective's graph. */
enum Op {
  PARAM, DATA_X, DATA_Y, CONST,
  // element-wise, one operand
  NEG, EXP, LOG, SQRT, ABS, SIN, COS, TAN, TANH, SIGMOID, RELU, SOFTPLUS, SIGN, FLOOR, CEIL,
  /** {@code x ^ c} for a constant {@code c}. */
  POW_C,
  // element-wise with broadcasting, two operands
  ADD, SUB, MUL, DIV, POW, MIN, MAX,
  MATMUL,
  /** Along {@code axis}, or over everything when the axis is {@link NodeSpec#ALL}. */
  SUM, MEAN,
  SOFTMAX, LOG_SOFTMAX,
  /** {@code cross_entropy(logits[n, C], labels[n])}, mean over the rows. */
  CROSS_ENTROPY,
  MSE,
  BCE_WITH_LOGITS;

  boolean unary() {
    return ordinal() >= NEG.ordinal() && ordinal() <= POW_C.ordinal();
  }

  boolean binary() {
    return ordinal() >= ADD.ordinal() && ordinal() <= MAX.ordinal();
  }
}

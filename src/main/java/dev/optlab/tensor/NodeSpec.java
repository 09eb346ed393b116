package dev.optlab.tensor;

import dev.optlab.source.Span;

/**
 * One node of a compiled tensor objective: an operation on earlier nodes, with its shape fixed
 * at compile time.
 *
 * @param a the first operand's node, or the parameter's number for {@link Op#PARAM}; -1 if none
 * @param b the second operand's node, or -1
 * @param c a constant: the value of {@link Op#CONST}, the exponent of {@link Op#POW_C}
 * @param axis the axis of a reduction or softmax ({@link #ALL} for every axis)
 * @param span where it was written
 */
record NodeSpec(Op op, int a, int b, Shape shape, double c, int axis, Span span) {
  static final int ALL = Integer.MIN_VALUE;
}

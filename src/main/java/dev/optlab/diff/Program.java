package dev.optlab.diff;

import java.util.List;

/**
 * The immutable arrays of a compiled expression, shared by every copy of a {@link
 * CompiledFunction}.
 *
 * <p>Forward: op {@code i} reads registers {@code fa[i]}, {@code fb[i]} and the constant {@code
 * fc[i]} and writes register {@code base + i}. Registers {@code [0, arity)} are the variables and
 * {@code [arity, base)} constants (operands of min/max), preset from {@code regInit}.
 *
 * <p>Reverse: node {@code k} (in creation order; the sweep runs {@code k} downwards) holds its
 * gradient in slot {@code arity + k}, reads registers {@code ba[k]}, {@code bb[k]} (operands) and
 * {@code br[k]} (its value), and adds its contributions to slots {@code ta[k]} and {@code tb[k]}.
 * Slots {@code [0, arity)} are the variables' gradients; the last slot collects contributions to
 * constants and is never read. {@code adjInit} holds -0.0 (the identity of +) in every slot, 1.0
 * in the slot of the result and +0.0 for a variable nothing depends on.
 */
final class Program {
  final List<String> variables;
  final int arity;
  final int[] fop;
  final int[] fa;
  final int[] fb;
  final double[] fc;
  final int base;
  final int[] bop;
  final int[] ba;
  final int[] bb;
  final int[] br;
  final double[] bc;
  final double[] baux;
  final int[] ta;
  final int[] tb;
  final double[] regInit;
  final double[] adjInit;
  /** The register of the value, or -1 when the value is {@link #constant}. */
  final int result;
  /** The gradient slot seeded with 1 (the result's), or -1. */
  final int rootSlot;
  final double constant;

  /** The bytecode translation, made on demand; null until then or when it cannot be made. */
  volatile Fused fused;
  volatile boolean fusedTried;
  /** Why there is no bytecode translation, once one was tried and not made; else null. */
  volatile String notFused;

  Program(List<String> variables, int[] fop, int[] fa, int[] fb, double[] fc, double[] regInit,
      int base, int[] bop, int[] ba, int[] bb, int[] br, double[] bc, double[] baux, int[] ta,
      int[] tb, double[] adjInit, int result, int rootSlot, double constant) {
    this.variables = List.copyOf(variables);
    this.arity = variables.size();
    this.fop = fop;
    this.fa = fa;
    this.fb = fb;
    this.fc = fc;
    this.regInit = regInit;
    this.base = base;
    this.bop = bop;
    this.ba = ba;
    this.bb = bb;
    this.br = br;
    this.bc = bc;
    this.baux = baux;
    this.ta = ta;
    this.tb = tb;
    this.adjInit = adjInit;
    this.result = result;
    this.rootSlot = rootSlot;
    this.constant = constant;
  }

  int trashSlot() {
    return adjInit.length - 1;
  }
}

package dev.optlab.diff;

import dev.optlab.ops.ScalarOps;
import dev.optlab.ops.Sleef;

/** The forward value of each opcode, from the one table of scalar operations ({@link ScalarOps}). */
final class Kernels {
  private Kernels() {}

  /** The forward value of {@code op}, for constant folding. */
  static double forward(int op, double a, double b, double c) {
    return switch (op) {
      case Op.NEG -> -a;
      case Op.SQRT -> Math.sqrt(a);
      case Op.EXP -> Sleef.exp(a);
      case Op.LOG -> Sleef.log(a);
      case Op.ABS -> Math.abs(a);
      case Op.SIN -> Sleef.sin(a);
      case Op.COS -> Sleef.cos(a);
      case Op.TAN -> Sleef.tan(a);
      case Op.TANH -> Sleef.tanh(a);
      case Op.SIGMOID -> ScalarOps.sigmoid(a);
      case Op.RELU -> ScalarOps.relu(a);
      case Op.SOFTPLUS -> ScalarOps.softplus(a);
      case Op.FLOOR -> Math.floor(a);
      case Op.CEIL -> Math.ceil(a);
      case Op.SIGN -> ScalarOps.sign(a);
      case Op.RECIP -> 1.0 / a;
      case Op.ADD -> a + b;
      case Op.SUB -> a - b;
      case Op.MUL -> a * b;
      case Op.DIV -> a / b;
      case Op.POW -> Math.pow(a, b);
      case Op.MIN -> ScalarOps.min(a, b);
      case Op.MAX -> ScalarOps.max(a, b);
      case Op.ADD_C -> a + c;
      case Op.SUB_C -> a - c;
      case Op.RSUB_C -> c - a;
      case Op.MUL_C -> a * c;
      case Op.DIV_C -> a / c;
      case Op.RPOW_C -> Math.pow(c, a);
      case Op.POW_C, Op.POW_0, Op.POW_1, Op.POW_2, Op.POW_3, Op.POW_HALF, Op.POW_MHALF, Op.POW_M1,
          Op.POW_M2 -> ScalarOps.powScalar(a, c);
      default -> throw new IllegalArgumentException("op " + op);
    };
  }

}

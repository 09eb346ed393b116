package dev.optlab.diff;

/**
 * Opcodes of a compiled program. Each is one PyTorch autograd node of the formula evaluated with
 * 0-dim float64 tensors and Python numbers, so that the forward kernel and the backward formula
 * can be those of PyTorch 1.13 (see {@link Kernels}). Operands are registers ({@code a}, {@code
 * b}) and, for the {@code *_C} forms, a Python-number constant {@code c} that gets no gradient.
 */
final class Op {
  private Op() {}

  // Unary ops on a tensor.
  static final int NEG = 0;
  static final int SQRT = 1;
  static final int EXP = 2;
  static final int LOG = 3;
  static final int ABS = 4;
  static final int SIN = 5;
  static final int COS = 6;
  static final int TAN = 7;
  static final int TANH = 8;
  static final int SIGMOID = 9;
  static final int RELU = 10;
  static final int SOFTPLUS = 11;
  static final int FLOOR = 12;
  static final int CEIL = 13;
  static final int SIGN = 14;
  /** {@code tensor.reciprocal()}: Python's {@code c / x} is {@code x.reciprocal() * c}. */
  static final int RECIP = 15;

  // Tensor op tensor.
  static final int ADD = 16;
  static final int SUB = 17;
  static final int MUL = 18;
  static final int DIV = 19;
  /** {@code pow(Tensor, Tensor)}. */
  static final int POW = 20;
  /** {@code torch.minimum}; either operand may be a constant register. */
  static final int MIN = 21;
  /** {@code torch.maximum}; either operand may be a constant register. */
  static final int MAX = 22;

  // Tensor op Python number.
  /** {@code x + c} and {@code c + x}. */
  static final int ADD_C = 23;
  /** {@code x - c}. */
  static final int SUB_C = 24;
  /** {@code c - x} (torch.rsub). */
  static final int RSUB_C = 25;
  /** {@code x * c} and {@code c * x}. */
  static final int MUL_C = 26;
  /** {@code x / c}. */
  static final int DIV_C = 27;
  /** {@code c ** x}: Python builds {@code torch.tensor(c) ** x}, a pow(Tensor, Tensor). */
  static final int RPOW_C = 28;

  // pow(Tensor, Scalar) x ** c, split by the special cases of PyTorch's CPU pow kernel.
  static final int POW_C = 29;
  static final int POW_0 = 30;
  static final int POW_1 = 31;
  static final int POW_2 = 32;
  static final int POW_3 = 33;
  static final int POW_HALF = 34;
  static final int POW_MHALF = 35;
  static final int POW_M1 = 36;
  static final int POW_M2 = 37;

  /** The name shown by {@code explain}. */
  static String name(int op) {
    return switch (op) {
      case NEG -> "neg";
      case SQRT -> "sqrt";
      case EXP -> "exp";
      case LOG -> "log";
      case ABS -> "abs";
      case SIN -> "sin";
      case COS -> "cos";
      case TAN -> "tan";
      case TANH -> "tanh";
      case SIGMOID -> "sigmoid";
      case RELU -> "relu";
      case SOFTPLUS -> "softplus";
      case FLOOR -> "floor";
      case CEIL -> "ceil";
      case SIGN -> "sign";
      case RECIP -> "recip";
      case ADD, ADD_C -> "add";
      case SUB, SUB_C, RSUB_C -> "sub";
      case MUL, MUL_C -> "mul";
      case DIV, DIV_C -> "div";
      case POW, RPOW_C, POW_C, POW_0, POW_1, POW_2, POW_3, POW_HALF, POW_MHALF, POW_M1, POW_M2 ->
          "pow";
      case MIN -> "min";
      case MAX -> "max";
      default -> throw new IllegalArgumentException("op " + op);
    };
  }

  /** Ops that read one register and no constant. */
  static boolean unary(int op) {
    return op <= RECIP;
  }

  /** Ops that read two registers. */
  static boolean binary(int op) {
    return op >= ADD && op <= MAX;
  }

  /** Ops that read one register and the constant {@code c}. */
  static boolean withConstant(int op) {
    return op >= ADD_C;
  }

  /** Ops whose constant is written before the register ({@code sub 1 r0}, {@code pow 2 r0}). */
  static boolean constantFirst(int op) {
    return op == RSUB_C || op == RPOW_C;
  }

  /**
   * The opcode of {@code x ** c}: pow(Tensor, Scalar) of PyTorch's CPU kernel, which fills 1 for
   * 0, copies for 1, and dispatches 0.5, -0.5, -1, 2, 3 and -2 to sqrt, rsqrt, reciprocal and
   * multiplications.
   */
  static int powConstant(double c) {
    if (c == 0) {
      return POW_0;
    } else if (c == 1) {
      return POW_1;
    } else if (c == 2) {
      return POW_2;
    } else if (c == 3) {
      return POW_3;
    } else if (c == 0.5) {
      return POW_HALF;
    } else if (c == -0.5) {
      return POW_MHALF;
    } else if (c == -1) {
      return POW_M1;
    } else if (c == -2) {
      return POW_M2;
    }
    return POW_C;
  }
}

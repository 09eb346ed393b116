package dev.optlab.tensor;

import java.util.List;

/**
 * Decides whether an objective is an average over the data's rows plus terms that do not depend
 * on them (a mean loss plus an L2 penalty, say). Only then is its value over many rows the
 * row-weighted average of its values over chunks of them, which lets the loss over a large
 * training set be computed a chunk at a time in planned buffers. Each node is classed as
 * constant in the rows, row by row (each row's values depend on that row only), an average
 * over rows, or anything else; the objective qualifies when its root is one of the first or
 * an average.
 */
final class RowMean {
  private RowMean() {}

  private enum Kind {
    FIXED, ROWWISE, MEANED, OTHER
  }

  static boolean holds(List<NodeSpec> nodes) {
    Kind[] k = new Kind[nodes.size()];
    for (int i = 0; i < k.length; i++) {
      k[i] = kind(nodes.get(i), k);
    }
    Kind root = k[k.length - 1];
    return root == Kind.FIXED || root == Kind.MEANED;
  }

  private static Kind kind(NodeSpec s, Kind[] k) {
    Kind a = s.a() >= 0 && s.op() != Op.PARAM ? k[s.a()] : Kind.FIXED;
    Kind b = s.b() >= 0 ? k[s.b()] : Kind.FIXED;
    if (a == Kind.OTHER || b == Kind.OTHER) {
      return Kind.OTHER;
    }
    Op op = s.op();
    switch (op) {
      case PARAM, CONST:
        return Kind.FIXED;
      case DATA_X, DATA_Y:
        return Kind.ROWWISE;
      case NEG:
        return a;
      case ADD, SUB:
        if (a == b || b == Kind.FIXED) {
          return a;
        }
        return a == Kind.FIXED ? b : Kind.OTHER;
      case MUL:
        if (a == Kind.FIXED || b == Kind.FIXED) {
          return a == Kind.FIXED ? b : a;
        }
        return a == Kind.ROWWISE && b == Kind.ROWWISE ? Kind.ROWWISE : Kind.OTHER;
      case DIV:
        if (b == Kind.FIXED) {
          return a;
        }
        return a != Kind.MEANED && b == Kind.ROWWISE ? Kind.ROWWISE : Kind.OTHER;
      case MATMUL:
        return b == Kind.FIXED ? a == Kind.MEANED ? Kind.OTHER : a : Kind.OTHER;
      case SUM, MEAN:
        if (a != Kind.ROWWISE) {
          return a;
        }
        if (s.axis() != 0 && s.axis() != NodeSpec.ALL) {
          return Kind.ROWWISE;
        }
        return op == Op.MEAN ? Kind.MEANED : Kind.OTHER;
      case SOFTMAX, LOG_SOFTMAX:
        return a == Kind.MEANED || (a == Kind.ROWWISE && s.axis() == 0) ? Kind.OTHER : a;
      case CROSS_ENTROPY, MSE, BCE_WITH_LOGITS:
        if (a == Kind.MEANED || b == Kind.MEANED) {
          return Kind.OTHER;
        }
        return a == Kind.ROWWISE || b == Kind.ROWWISE ? Kind.MEANED : Kind.FIXED;
      default: // the other element-wise functions, binary ones included
        if (a == Kind.MEANED || b == Kind.MEANED) {
          return Kind.OTHER;
        }
        return a == Kind.ROWWISE || b == Kind.ROWWISE ? Kind.ROWWISE : Kind.FIXED;
    }
  }
}

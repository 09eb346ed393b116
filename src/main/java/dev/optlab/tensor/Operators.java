package dev.optlab.tensor;

import dev.optlab.ast.Expr;
import dev.optlab.source.Span;
import dev.optlab.tensor.TensorCompiler.V;

/** The arithmetic operators on tensors: broadcasting {@code + - * / ^}, and {@code @}. */
final class Operators {
  private Operators() {}

  static V binary(TensorCompiler c, Expr.Binary b, V left, V right) {
    if (b.op() == Expr.BinaryOp.MATMUL) {
      return matmul(c, b, left, right);
    }
    if (left.isConstant() && right.isConstant()) {
      double x = left.constant();
      double y = right.constant();
      return V.of(switch (b.op()) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MUL -> x * y;
        case DIV -> x / y;
        case POW -> Math.pow(x, y);
        case MATMUL -> throw new IllegalStateException();
      });
    }
    if (b.op() == Expr.BinaryOp.POW && right.isConstant()) {
      return c.add(Op.POW_C, left.node(), -1, c.shape(left), right.constant(), 0, b.span());
    }
    Op op = switch (b.op()) {
      case ADD -> Op.ADD;
      case SUB -> Op.SUB;
      case MUL -> Op.MUL;
      case DIV -> Op.DIV;
      case POW -> Op.POW;
      case MATMUL -> throw new IllegalStateException();
    };
    return broadcast(c, op, b.op().symbol, left, right, b.span());
  }

  /** An element-wise operation of two operands, broadcast as NumPy and PyTorch do. */
  static V broadcast(TensorCompiler c, Op op, String symbol, V left, V right,
      Span span) {
    Shape a = c.shape(left);
    Shape b = c.shape(right);
    Shape out = Shape.broadcast(a, b);
    if (out == null) {
      String shown = symbol.length() == 1 ? a + " " + symbol + " " + b
          : symbol + "(" + a + ", " + b + ")";
      throw c.error(span, shown + ": " + whyNot(a, b));
    }
    return c.add(op, c.node(left, span), c.node(right, span), out, 0, 0, span);
  }

  private static String whyNot(Shape a, Shape b) {
    int r = Math.max(a.rank(), b.rank());
    for (int i = r - 1; i >= 0; i--) {
      int ia = i - (r - a.rank());
      int ib = i - (r - b.rank());
      boolean ra = ia == 0 && a.rows();
      boolean rb = ib == 0 && b.rows();
      if ((ra || rb) && i != 0) {
        return "the rows of a data set must stay the first dimension";
      }
      if (ra != rb && ia >= 0 && ib >= 0 && a.dim(ia) != 1 && b.dim(ib) != 1) {
        return "the rows of the data set (" + (ra ? a.dim(ia) : b.dim(ib)) + " in training, "
            + "fewer in a minibatch) cannot meet a fixed dimension of "
            + (ra ? b.dim(ib) : a.dim(ia));
      }
      if (ia >= 0 && ib >= 0 && a.dim(ia) != b.dim(ib) && a.dim(ia) != 1 && b.dim(ib) != 1) {
        return "shapes do not broadcast (" + a.dim(ia) + " and " + b.dim(ib)
            + (i == r - 1 ? " in the last dimension)" : " in dimension " + i + " of " + r + ")");
      }
    }
    return "shapes do not broadcast";
  }

  /**
   * {@code a @ b} with NumPy's rules for vectors and matrices: {@code [n, k] @ [k, m] = [n, m]},
   * {@code [k] @ [k, m] = [m]}, {@code [n, k] @ [k] = [n]}, {@code [k] @ [k] = []}.
   */
  private static V matmul(TensorCompiler c, Expr.Binary b, V left, V right) {
    Shape x = c.shape(left);
    Shape y = c.shape(right);
    String shown = x + " @ " + y;
    if (x.isScalar() || y.isScalar()) {
      throw c.error(b.span(), shown + ": @ multiplies vectors and matrices; for a number, use *");
    }
    if (x.rank() > 2 || y.rank() > 2) {
      throw c.error(b.span(), shown + ": @ takes vectors and matrices, not tensors of "
          + Math.max(x.rank(), y.rank()) + " dimensions");
    }
    int k = x.dim(x.rank() - 1);
    int k2 = y.dim(0);
    if (y.rows() || (x.rank() == 1 && x.rows())) {
      throw c.error(b.span(), shown + ": @ would sum over the rows of a data set; keep the "
          + "rows on the left, as in x @ W");
    }
    if (k != k2) {
      throw c.error(b.span(), shown + ": inner dimensions differ (" + k + " and " + k2 + ")");
    }
    int[] dims;
    if (x.rank() == 2 && y.rank() == 2) {
      dims = new int[] {x.dim(0), y.dim(1)};
    } else if (x.rank() == 2) {
      dims = new int[] {x.dim(0)};
    } else if (y.rank() == 2) {
      dims = new int[] {y.dim(1)};
    } else {
      dims = new int[0];
    }
    boolean rows = x.rank() == 2 && x.rows();
    return c.add(Op.MATMUL, c.node(left, b.span()), c.node(right, b.span()),
        new Shape(dims, rows), 0, 0, b.span());
  }
}

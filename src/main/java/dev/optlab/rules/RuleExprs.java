package dev.optlab.rules;

import dev.optlab.ast.Arg;
import dev.optlab.ast.Expr;
import dev.optlab.ast.RuleLine;
import dev.optlab.rules.Node.Op;
import java.util.Arrays;
import java.util.List;

/**
 * Compiles a rule's expressions into {@link Val}s: numbers fold, tensors become element
 * expressions, reductions and matrix products go through {@link Passes}. Each function is the
 * PyTorch operation of the same name ({@link Ops} has the arithmetic).
 */
final class RuleExprs {
  private final RuleCompiler c;

  RuleExprs(RuleCompiler c) {
    this.c = c;
  }

  Val expr(Expr e) {
    return switch (e) {
      case Expr.Num n -> Val.constant(n.value());
      case Expr.Bool b -> Val.constant(b.value() ? 1 : 0);
      case Expr.Name n -> name(n);
      case Expr.Index i -> index(i);
      case Expr.Unary u -> u.op() == Expr.UnaryOp.PLUS ? expr(u.operand())
          : unary(Op.NEG, Op.NEG, expr(u.operand()));
      case Expr.Binary b -> binary(b);
      case Expr.Call call -> call(call);
      default -> throw c.error(e, "cannot be used in a rule");
    };
  }

  /** The value of an expression that must be known when the rule is compiled. */
  double constant(Expr e, String what) {
    Val v = expr(e);
    if (!v.isConst()) {
      throw c.error(e, "must be known before the run starts (" + what + ": numbers, "
          + "hyperparameters and shapes only)");
    }
    return v.constValue();
  }

  private Val name(Expr.Name n) {
    RuleCompiler.Binding b = c.env.get(n.name());
    return switch (b) {
      case RuleCompiler.Hyper h -> {
        if (h.value() instanceof Double d) {
          yield Val.constant(d);
        }
        if (h.value() instanceof Boolean bool) {
          yield Val.constant(bool ? 1 : 0);
        }
        throw c.error(n, "is a tuple; take an element, as " + n.name() + "[0]");
      }
      case RuleCompiler.Scalar s -> Val.scalar(new Node.Slot(s.slot()));
      case RuleCompiler.InArray a -> new Val(new Node.Elem(a.array(), Node.Index.SAME), a.dims(),
          a.tag());
      case RuleCompiler.InRegister r -> new Val(new Node.Reg(r.reg()), r.dims(), r.tag());
      case RuleCompiler.Absent a -> throw c.error(n, "is a " + a.what() + " statistic, which "
          + "only a 2-D parameter has (put its use under if ndim(p) == 2)");
      case null -> throw c.error(n, "is not set yet here");
    };
  }

  private Val index(Expr.Index i) {
    RuleCompiler.Binding b = c.env.get(i.target());
    if (!(b instanceof RuleCompiler.Hyper h) || !(h.value() instanceof double[] tuple)) {
      throw c.error(i, "indexes something that is not a tuple hyperparameter");
    }
    double k = constant(i.index(), "an index");
    if (k != Math.rint(k) || k < 0 || k >= tuple.length) {
      throw c.error(i.index(), "is not an index of " + i.target() + " (it has " + tuple.length
          + " elements, 0 to " + (tuple.length - 1) + ")");
    }
    return Val.constant(tuple[(int) k]);
  }

  private Val binary(Expr.Binary b) {
    Val l = expr(b.left());
    Val r = expr(b.right());
    return switch (b.op()) {
      case ADD -> combine(Op.ADD, l, r, b);
      case SUB -> combine(Op.SUB, l, r, b);
      case MUL -> combine(Op.MUL, l, r, b);
      case DIV -> l.isScalar() && !r.isScalar() ? combine(Op.RDIV, l, r, b) : combine(Op.DIV, l, r, b);
      case POW -> !l.isScalar() && r.isScalar() ? combine(Op.POW, l, r, b)
          : combine(Op.SCALAR_POW, l, r, b);
      case MATMUL -> matmul(l, r, b);
    };
  }

  /** A binary element-wise operation, broadcasting numbers and row/column statistics. */
  private Val combine(Op op, Val l, Val r, Expr at) {
    if (l.isConst() && r.isConst()) {
      return Val.constant(Ops.binary(op == Op.POW ? Op.SCALAR_POW : op,
          l.constValue(), r.constValue()));
    }
    Val[] both = meet(at, l, r);
    return new Val(new Node.Binary(op, both[0].node(), both[1].node()), both[2].dims(),
        both[2].tag());
  }

  /**
   * Brings operands to one shape: numbers broadcast; a row statistic [R] meets a matrix [R, C]
   * as {@code r[:, None]}, a column one [C] as {@code c[None, :]}, and a row meets a column as
   * their outer product. The last element of the result describes the common shape.
   */
  Val[] meet(Expr at, Val... vs) {
    int[] dims = null;
    Node.Index tag = Node.Index.SAME;
    for (Val v : vs) {
      if (v == null || v.isScalar()) {
        continue;
      }
      if (dims == null) {
        dims = v.dims();
        tag = v.tag();
      } else if (!Arrays.equals(dims, v.dims()) || tag != v.tag()) {
        int[] joined = join(dims, tag, v.dims(), v.tag());
        if (joined == null) {
          throw c.error(at, "combines shapes " + Val.shape(dims) + " and " + Val.shape(v.dims())
              + ", which do not broadcast");
        }
        dims = joined;
        tag = Node.Index.SAME;
      }
    }
    Val[] out = new Val[vs.length + 1];
    for (int i = 0; i < vs.length; i++) {
      Val v = vs[i];
      out[i] = v == null || v.isScalar() || Arrays.equals(v.dims(), dims) && v.tag() == tag ? v
          : new Val(reindex(v.node(), v.tag()), dims, Node.Index.SAME);
    }
    out[vs.length] = dims == null ? Val.constant(0) : new Val(null, dims, tag);
    return out;
  }

  private static int[] join(int[] a, Node.Index ta, int[] b, Node.Index tb) {
    if (Arrays.equals(a, b) && (ta == Node.Index.SAME || tb == Node.Index.SAME || ta == tb)) {
      return a;
    }
    if (ta == Node.Index.ROW && tb == Node.Index.COL) {
      return new int[] {a[0], b[0]};
    }
    if (ta == Node.Index.COL && tb == Node.Index.ROW) {
      return new int[] {b[0], a[0]};
    }
    if (b.length == 2 && a.length == 1 && (ta == Node.Index.ROW && a[0] == b[0]
        || ta == Node.Index.COL && a[0] == b[1])) {
      return b;
    }
    if (a.length == 2 && b.length == 1 && (tb == Node.Index.ROW && b[0] == a[0]
        || tb == Node.Index.COL && b[0] == a[1])) {
      return a;
    }
    return null;
  }

  /** A vector's element read inside a matrix's pass: by the row or the column of the element. */
  Node reindex(Node n, Node.Index tag) {
    return switch (n) {
      case Node.Elem e -> new Node.Elem(e.array(), tag);
      case Node.Reg r -> throw new Passes.Spill(c.regOwner.get(r.reg()));
      case Node.Unary u -> new Node.Unary(u.op(), reindex(u.a(), tag));
      case Node.Binary b -> new Node.Binary(b.op(), reindex(b.a(), tag), reindex(b.b(), tag));
      case Node.Ternary t -> new Node.Ternary(t.op(), reindex(t.a(), tag), reindex(t.b(), tag),
          reindex(t.c(), tag), t.d() == null ? null : reindex(t.d(), tag));
      default -> n;
    };
  }

  private Val unary(Op tensorOp, Op scalarOp, Val a) {
    if (a.isConst()) {
      return Val.constant(Ops.unary(scalarOp, a.constValue()));
    }
    return new Val(new Node.Unary(a.isScalar() ? scalarOp : tensorOp, a.node()), a.dims(),
        a.tag());
  }

  private Val call(Expr.Call call) {
    String f = call.name();
    List<Arg> args = call.args();
    return switch (f) {
      case "sqrt" -> unary(Op.SQRT, Op.SQRT, arg(call, 0));
      case "rsqrt" -> unary(Op.RSQRT, Op.RSQRT, arg(call, 0));
      case "abs" -> unary(Op.ABS, Op.ABS, arg(call, 0));
      case "sign" -> unary(Op.SIGN, Op.SIGN, arg(call, 0));
      case "exp" -> unary(Op.EXP, Op.SCALAR_EXP, arg(call, 0));
      case "log" -> unary(Op.LOG, Op.SCALAR_LOG, arg(call, 0));
      case "max" -> combine(Op.MAX, arg(call, 0), arg(call, 1), call);
      case "min" -> combine(Op.MIN, arg(call, 0), arg(call, 1), call);
      case "add", "sub" -> {
        Val alpha = named(call, "alpha", Val.constant(1));
        if (f.equals("sub")) {
          alpha = unary(Op.NEG, Op.NEG, alpha);
        }
        yield ternary(Op.ADD_ALPHA, call, arg(call, 0), arg(call, 1), alpha, null);
      }
      case "addcmul" -> ternary(Op.ADDCMUL, call, arg(call, 0), arg(call, 1), arg(call, 2),
          named(call, "value", Val.constant(1)));
      case "addcdiv" -> ternary(Op.ADDCDIV, call, arg(call, 0), arg(call, 1), arg(call, 2),
          named(call, "value", Val.constant(1)));
      case "lerp" -> ternary(Op.LERP, call, arg(call, 0), arg(call, 1), arg(call, 2), null);
      case "clamp" -> ternary(Op.CLAMP, call, arg(call, 0),
          named(call, "min", Val.constant(Double.NaN)), named(call, "max",
              Val.constant(Double.NaN)), null);
      case "norm", "sum", "mean", "rms" -> reduce(f, call, arg(call, 0));
      case "row_mean", "col_mean" -> lineMean(f.equals("row_mean"), call, arg(call, 0));
      case "transpose" -> transpose(call, arg(call, 0));
      case "rows", "cols", "numel", "ndim" -> shapeOf(f, call);
      default -> throw c.error(call, "is not a function of rules");
    };
  }

  private Val arg(Expr.Call call, int i) {
    int seen = 0;
    for (Arg a : call.args()) {
      if (!a.named()) {
        if (seen++ == i) {
          return expr(a.value());
        }
      }
    }
    throw c.error(call, "needs " + (i + 1) + " arguments");
  }

  private Val named(Expr.Call call, String name, Val otherwise) {
    for (Arg a : call.args()) {
      if (name.equals(a.name())) {
        return expr(a.value());
      }
    }
    return otherwise;
  }

  private Val ternary(Op op, Expr at, Val a, Val b, Val x, Val d) {
    if (a.isConst() && b.isConst() && x.isConst() && (d == null || d.isConst())) {
      return Val.constant(Ops.ternary(op, a.constValue(), b.constValue(),
          x.constValue(), d == null ? 0 : d.constValue()));
    }
    Val[] m = meet(at, a, b, x, d);
    return new Val(new Node.Ternary(op, m[0].node(), m[1].node(), m[2].node(),
        d == null ? null : m[3].node()), m[4].dims(), m[4].tag());
  }

  /** A per-tensor reduction to a number: the sum in element order, then its finishing step. */
  private Val reduce(String f, Expr at, Val x) {
    if (x.isScalar()) {
      return switch (f) {
        case "norm", "rms" -> unary(Op.ABS, Op.ABS, x);
        default -> x;
      };
    }
    int sum = c.newSlot();
    Node element = f.equals("norm") || f.equals("rms")
        ? new Node.Binary(Op.MUL, x.node(), x.node()) : x.node();
    c.passes.sum(sum, -1, Node.Index.SAME, element, x.dims());
    double n = x.numel();
    Node s = new Node.Slot(sum);
    Node out = switch (f) {
      case "norm" -> new Node.Unary(Op.SQRT, s);
      case "mean" -> new Node.Binary(Op.DIV, s, new Node.Const(n));
      case "rms" -> new Node.Binary(Op.DIV, new Node.Unary(Op.SQRT, s),
          new Node.Const(Math.sqrt(n)));
      default -> s;
    };
    int slot = c.newSlot();
    c.passes.setSlot(slot, out);
    return Val.scalar(new Node.Slot(slot));
  }

  /** {@code row_mean(x)}: x.mean(dim=-1) of a matrix, a row statistic; col_mean: dim=-2. */
  private Val lineMean(boolean rows, Expr at, Val x) {
    if (x.isScalar() || x.dims().length != 2 || x.tag() != Node.Index.SAME) {
      throw c.error(at, "needs a 2-D tensor, and its argument has shape "
          + Val.shape(x == null ? null : x.dims()));
    }
    int len = rows ? x.dims()[0] : x.dims()[1];
    int acc = c.newArray(null, "[" + len + "]", len, false, 0);
    c.passes.sum(-1, acc, rows ? Node.Index.ROW : Node.Index.COL, x.node(), x.dims());
    double n = rows ? x.dims()[1] : x.dims()[0];
    return new Val(new Node.Binary(Op.DIV, new Node.Elem(acc, Node.Index.SAME), new Node.Const(n)),
        new int[] {len}, rows ? Node.Index.ROW : Node.Index.COL);
  }

  /** The array a value lives in, storing it in scratch first when it is an expression. */
  private int materialize(Val v) {
    if (v.node() instanceof Node.Elem e && e.index() == Node.Index.SAME) {
      return e.array();
    }
    int a = c.newArray(null, Val.shape(v.dims()), v.numel(), false, 0);
    c.passes.store(a, -1, v.node(), v.dims());
    return a;
  }

  private Val matmul(Val l, Val r, Expr.Binary at) {
    if (l.isScalar() || r.isScalar() || l.dims().length != 2 || r.dims().length != 2) {
      throw c.error(at, "needs 2-D tensors on both sides, and " + (l.isScalar()
          || l.dims().length != 2 ? "its left side has shape " + Val.shape(l.dims())
          : "its right side has shape " + Val.shape(r.dims())));
    }
    if (l.dims()[1] != r.dims()[0]) {
      throw c.error(at, "multiplies " + Val.shape(l.dims()) + " by " + Val.shape(r.dims())
          + ": the inner dimensions differ");
    }
    int a = materialize(l);
    int b = materialize(r);
    int m = l.dims()[0];
    int k = l.dims()[1];
    int n = r.dims()[1];
    int out = c.newArray(null, "[" + m + ", " + n + "]", m * n, false, 0);
    c.passes.emit(new Instr.MatMul(a, b, out, m, k, n));
    return Val.tensor(new Node.Elem(out, Node.Index.SAME), new int[] {m, n});
  }

  private Val transpose(Expr at, Val x) {
    if (x.isScalar() || x.dims().length != 2) {
      throw c.error(at, "needs a 2-D tensor, and its argument has shape "
          + Val.shape(x.isScalar() ? null : x.dims()));
    }
    int a = materialize(x);
    int rows = x.dims()[0];
    int cols = x.dims()[1];
    int out = c.newArray(null, "[" + cols + ", " + rows + "]", rows * cols, false, 0);
    c.passes.emit(new Instr.Transpose(a, out, rows, cols));
    return Val.tensor(new Node.Elem(out, Node.Index.SAME), new int[] {cols, rows});
  }

  private Val shapeOf(String f, Expr.Call call) {
    Val x = arg(call, 0);
    int[] dims = x.isScalar() ? new int[0] : x.dims();
    return switch (f) {
      case "ndim" -> Val.constant(dims.length);
      case "numel" -> Val.constant(RuleCompiler.size(dims));
      default -> {
        if (dims.length != 2) {
          throw c.error(call, "needs a 2-D tensor, and its argument has shape "
              + Val.shape(dims));
        }
        yield Val.constant(f.equals("rows") ? dims[0] : dims[1]);
      }
    };
  }

  Instr.Cond condition(RuleLine.Condition cond) {
    return switch (cond) {
      case RuleLine.Join j -> new Instr.Join(j.and(), condition(j.left()), condition(j.right()));
      case RuleLine.Compare k -> {
        Val a = expr(k.left());
        Val b = expr(k.right());
        if (!a.isScalar() || !b.isScalar()) {
          throw c.error(k.span(), "a condition compares numbers; "
              + (a.isScalar() ? "the right side" : "the left side") + " is a tensor (use norm,"
              + " sum, mean or rms to make it a number)");
        }
        yield new Instr.Compare(a.node(), k.op(), b.node());
      }
    };
  }

  /** The condition's value when it depends only on constants, else null. */
  static Boolean fixed(Instr.Cond c) {
    return switch (c) {
      case Instr.Compare k -> k.a() instanceof Node.Const a && k.b() instanceof Node.Const b
          ? Interpreter.compare(a.value(), k.op(), b.value()) : null;
      case Instr.Join j -> {
        Boolean l = fixed(j.left());
        Boolean r = fixed(j.right());
        if (j.and()) {
          yield Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r) ? Boolean.FALSE
              : l != null && r != null ? Boolean.TRUE : null;
        }
        yield Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r) ? Boolean.TRUE
            : l != null && r != null ? Boolean.FALSE : null;
      }
    };
  }
}

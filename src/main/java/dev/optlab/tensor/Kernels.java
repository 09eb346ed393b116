package dev.optlab.tensor;

/** Runs one node of a {@link Graph} forward or backward: the dispatch from op to kernel. */
final class Kernels {
  private Kernels() {}

  static void forward(Graph gr, int i) {
    NodeSpec s = gr.spec(i);
    Op op = s.op();
    int a = s.a();
    int b = s.b();
    switch (op) {
      case PARAM, DATA_X, DATA_Y, CONST -> { }
      case MATMUL -> {
        int[] mk = matmulSizes(gr, s);
        Linear.forward(gr.val(a), gr.vOff(a), gr.val(b), gr.vOff(b), gr.val(i), 0, mk[0], mk[1],
            mk[2]);
      }
      case SUM, MEAN -> {
        int[] r = around(gr, a, s.axis());
        Reduce.sum(op == Op.MEAN, gr.val(a), gr.vOff(a), gr.val(i), 0, r[0], r[1], r[2]);
      }
      case SOFTMAX, LOG_SOFTMAX -> {
        int[] r = around(gr, a, s.axis());
        Reduce.softmax(op == Op.LOG_SOFTMAX, gr.val(a), gr.vOff(a), gr.val(i), 0, r[0], r[1],
            r[2]);
      }
      case CROSS_ENTROPY -> gr.val(i)[0] = Losses.crossEntropy(gr.val(a), gr.vOff(a), gr.val(b),
          gr.vOff(b), gr.scratch(i), gr.dims(a)[0], gr.dims(a)[1]);
      case MSE -> gr.val(i)[0] = Losses.mse(gr.val(a), gr.vOff(a), gr.val(b), gr.vOff(b),
          gr.size(a));
      case BCE_WITH_LOGITS -> gr.val(i)[0] = Losses.bceWithLogits(gr.val(a), gr.vOff(a),
          gr.val(b), gr.vOff(b), gr.size(a));
      default -> {
        if (op.unary()) {
          Elementwise.forward(op, s.c(), gr.val(a), gr.vOff(a), gr.val(i), 0, gr.size(i));
        } else {
          Broadcast.forward(op, gr.dims(i), gr.counter(i), gr.val(a), gr.vOff(a), gr.stridesA(i),
              gr.val(b), gr.vOff(b), gr.stridesB(i), gr.val(i), 0);
        }
      }
    }
  }

  static void backward(Graph gr, int i) {
    NodeSpec s = gr.spec(i);
    Op op = s.op();
    int a = s.a();
    int b = s.b();
    double[] ga = a >= 0 ? gr.grad(a) : null;
    double[] gb = b >= 0 ? gr.grad(b) : null;
    double[] g = gr.grad(i);
    switch (op) {
      case PARAM, DATA_X, DATA_Y, CONST -> { }
      case MATMUL -> {
        int[] mk = matmulSizes(gr, s);
        if (ga != null) {
          Linear.backwardLeft(g, 0, gr.val(b), gr.vOff(b), ga, gr.gOff(a), gr.scratch(i), mk[0],
              mk[1], mk[2]);
        }
        if (gb != null) {
          Linear.backwardRight(gr.val(a), gr.vOff(a), g, 0, gb, gr.gOff(b), gr.scratch(i), mk[0],
              mk[1], mk[2]);
        }
      }
      case SUM, MEAN -> {
        int[] r = around(gr, a, s.axis());
        Reduce.sumBackward(op == Op.MEAN, g, 0, ga, gr.gOff(a), r[0], r[1], r[2]);
      }
      case SOFTMAX, LOG_SOFTMAX -> {
        int[] r = around(gr, a, s.axis());
        Reduce.softmaxBackward(op == Op.LOG_SOFTMAX, gr.val(i), 0, g, 0, ga, gr.gOff(a), r[0],
            r[1], r[2]);
      }
      case CROSS_ENTROPY -> {
        if (ga != null) {
          Losses.crossEntropyBackward(g[0], gr.val(b), gr.vOff(b), gr.scratch(i), ga, gr.gOff(a),
              gr.dims(a)[0], gr.dims(a)[1]);
        }
      }
      case MSE -> Losses.mseBackward(g[0], gr.val(a), gr.vOff(a), gr.val(b), gr.vOff(b), ga,
          gr.gOff(a), gb, gb == null ? 0 : gr.gOff(b), gr.size(a));
      case BCE_WITH_LOGITS -> Losses.bceWithLogitsBackward(g[0], gr.val(a), gr.vOff(a),
          gr.val(b), gr.vOff(b), ga, gr.gOff(a), gb, gb == null ? 0 : gr.gOff(b), gr.size(a));
      default -> {
        if (op.unary()) {
          if (ga != null) {
            Elementwise.backward(op, s.c(), gr.val(a), gr.vOff(a), gr.val(i), 0, g, 0, ga,
                gr.gOff(a), gr.size(i));
          }
        } else {
          Broadcast.backward(op, gr.dims(i), gr.counter(i), gr.val(a), gr.vOff(a),
              gr.stridesA(i), gr.val(b), gr.vOff(b), gr.stridesB(i), gr.val(i), 0, g, 0, ga,
              ga == null ? 0 : gr.gOff(a), gb, gb == null ? 0 : gr.gOff(b));
        }
      }
    }
  }

  /** {@code n, k, m} of a product, a vector operand read as one row (left) or column (right). */
  private static int[] matmulSizes(Graph gr, NodeSpec s) {
    int[] da = gr.dims(s.a());
    int[] db = gr.dims(s.b());
    int[] r = gr.sizes();
    r[0] = da.length == 2 ? da[0] : 1;
    r[1] = da[da.length - 1];
    r[2] = db.length == 2 ? db[1] : 1;
    return r;
  }

  /** {@code outer, len, inner} around {@code axis} of node {@code a} (all of it for ALL). */
  private static int[] around(Graph gr, int a, int axis) {
    int[] d = gr.dims(a);
    int[] r = gr.sizes();
    if (axis == NodeSpec.ALL) {
      r[0] = 1;
      r[1] = gr.size(a);
      r[2] = 1;
      return r;
    }
    int outer = 1;
    int inner = 1;
    for (int k = 0; k < axis; k++) {
      outer *= d[k];
    }
    for (int k = axis + 1; k < d.length; k++) {
      inner *= d[k];
    }
    r[0] = outer;
    r[1] = d[axis];
    r[2] = inner;
    return r;
  }
}

package dev.optlab.tensor;

/** {@link Kernels} for a {@link Graph32}: the dispatch from op to float32 kernel. */
final class Kernels32 {
  private Kernels32() {}

  static void forward(Graph32 gr, int i) {
    NodeSpec s = gr.spec(i);
    Op op = s.op();
    int a = s.a();
    int b = s.b();
    switch (op) {
      case PARAM, DATA_X, DATA_Y, CONST -> { }
      case MATMUL -> {
        int[] mk = matmulSizes(gr, s);
        Linear32.forward(gr.val(a), gr.vOff(a), gr.val(b), gr.vOff(b), gr.val(i), 0, mk[0],
            mk[1], mk[2]);
      }
      case SUM, MEAN -> {
        int[] r = around(gr, a, s.axis());
        Reduce32.sum(op == Op.MEAN, gr.val(a), gr.vOff(a), gr.val(i), 0, r[0], r[1], r[2]);
      }
      case SOFTMAX, LOG_SOFTMAX -> {
        int[] r = around(gr, a, s.axis());
        Reduce32.softmax(op == Op.LOG_SOFTMAX, gr.val(a), gr.vOff(a), gr.val(i), 0, r[0], r[1],
            r[2]);
      }
      case CROSS_ENTROPY -> gr.val(i)[0] = Losses32.crossEntropy(gr.val(a), gr.vOff(a),
          gr.val(b), gr.vOff(b), gr.scratch(i), gr.dims(a)[0], gr.dims(a)[1]);
      case MSE -> gr.val(i)[0] = Losses32.mse(gr.val(a), gr.vOff(a), gr.val(b), gr.vOff(b),
          gr.size(a));
      case BCE_WITH_LOGITS -> gr.val(i)[0] = Losses32.bceWithLogits(gr.val(a), gr.vOff(a),
          gr.val(b), gr.vOff(b), gr.size(a));
      default -> {
        if (op.unary()) {
          Elementwise32.forward(op, s.c(), gr.val(a), gr.vOff(a), gr.val(i), 0, gr.size(i));
        } else {
          Broadcast32.forward(op, gr.dims(i), gr.counter(i), gr.val(a), gr.vOff(a),
              gr.stridesA(i), gr.val(b), gr.vOff(b), gr.stridesB(i), gr.val(i), 0);
        }
      }
    }
  }

  static void backward(Graph32 gr, int i) {
    NodeSpec s = gr.spec(i);
    Op op = s.op();
    int a = s.a();
    int b = s.b();
    float[] ga = a >= 0 ? gr.grad(a) : null;
    float[] gb = b >= 0 ? gr.grad(b) : null;
    float[] g = gr.grad(i);
    switch (op) {
      case PARAM, DATA_X, DATA_Y, CONST -> { }
      case MATMUL -> {
        int[] mk = matmulSizes(gr, s);
        if (ga != null) {
          Linear32.backwardLeft(g, 0, gr.val(b), gr.vOff(b), ga, gr.gOff(a), gr.scratch(i),
              mk[0], mk[1], mk[2]);
        }
        if (gb != null) {
          Linear32.backwardRight(gr.val(a), gr.vOff(a), g, 0, gb, gr.gOff(b), gr.scratch(i),
              mk[0], mk[1], mk[2]);
        }
      }
      case SUM, MEAN -> {
        int[] r = around(gr, a, s.axis());
        Reduce32.sumBackward(op == Op.MEAN, g, 0, ga, gr.gOff(a), r[0], r[1], r[2]);
      }
      case SOFTMAX, LOG_SOFTMAX -> {
        int[] r = around(gr, a, s.axis());
        Reduce32.softmaxBackward(op == Op.LOG_SOFTMAX, gr.val(i), 0, g, 0, ga, gr.gOff(a), r[0],
            r[1], r[2]);
      }
      case CROSS_ENTROPY -> {
        if (ga != null) {
          Losses32.crossEntropyBackward(g[0], gr.val(b), gr.vOff(b), gr.scratch(i), ga,
              gr.gOff(a), gr.dims(a)[0], gr.dims(a)[1]);
        }
      }
      case MSE -> Losses32.mseBackward(g[0], gr.val(a), gr.vOff(a), gr.val(b), gr.vOff(b), ga,
          gr.gOff(a), gb, gb == null ? 0 : gr.gOff(b), gr.size(a));
      case BCE_WITH_LOGITS -> Losses32.bceWithLogitsBackward(g[0], gr.val(a), gr.vOff(a),
          gr.val(b), gr.vOff(b), ga, gr.gOff(a), gb, gb == null ? 0 : gr.gOff(b), gr.size(a));
      default -> {
        if (op.unary()) {
          if (ga != null) {
            Elementwise32.backward(op, s.c(), gr.val(a), gr.vOff(a), gr.val(i), 0, g, 0, ga,
                gr.gOff(a), gr.size(i));
          }
        } else {
          Broadcast32.backward(op, gr.dims(i), gr.counter(i), gr.val(a), gr.vOff(a),
              gr.stridesA(i), gr.val(b), gr.vOff(b), gr.stridesB(i), gr.val(i), 0, g, 0, ga,
              ga == null ? 0 : gr.gOff(a), gb, gb == null ? 0 : gr.gOff(b));
        }
      }
    }
  }

  /** {@code n, k, m} of a product, as {@link Kernels} reads them. */
  private static int[] matmulSizes(Graph32 gr, NodeSpec s) {
    int[] da = gr.dims(s.a());
    int[] db = gr.dims(s.b());
    int[] r = gr.sizes();
    r[0] = da.length == 2 ? da[0] : 1;
    r[1] = da[da.length - 1];
    r[2] = db.length == 2 ? db[1] : 1;
    return r;
  }

  /** {@code outer, len, inner} around {@code axis} of node {@code a}. */
  private static int[] around(Graph32 gr, int a, int axis) {
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

package dev.optlab.tensor;

import java.util.Arrays;
import java.util.List;

/**
 * A {@link Model} ready to run: every node's value and gradient buffer allocated once, for up to
 * {@link #capacity()} rows of data, so that a training step allocates nothing. Parameters are
 * read from, and their gradients written into, the flat vectors the optimizer works on.
 *
 * <p>A step: write the rows into {@link #x()} and {@link #y()}, set {@link #rows(int)}, then
 * {@link #forward()} for the objective and {@link #backward()} for its gradient in {@code g}.
 * Not thread-safe: a run owns its graph.
 */
public final class Graph {
  private final NodeSpec[] spec;
  private final int capacity;
  private final int cols;
  private final double[][] val;
  private final int[] vOff;
  private final double[][] grad;
  private final int[] gOff;
  private final int[][] dims;
  private final int[] size;
  private final int[][] stridesA;
  private final int[][] stridesB;
  private final int[][] counters;
  private final double[][] scratch;
  private final double[] x;
  private final double[] y;
  private double[] g;
  /** The model it was made for (see {@link #reuse}). */
  private final Model model;
  private final int[] sizes = new int[3];
  private int rows = -1;

  /**
   * @param p the flat parameter vector the graph reads
   * @param g the flat gradient vector {@link #backward()} writes (same length)
   */
  public Graph(Model model, int capacity, double[] p, double[] g) {
    List<NodeSpec> nodes = model.nodes();
    int n = nodes.size();
    this.model = model;
    this.spec = nodes.toArray(new NodeSpec[0]);
    this.capacity = Math.max(1, capacity);
    this.cols = model.data() == null ? 0 : model.data().cols();
    this.g = g;
    x = new double[this.capacity * cols];
    y = new double[this.capacity];
    val = new double[n][];
    vOff = new int[n];
    grad = new double[n][];
    gOff = new int[n];
    dims = new int[n][];
    size = new int[n];
    stridesA = new int[n][];
    stridesB = new int[n][];
    counters = new int[n][];
    scratch = new double[n][];
    boolean[] needs = needsGrad(model);
    for (int i = 0; i < n; i++) {
      NodeSpec s = spec[i];
      dims[i] = s.shape().dims().clone();
      int full = (int) s.shape().size(this.capacity);
      switch (s.op()) {
        case PARAM -> {
          Model.Param q = model.params().get(s.a());
          val[i] = p;
          vOff[i] = q.offset();
          grad[i] = g;
          gOff[i] = q.offset();
        }
        case DATA_X -> val[i] = x;
        case DATA_Y -> val[i] = y;
        case CONST -> val[i] = new double[] {s.c()};
        default -> {
          val[i] = new double[full];
          if (needs[i]) {
            grad[i] = new double[full];
          }
        }
      }
      if (s.op().binary()) {
        stridesA[i] = Broadcast.strides(spec[s.a()].shape(), s.shape().rank());
        stridesB[i] = Broadcast.strides(spec[s.b()].shape(), s.shape().rank());
        counters[i] = new int[s.shape().rank()];
      } else if (s.op() == Op.MATMUL) {
        // The transposed copy a gradient reads: of B (k * m) for A's, of A (n * k) for B's.
        long t = Math.max(needs[s.a()] ? spec[s.b()].shape().size(1) : 0,
            needs[s.b()] ? spec[s.a()].shape().size(this.capacity) : 0);
        scratch[i] = new double[(int) t];
      } else if (s.op() == Op.CROSS_ENTROPY) {
        scratch[i] = new double[(int) spec[s.a()].shape().size(this.capacity)];
      }
    }
    rows(1);
  }

  static boolean[] needsGrad(Model model) {
    boolean[] needs = new boolean[model.nodes().size()];
    for (int i = 0; i < needs.length; i++) {
      NodeSpec s = model.nodes().get(i);
      needs[i] = s.op() == Op.PARAM || (s.op() != Op.DATA_X && s.op() != Op.DATA_Y
          && ((s.a() >= 0 && needs[s.a()]) || (s.b() >= 0 && needs[s.b()])));
    }
    return needs;
  }

  /**
   * Whether this graph serves {@code model} for up to {@code capacity} rows: the same model, so
   * the same nodes and shapes, and the same capacity (a sweep's trials on one objective).
   */
  public boolean fits(Model model, int capacity) {
    return this.model == model && this.capacity == Math.max(1, capacity);
  }

  /**
   * This graph for another run of its model (a sweep's next trial on the same thread), reading
   * {@code p} and writing {@code g} from now on, instead of a new one. A pass writes every
   * buffer it reads before reading it, as it must from one step of a run to the next, so a run
   * on a reused graph ends bit for bit where it would on a new one (SweepBuffersTest).
   */
  public Graph reuse(double[] p, double[] g) {
    for (int i = 0; i < spec.length; i++) {
      if (spec[i].op() == Op.PARAM) {
        val[i] = p;
        grad[i] = g;
      }
    }
    this.g = g;
    return this;
  }

  public int capacity() {
    return capacity;
  }

  /** The rows of features, row-major, to fill before {@link #rows(int)}. */
  public double[] x() {
    return x;
  }

  /** The targets, one per row. */
  public double[] y() {
    return y;
  }

  /**
   * Points the data at {@code n} rows of an array the graph does not own (a part of a data set,
   * read in place, without a copy), then sets {@link #rows(int)}.
   */
  public void bind(double[] xs, int xOffset, double[] ys, int yOffset, int n) {
    for (int i = 0; i < spec.length; i++) {
      if (spec[i].op() == Op.DATA_X) {
        val[i] = xs;
        vOff[i] = xOffset;
      } else if (spec[i].op() == Op.DATA_Y) {
        val[i] = ys;
        vOff[i] = yOffset;
      }
    }
    rows(n);
  }

  /** Points the data back at {@link #x()} and {@link #y()}, holding {@code n} rows. */
  public void bindOwn(int n) {
    bind(x, 0, y, 0, n);
  }

  /** How many rows the next pass reads. */
  public void rows(int n) {
    if (n < 1 || n > capacity) {
      throw new IllegalArgumentException(n + " rows; capacity " + capacity);
    }
    if (n == rows) {
      return;
    }
    rows = n;
    for (int i = 0; i < spec.length; i++) {
      if (spec[i].shape().rows()) {
        dims[i][0] = n;
      }
      size[i] = (int) spec[i].shape().size(n);
    }
  }

  /** The objective's value over the current rows. */
  public double forward() {
    for (int i = 0; i < spec.length; i++) {
      Kernels.forward(this, i);
    }
    int root = spec.length - 1;
    return val[root][vOff[root]];
  }

  /** The gradient of the objective at the last {@link #forward()}, written into {@code g}. */
  public void backward() {
    Arrays.fill(g, 0);
    for (int i = 0; i < spec.length; i++) {
      if (grad[i] != null && grad[i] != g) {
        Arrays.fill(grad[i], 0, size[i], 0);
      }
    }
    int root = spec.length - 1;
    if (grad[root] == null) {
      return; // the objective does not depend on the parameters
    }
    grad[root][gOff[root]] += 1;
    for (int i = spec.length - 1; i >= 0; i--) {
      if (grad[i] != null && spec[i].op() != Op.PARAM) {
        Kernels.backward(this, i);
      }
    }
  }

  /**
   * How many of the current rows a classifier gets right: {@code argmax(logits) == label} after
   * {@code cross_entropy} (the first maximum, as {@code torch.argmax}), {@code (logit > 0) ==
   * (target > 0.5)} after {@code bce_with_logits}. Call after {@link #forward()}.
   */
  public int correct(Model model) {
    NodeSpec loss = spec[model.lossNode()];
    double[] logits = val[loss.a()];
    int lo = vOff[loss.a()];
    double[] target = val[loss.b()];
    int to = vOff[loss.b()];
    int right = 0;
    if (loss.op() == Op.CROSS_ENTROPY) {
      int classes = dims[loss.a()][1];
      for (int r = 0; r < rows; r++) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
          if (logits[lo + r * classes + c] > logits[lo + r * classes + best]) {
            best = c;
          }
        }
        right += best == (int) target[to + r] ? 1 : 0;
      }
    } else {
      int n = size[loss.a()];
      for (int i = 0; i < n; i++) {
        right += (logits[lo + i] > 0) == (target[to + i] > 0.5) ? 1 : 0;
      }
    }
    return right;
  }

  /** How many predictions {@link #correct} counts over: rows, or elements for bce. */
  public int predictions(Model model) {
    NodeSpec loss = spec[model.lossNode()];
    return loss.op() == Op.CROSS_ENTROPY ? rows : size[loss.a()];
  }

  // Package-private views for the kernels.
  int[] sizes() {
    return sizes;
  }

  NodeSpec spec(int i) {
    return spec[i];
  }

  double[] val(int i) {
    return val[i];
  }

  int vOff(int i) {
    return vOff[i];
  }

  double[] grad(int i) {
    return grad[i];
  }

  int gOff(int i) {
    return gOff[i];
  }

  int[] dims(int i) {
    return dims[i];
  }

  int size(int i) {
    return size[i];
  }

  int[] stridesA(int i) {
    return stridesA[i];
  }

  int[] stridesB(int i) {
    return stridesB[i];
  }

  int[] counter(int i) {
    return counters[i];
  }

  double[] scratch(int i) {
    return scratch[i];
  }
}

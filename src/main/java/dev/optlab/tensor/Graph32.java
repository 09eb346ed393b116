package dev.optlab.tensor;

import java.util.Arrays;
import java.util.List;

/**
 * {@link Graph} in float32 ({@code dtype = float32}, docs/tensors.md): every value, gradient,
 * parameter and row of data a {@code float}, each node computed by the float kernels ({@link
 * Kernels32}), as PyTorch's default dtype computes. Half the memory of a float64 graph and, on
 * the matrix products, twice the SIMD lanes. Buffers are planned once, as in {@link Graph}; not
 * thread-safe.
 */
public final class Graph32 {
  private final NodeSpec[] spec;
  private final int capacity;
  private final float[][] val;
  private final int[] vOff;
  private final float[][] grad;
  private final int[] gOff;
  private final int[][] dims;
  private final int[] size;
  private final int[][] stridesA;
  private final int[][] stridesB;
  private final int[][] counters;
  private final float[][] scratch;
  private final float[] x;
  private final float[] y;
  private float[] g;
  /** The model it was made for (see {@link #reuse}). */
  private final Model model;
  private final int[] sizes = new int[3];
  private int rows = -1;

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
  public Graph32 reuse(float[] p, float[] g) {
    for (int i = 0; i < spec.length; i++) {
      if (spec[i].op() == Op.PARAM) {
        val[i] = p;
        grad[i] = g;
      }
    }
    this.g = g;
    return this;
  }

  /** @param p the flat parameters it reads; @param g the flat gradient it writes (same length) */
  public Graph32(Model model, int capacity, float[] p, float[] g) {
    List<NodeSpec> nodes = model.nodes();
    int n = nodes.size();
    this.model = model;
    this.spec = nodes.toArray(new NodeSpec[0]);
    this.capacity = Math.max(1, capacity);
    int cols = model.data() == null ? 0 : model.data().cols();
    this.g = g;
    x = new float[this.capacity * cols];
    y = new float[this.capacity];
    val = new float[n][];
    vOff = new int[n];
    grad = new float[n][];
    gOff = new int[n];
    dims = new int[n][];
    size = new int[n];
    stridesA = new int[n][];
    stridesB = new int[n][];
    counters = new int[n][];
    scratch = new float[n][];
    boolean[] needs = Graph.needsGrad(model);
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
        case CONST -> val[i] = new float[] {(float) s.c()}; // a Python number meets a float tensor
        default -> {
          val[i] = new float[full];
          if (needs[i]) {
            grad[i] = new float[full];
          }
        }
      }
      if (s.op().binary()) {
        stridesA[i] = Broadcast.strides(spec[s.a()].shape(), s.shape().rank());
        stridesB[i] = Broadcast.strides(spec[s.b()].shape(), s.shape().rank());
        counters[i] = new int[s.shape().rank()];
      } else if (s.op() == Op.MATMUL) {
        // B's transpose for A's gradient; B's gradient reads A transposed in place (Linear32)
        scratch[i] = new float[needs[s.a()] ? (int) spec[s.b()].shape().size(1) : 0];
      } else if (s.op() == Op.CROSS_ENTROPY) {
        scratch[i] = new float[(int) spec[s.a()].shape().size(this.capacity)];
      }
    }
    rows(1);
  }

  public int capacity() {
    return capacity;
  }

  /** The rows of features, row-major, to fill before {@link #bindOwn(int)}. */
  public float[] x() {
    return x;
  }

  /** The targets, one per row. */
  public float[] y() {
    return y;
  }

  /** Points the data at {@code n} rows of arrays the graph does not own, read in place. */
  public void bind(float[] xs, int xOffset, float[] ys, int yOffset, int n) {
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

  public void bindOwn(int n) {
    bind(x, 0, y, 0, n);
  }

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

  /** The objective's (float) value over the current rows. */
  public double forward() {
    for (int i = 0; i < spec.length; i++) {
      Kernels32.forward(this, i);
    }
    int root = spec.length - 1;
    return val[root][vOff[root]];
  }

  /** The gradient at the last {@link #forward()}, written into {@code g}. */
  public void backward() {
    Arrays.fill(g, 0);
    for (int i = 0; i < spec.length; i++) {
      if (grad[i] != null && grad[i] != g) {
        Arrays.fill(grad[i], 0, size[i], 0);
      }
    }
    int root = spec.length - 1;
    if (grad[root] == null) {
      return;
    }
    grad[root][gOff[root]] += 1;
    for (int i = spec.length - 1; i >= 0; i--) {
      if (grad[i] != null && spec[i].op() != Op.PARAM) {
        Kernels32.backward(this, i);
      }
    }
  }

  /** As {@link Graph#correct}: right predictions over the current rows, after a forward pass. */
  public int correct(Model model) {
    NodeSpec loss = spec[model.lossNode()];
    float[] logits = val[loss.a()];
    int lo = vOff[loss.a()];
    float[] target = val[loss.b()];
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
      for (int i = 0; i < size[loss.a()]; i++) {
        right += (logits[lo + i] > 0) == (target[to + i] > 0.5f) ? 1 : 0;
      }
    }
    return right;
  }

  public int predictions(Model model) {
    NodeSpec loss = spec[model.lossNode()];
    return loss.op() == Op.CROSS_ENTROPY ? rows : size[loss.a()];
  }

  int[] sizes() {
    return sizes;
  }

  NodeSpec spec(int i) {
    return spec[i];
  }

  float[] val(int i) {
    return val[i];
  }

  int vOff(int i) {
    return vOff[i];
  }

  float[] grad(int i) {
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

  float[] scratch(int i) {
    return scratch[i];
  }
}

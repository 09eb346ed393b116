package dev.optlab.tensor;

import dev.optlab.optim.ParamLayout;
import dev.optlab.data.Dataset;
import dev.optlab.data.Rng;
import dev.optlab.trace.Numbers;
import java.util.List;

/**
 * A tensor objective compiled and shape-checked: its parameters laid out in one flat vector (the
 * vector the optimizers update, so every element has its own optimizer state, as PyTorch keeps
 * per parameter), and the graph that computes the objective from them and a data set's rows.
 * Immutable; {@link Graph} runs it with buffers of its own.
 *
 * @param data the data set the objective reads, or null when it reads none
 * @param lossNode the {@code cross_entropy} or {@code bce_with_logits} node accuracy is measured
 *     on, or -1 when there is none (or more than one)
 * @param rowMean whether the objective is an average over rows plus terms without rows, so that
 *     its value (and gradient) over many rows is the row-weighted average of its values over
 *     chunks of them
 */
public record Model(String name, List<Param> params, List<NodeSpec> nodes, Dataset data,
    int lossNode, boolean rowMean) {

  public Model {
    params = List.copyOf(params);
    nodes = List.copyOf(nodes);
  }

  /** A parameter: a slice {@code [offset, offset + size)} of the flat vector. */
  public record Param(String name, Shape shape, int offset, Init init) {
    public int size() {
      return (int) shape.size(0);
    }
  }

  /** The length of the flat parameter vector. */
  public int size() {
    Param last = params.get(params.size() - 1);
    return last.offset() + last.size();
  }

  /** The parameter tensors as an optimizer walks them (PyTorch's {@code model.parameters()}). */
  public ParamLayout layout() {
    List<ParamLayout.Tensor> t = new java.util.ArrayList<>();
    for (Param p : params) {
      t.add(new ParamLayout.Tensor(p.name(), p.shape().dims(), p.offset(),
          p.size()));
    }
    return new ParamLayout(t);
  }

  /** The starting point of a run with this seed: each parameter drawn in declaration order. */
  public double[] initialize(long seed) {
    double[] p = new double[size()];
    Rng rng = Rng.of(seed, Rng.INIT);
    for (Param q : params) {
      q.init().fill(p, q.offset(), q.shape(), rng);
    }
    return p;
  }

  /** What accuracy is measured from: {@code "cross_entropy"}, {@code "bce_with_logits"}, or null. */
  public String classifier() {
    return lossNode < 0 ? null
        : nodes.get(lossNode).op() == Op.CROSS_ENTROPY ? "cross_entropy" : "bce_with_logits";
  }

  /**
   * The graph as {@code explain} shows it, one node a line: {@code n4 = matmul n2 n3  [120, 3]}
   * (the rows of data counted as the training rows).
   */
  public List<String> listing() {
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      NodeSpec s = nodes.get(i);
      StringBuilder sb = new StringBuilder("n").append(i).append(" = ");
      switch (s.op()) {
        case PARAM -> sb.append("param ").append(params.get(s.a()).name());
        case DATA_X, DATA_Y -> sb.append(data.name()).append(s.op() == Op.DATA_X ? ".x" : ".y");
        case CONST -> sb.append("const ").append(Numbers.repr(s.c()));
        default -> {
          sb.append(s.op().name().toLowerCase(java.util.Locale.ROOT));
          if (s.a() >= 0) {
            sb.append(" n").append(s.a());
          }
          if (s.b() >= 0) {
            sb.append(" n").append(s.b());
          }
          if (s.op() == Op.POW_C) {
            sb.append(' ').append(Numbers.repr(s.c()));
          }
          if (s.axis() != NodeSpec.ALL && (s.op() == Op.SUM || s.op() == Op.MEAN
              || s.op() == Op.SOFTMAX || s.op() == Op.LOG_SOFTMAX)) {
            sb.append(" axis ").append(s.axis());
          }
        }
      }
      lines.add(sb.append("  ").append(s.shape()).append(s.shape().rows() ? " (rows)" : "")
          .toString());
    }
    return lines;
  }

  /**
   * Bytes of the buffers one forward and backward pass over {@code rows} rows holds, besides the
   * weights and their gradient: the values and gradients of nodes computed from the weights
   * alone, and per row those of the other nodes (1.5x: matrix products keep a transposed copy of
   * an operand as scratch) and the row's {@code dataCols} inputs and its target.
   */
  public long passBytes(long rows, long dataCols) {
    long fixed = 0;
    for (NodeSpec s : nodes) {
      if (!s.shape().rows()) {
        fixed += 2L * s.shape().size(0);
      }
    }
    long perRow = doublesPerRow() * 3 / 2 + dataCols + 1;
    return Double.BYTES * (fixed + rows * perRow);
  }

  /** Doubles of buffers per row of data (values and gradients), for sizing chunks. */
  public long doublesPerRow() {
    long n = 0;
    for (NodeSpec s : nodes) {
      if (s.shape().rows()) {
        n += 2L * s.shape().perRow();
      }
      if (s.op() == Op.CROSS_ENTROPY) {
        n += nodes.get(s.a()).shape().perRow();
      }
    }
    return Math.max(1, n);
  }
}

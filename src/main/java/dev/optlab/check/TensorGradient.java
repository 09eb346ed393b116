package dev.optlab.check;

import dev.optlab.data.Dataset;
import dev.optlab.data.HeapCheck;
import dev.optlab.tensor.Graph;
import dev.optlab.tensor.Model;
import dev.optlab.trace.Numbers;

/**
 * {@code print grad(g)} for a tensor objective: the gradient at the weights a run without a seed
 * starts from (seed 0), over every training row of its data set at once (the full-batch
 * gradient), each parameter by name and shape; a large tensor shows its first values and its
 * norm.
 */
final class TensorGradient {
  /** Values shown of one parameter before "...". */
  private static final int SHOWN = 8;

  private TensorGradient() {}

  /**
   * Why the full-batch gradient cannot be taken in this heap (the weights, their gradient, and
   * the graph's values and gradients for every training row at once), or null when it fits.
   */
  static String memoryRefusal(Model model) {
    Dataset data = model.data();
    long rows = data == null ? 1 : data.train().rows();
    long cols = data == null ? 0 : data.train().cols();
    long bytes = Double.BYTES * 2L * model.size() + model.passBytes(rows, cols);
    return HeapCheck.refusal(bytes, "grad(" + model.name() + ") over all " + rows
        + " training rows at once needs");
  }

  static String print(Model model) {
    double[] p = model.initialize(0);
    double[] g = new double[p.length];
    Dataset data = model.data();
    int rows = data == null ? 1 : data.train().rows();
    Graph graph = new Graph(model, rows, p, g);
    if (data == null) {
      graph.rows(1);
    } else {
      graph.bind(data.train().xAsDoubles(), 0, data.train().y(), 0, rows);
    }
    graph.forward();
    graph.backward();
    StringBuilder sb = new StringBuilder("grad " + model.name() + " at its initial weights (seed 0)"
        + (data == null ? "" : ", over the " + rows + " training rows of " + data.name()) + ":");
    for (Model.Param q : model.params()) {
      String shape = q.shape().toString();
      sb.append("\n  ").append(q.name()).append(shape.equals("[]") ? "" : shape).append(" = ");
      if (q.size() == 1) {
        sb.append(Numbers.repr(g[q.offset()]));
        continue;
      }
      sb.append('[');
      double norm = 0;
      for (int i = 0; i < q.size(); i++) {
        double v = g[q.offset() + i];
        norm += v * v;
        if (i < SHOWN) {
          sb.append(i == 0 ? "" : ", ").append(Numbers.repr(v));
        }
      }
      sb.append(q.size() > SHOWN ? ", ... (" + q.size() + " values, norm "
          + Numbers.repr(Math.sqrt(norm)) + ")]" : "]");
    }
    return sb.toString();
  }
}

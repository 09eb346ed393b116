package dev.optlab.exec;

import dev.optlab.data.Dataset;
import dev.optlab.tensor.Graph;
import dev.optlab.tensor.Graph32;
import dev.optlab.tensor.Model;

/**
 * The graph a sweep's worker thread keeps from one trial to the next (and a float32 trial's
 * copy of the data set in floats). A run on data allocates
 * its graph's buffers for the whole training set (11 MB for the digits MLP); made anew for every
 * trial of a sweep, they outlived the young generation, were copied into the old one and grew
 * it by 11 MB a trial, and every worker waited in those collections (with two workers, a quarter
 * of a sweep's wall time went to them, bench/README.md section f). A worker's trials run one
 * after another, so the next one takes the last one's graph when it is of the same model.
 *
 * <p>Only a sweep's workers keep one, for the life of the sweep (the threads end with it); a
 * plain run makes its own graph, which goes when the run does.
 */
final class TrialBuffers {
  private static final ThreadLocal<TrialBuffers> WORKER = new ThreadLocal<>();

  private Graph graph;
  private Graph32 graph32;
  private Dataset floatsOf;
  private FloatData floats;

  private TrialBuffers() {}

  /** From now on the runs on this thread take their graphs here (a sweep's worker). */
  static void keepOnThisThread() {
    WORKER.set(new TrialBuffers());
  }

  /** The runs on this thread make their own graphs again (the end of a borrowed thread's trial). */
  static void forgetOnThisThread() {
    WORKER.remove();
  }

  static Graph graph(Model model, int capacity, double[] p, double[] g) {
    TrialBuffers b = WORKER.get();
    if (b == null) {
      return new Graph(model, capacity, p, g);
    }
    if (b.graph != null && b.graph.fits(model, capacity)) {
      return b.graph.reuse(p, g);
    }
    b.graph = null; // the old one may go before the new one is made
    return b.graph = new Graph(model, capacity, p, g);
  }

  static Graph32 graph32(Model model, int capacity, float[] p, float[] g) {
    TrialBuffers b = WORKER.get();
    if (b == null) {
      return new Graph32(model, capacity, p, g);
    }
    if (b.graph32 != null && b.graph32.fits(model, capacity)) {
      return b.graph32.reuse(p, g);
    }
    b.graph32 = null;
    return b.graph32 = new Graph32(model, capacity, p, g);
  }

  /** The data set's rows in floats: made once per worker and data set, not once per trial. */
  static FloatData floats(Dataset data) {
    TrialBuffers b = WORKER.get();
    if (b == null) {
      return FloatData.of(data);
    }
    if (b.floats == null || b.floatsOf != data) {
      b.floats = null;
      b.floats = FloatData.of(data);
      b.floatsOf = data;
    }
    return b.floats;
  }
}

package dev.optlab.exec;

import dev.optlab.optim.FloatState;
import dev.optlab.optim.OptimizerState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A float32 run's optimizer state as a checkpoint holds it: under the names, and with the
 * presence rules, of the same rule's float64 state (the catalog), so one file format and one
 * reader serve both; the values are floats, widened exactly to doubles here and written as
 * {@code F32}. The float kernels keep a buffer or two the float64 state leaves out (RMSprop's
 * {@code grad_avg} when not centered): those are not written, as PyTorch would not have them.
 */
final class FloatBuffers {
  /** NAdam's product of momentum factors: a float field of the float state, one for all. */
  private static final String MU_PRODUCT = "mu_product";

  private FloatBuffers() {}

  /**
   * The buffers to write: each of the catalog's that the float state has, less one PyTorch has
   * not made yet (SGD's {@code momentum_buffer} before its first update with momentum).
   */
  static Map<String, double[]> saved(FloatState s, OptimizerState catalog) {
    Set<String> fresh = catalog.saved().keySet();
    Map<String, double[]> out = new LinkedHashMap<>();
    for (String name : catalog.buffers().keySet()) {
      if (name.equals(MU_PRODUCT)) {
        out.put(name, new double[] {s.muProduct});
        continue;
      }
      float[] b = s.buffer(name);
      if (b == null || !fresh.contains(name) && !s.started) {
        continue;
      }
      double[] wide = new double[b.length];
      for (int i = 0; i < b.length; i++) {
        wide[i] = b[i];
      }
      out.put(name, wide);
    }
    return out;
  }

  /**
   * Takes a checked checkpoint's buffers (floats, read from {@code F32} tensors, so narrowing is
   * exact); a buffer only made by a first update marks the state as started.
   */
  static void load(FloatState s, long step, Map<String, double[]> saved, OptimizerState catalog) {
    Set<String> fresh = catalog.saved().keySet();
    s.step = step;
    for (Map.Entry<String, double[]> e : saved.entrySet()) {
      double[] v = e.getValue();
      if (e.getKey().equals(MU_PRODUCT)) {
        s.muProduct = (float) v[0];
        continue;
      }
      float[] into = s.buffer(e.getKey());
      for (int i = 0; i < into.length; i++) {
        into[i] = (float) v[i];
      }
      if (!fresh.contains(e.getKey())) {
        s.started = true;
      }
    }
  }
}

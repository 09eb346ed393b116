package dev.optlab.optim;

import java.util.List;
import java.util.Map;

/**
 * The per-run state of an update rule: the step count and whatever buffers the rule keeps
 * (PyTorch's {@code state[p]}). Each rule has its own subclass with primitive arrays, which its
 * kernel reads directly; {@link #buffers()} is the slow, generic view for {@code explain} and
 * tests.
 */
public abstract class OptimizerState {
  /** Updates applied so far (PyTorch's {@code state['step']}). */
  public long step;

  /**
   * The buffers by PyTorch's state key ({@code exp_avg}, {@code momentum_buffer}, ...), in the
   * order PyTorch creates them; each array is the live buffer, one element per parameter. A scalar
   * state shared by all parameters (NAdam's {@code mu_product}) is a one-element copy. Allocates:
   * not for the hot loop.
   */
  public abstract Map<String, double[]> buffers();

  /**
   * A {@link #buffers()} map from alternating names and arrays, in that order, leaving out the
   * arrays that are {@code null} (buffers an option did not ask for).
   */
  protected static Map<String, double[]> named(Object... namesAndBuffers) {
    Map<String, double[]> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndBuffers.length; i += 2) {
      if (namesAndBuffers[i + 1] != null) {
        m.put((String) namesAndBuffers[i], (double[]) namesAndBuffers[i + 1]);
      }
    }
    return m;
  }

  /**
   * The buffer names, PyTorch's state keys in its order ({@code exp_avg}, {@code exp_avg_sq}), for
   * {@code explain}; {@link #buffers()} has the arrays and so their sizes.
   */
  public List<String> bufferNames() {
    return List.copyOf(buffers().keySet());
  }
}

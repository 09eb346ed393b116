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
   * The buffers a checkpoint holds: {@link #buffers()} less those PyTorch has not made yet (SGD's
   * {@code momentum_buffer} before the first update with momentum, which PyTorch keeps as {@code
   * None}), so that a file says what the optimizer's {@code state_dict} would.
   */
  public Map<String, double[]> saved() {
    return buffers();
  }

  /**
   * Buffers a checkpoint may leave out: ones PyTorch makes only when an option asks (RMSprop's
   * {@code momentum_buffer} without momentum) or on first use. Loading starts them at zero.
   */
  public java.util.Set<String> optional() {
    return java.util.Set.of();
  }

  /**
   * Buffers that hold one value for every parameter here (NAdam's {@code mu_product}) although
   * PyTorch keeps a copy per parameter tensor: a checkpoint writes the value for each.
   */
  public java.util.Set<String> shared() {
    return java.util.Set.of();
  }

  /**
   * Takes the state of a checkpoint: the step count and the buffers by name, each as long as
   * {@link #buffers()}'s (one element for a {@link #shared()} one). The caller has checked the
   * names and lengths; a buffer left out ({@link #optional()}) keeps its fresh value.
   */
  public void load(long step, Map<String, double[]> saved) {
    this.step = step;
    for (Map.Entry<String, double[]> e : buffers().entrySet()) {
      double[] v = saved.get(e.getKey());
      if (v != null) {
        System.arraycopy(v, 0, e.getValue(), 0, e.getValue().length);
      }
    }
  }

  /** A buffer of one parameter tensor, with its own shape ({@link #tensorBuffers}). */
  public record Buffer(long[] shape, double[] data) {}

  /**
   * The buffers of parameter tensor {@code tensor} (in the layout's order) with their own shapes,
   * for a state whose buffers are not all shaped like the parameters — a user-defined rule's
   * row and column statistics, its per-tensor and shared scalars — or null when {@link
   * #buffers()} says it all (every built-in). Copies: {@link #load} takes them back under the
   * keys {@code TENSOR_INDEX/NAME}.
   */
  public Map<String, Buffer> tensorBuffers(int tensor) {
    return null;
  }

  /**
   * The buffer names, PyTorch's state keys in its order ({@code exp_avg}, {@code exp_avg_sq}), for
   * {@code explain}; {@link #buffers()} has the arrays and so their sizes.
   */
  public List<String> bufferNames() {
    return List.copyOf(buffers().keySet());
  }
}

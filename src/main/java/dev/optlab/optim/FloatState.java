package dev.optlab.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of a {@link FloatRule}: the step count and float buffers named by PyTorch's state
 * keys ({@code exp_avg}, {@code momentum_buffer}, ...), allocated once.
 */
public final class FloatState {
  /** Updates applied so far (PyTorch's {@code state['step']}). */
  public long step;
  /** Whether the buffers hold values yet (SGD's {@code momentum_buffer} is None before). */
  public boolean started;
  /** NAdam's {@code mu_product}: a float32 tensor in PyTorch 1.13, so a float here too. */
  public float muProduct = 1f;
  private final Map<String, float[]> buffers = new LinkedHashMap<>();

  /** Buffers of {@code n} zeros, one per name. */
  FloatState(int n, String... names) {
    for (String name : names) {
      buffers.put(name, new float[n]);
    }
  }

  /** The live buffer of that name. */
  public float[] buffer(String name) {
    return buffers.get(name);
  }

  /** The buffers in PyTorch's order; the arrays are live. */
  public Map<String, float[]> buffers() {
    return java.util.Collections.unmodifiableMap(buffers);
  }
}

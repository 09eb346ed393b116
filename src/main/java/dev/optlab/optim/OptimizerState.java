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
   * The buffer names, PyTorch's state keys in its order ({@code exp_avg}, {@code exp_avg_sq}), for
   * {@code explain}; {@link #buffers()} has the arrays and so their sizes.
   */
  public List<String> bufferNames() {
    return List.copyOf(buffers().keySet());
  }
}

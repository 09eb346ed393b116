package dev.optlab.optim;

import java.util.Map;

/**
 * The state of a rule that keeps two buffers per parameter (Adamax, RAdam, NAdam, Adadelta,
 * Rprop), named by PyTorch's state keys; the kernels alias them to their own names.
 */
public class TwoBuffers extends OptimizerState {
  public final double[] first;
  public final double[] second;
  private final String firstName;
  private final String secondName;

  TwoBuffers(String firstName, String secondName, int n) {
    this.firstName = firstName;
    this.secondName = secondName;
    this.first = new double[n];
    this.second = new double[n];
  }

  @Override
  public Map<String, double[]> buffers() {
    return named(firstName, first, secondName, second);
  }
}

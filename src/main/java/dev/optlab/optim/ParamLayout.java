package dev.optlab.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * How a run's flat parameter array splits into the objective's parameter tensors, in declaration
 * order: what PyTorch's per-parameter loop ({@code for p in group['params']}) walks. A scalar
 * parameter of a scalar objective is its own 0-d tensor. Element-wise built-ins ignore the
 * split (an update of the whole array equals one per tensor); user-defined rules with per-tensor
 * reductions and parameter groups need it.
 */
public record ParamLayout(List<Tensor> tensors) {
  public ParamLayout {
    tensors = List.copyOf(tensors);
  }

  /**
   * One parameter tensor: its name, dimensions (empty for a scalar) and where its elements lie
   * in the flat array (row-major, as PyTorch stores a contiguous tensor).
   */
  public record Tensor(String name, int[] dims, int offset, int size) {
    public Tensor {
      dims = dims.clone();
    }

    @Override
    public int[] dims() {
      return dims.clone();
    }

    public int rank() {
      return dims.length;
    }

    /** The first dimension of a 2-D tensor (PyTorch's {@code p.size(0)}). */
    public int rows() {
      return dims.length == 0 ? 1 : dims[0];
    }

    /** The last dimension (1 for a scalar). */
    public int cols() {
      return dims.length == 0 ? 1 : dims[dims.length - 1];
    }

    /** {@code W1 [64, 128]}, {@code x (scalar)}. */
    public String describe() {
      if (dims.length == 0) {
        return name + " (a scalar)";
      }
      StringBuilder sb = new StringBuilder(name).append(" [");
      for (int i = 0; i < dims.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(dims[i]);
      }
      return sb.append(']').toString();
    }
  }

  /** Scalar parameters, each its own 0-d tensor, in order. */
  public static ParamLayout scalars(List<String> names) {
    List<Tensor> t = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      t.add(new Tensor(names.get(i), new int[0], i, 1));
    }
    return new ParamLayout(t);
  }

  /** The number of parameters over all tensors. */
  public int size() {
    return tensors.isEmpty() ? 0 : last().offset() + last().size();
  }

  private Tensor last() {
    return tensors.get(tensors.size() - 1);
  }

  /** The tensor called {@code name}, or null. */
  public Tensor find(String name) {
    for (Tensor t : tensors) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }

  public List<String> names() {
    return tensors.stream().map(Tensor::name).toList();
  }
}

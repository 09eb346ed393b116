package dev.optlab.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Which parameter tensors each parameter group of an optimizer updates (PyTorch's {@code
 * param_groups}): {@code [W1, W2]} names tensors, {@code matrices} takes every 2-D tensor no
 * earlier group claimed, {@code others} the rest. Every tensor gets exactly one group; within a
 * group the tensors keep their declaration order.
 */
public final class ParamGroups {
  private ParamGroups() {}

  /** A group's selector: {@code names} for {@link Kind#NAMES}, else empty. */
  public record Selector(Kind kind, List<String> names) {
    public Selector {
      names = List.copyOf(names);
    }

    public static final Selector MATRICES = new Selector(Kind.MATRICES, List.of());
    public static final Selector OTHERS = new Selector(Kind.OTHERS, List.of());

    /** {@code [W1, W2]}, {@code matrices}, {@code others}: as written. */
    @Override
    public String toString() {
      return switch (kind) {
        case NAMES -> "[" + String.join(", ", names) + "]";
        case MATRICES -> "matrices";
        case OTHERS -> "others";
      };
    }
  }

  public enum Kind { NAMES, MATRICES, OTHERS }

  /**
   * Why the selectors do not split the layout: {@code group} is the group at fault ({@code -1}
   * for a tensor no group took), {@code name} the selector's name at fault (an index into its
   * names, or -1).
   */
  public static final class Problem extends RuntimeException {
    public final int group;
    public final int name;

    Problem(int group, int name, String message) {
      super(message, null, false, false);
      this.group = group;
      this.name = name;
    }
  }

  /**
   * The tensors (indices into {@code layout.tensors()}) of each group, in declaration order.
   *
   * @throws Problem when a name is unknown or taken twice, or a tensor is left without a group
   */
  public static List<int[]> assign(ParamLayout layout, List<Selector> selectors) {
    return assign(layout, selectors, "the objective");
  }

  /** {@link #assign(ParamLayout, List)}, naming the objective in a problem's message. */
  public static List<int[]> assign(ParamLayout layout, List<Selector> selectors,
      String objective) {
    List<ParamLayout.Tensor> tensors = layout.tensors();
    int[] owner = new int[tensors.size()];
    java.util.Arrays.fill(owner, -1);
    for (int g = 0; g < selectors.size(); g++) {
      Selector s = selectors.get(g);
      switch (s.kind()) {
        case NAMES -> {
          for (int k = 0; k < s.names().size(); k++) {
            String name = s.names().get(k);
            int i = layout.names().indexOf(name);
            if (i < 0) {
              throw new Problem(g, k, "'" + name + "' is not a parameter of " + objective
                  + dev.optlab.source.Suggest.didYouMean(name, layout.names())
                  + " (its parameters: " + String.join(", ", layout.names()) + ")");
            }
            if (owner[i] >= 0) {
              throw new Problem(g, k, "'" + name + "' is already in "
                  + (owner[i] == g ? "this group" : "group " + (owner[i] + 1) + " ("
                      + selectors.get(owner[i]) + ")")
                  + "; each parameter belongs to one group"
                  + (selectors.get(owner[i]).kind() == Kind.NAMES ? ""
                      : " (" + selectors.get(owner[i]) + " takes what earlier groups left: "
                      + "write it last)"));
            }
            owner[i] = g;
          }
        }
        case MATRICES, OTHERS -> {
          for (int i = 0; i < tensors.size(); i++) {
            if (owner[i] < 0 && (s.kind() == Kind.OTHERS || tensors.get(i).rank() == 2)) {
              owner[i] = g;
            }
          }
        }
      }
    }
    List<String> left = new ArrayList<>();
    for (int i = 0; i < owner.length; i++) {
      if (owner[i] < 0) {
        left.add(tensors.get(i).describe());
      }
    }
    if (!left.isEmpty()) {
      throw new Problem(-1, -1, (left.size() == 1 ? "parameter " : "parameters ")
          + String.join(", ", left) + (left.size() == 1 ? " has" : " have")
          + " no optimizer; add a group for " + (left.size() == 1 ? "it" : "them")
          + ", such as '+ Adam(lr = 0.001) for others'");
    }
    List<int[]> groups = new ArrayList<>();
    for (int g = 0; g < selectors.size(); g++) {
      final int group = g;
      groups.add(java.util.stream.IntStream.range(0, owner.length)
          .filter(i -> owner[i] == group).toArray());
    }
    return groups;
  }

  /**
   * The tensors {@code indices} of {@code layout} as a layout of their own, packed from offset 0
   * in that order: what a group's rule sees (its scratch arrays hold exactly these elements).
   */
  public static ParamLayout sub(ParamLayout layout, int[] indices) {
    List<ParamLayout.Tensor> out = new ArrayList<>();
    int offset = 0;
    for (int i : indices) {
      ParamLayout.Tensor t = layout.tensors().get(i);
      out.add(new ParamLayout.Tensor(t.name(), t.dims(), offset, t.size()));
      offset += t.size();
    }
    return new ParamLayout(out);
  }
}

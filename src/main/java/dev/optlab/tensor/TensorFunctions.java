package dev.optlab.tensor;

import java.util.List;

/**
 * The tensor-only built-in functions, each once with its usage, what it computes and an example
 * body: {@link TensorCompiler#TENSOR_FUNCTIONS} (what makes an objective a tensor one),
 * completion and {@code :help expressions} / {@code :help losses} all read this list, and a test
 * declares every example, so the help cannot name a function {@link Builtins} does not have.
 */
public final class TensorFunctions {
  private TensorFunctions() {}

  /**
   * One function.
   *
   * @param example an objective body using it, over a data set {@code d} (two features, class
   *     labels 0 and 1), a weight matrix {@code W[2, 2]} and a weight vector {@code w[2]}
   */
  public record Function(String name, String usage, String doc, boolean loss, String example) {}

  public static final List<Function> ALL = List.of(
      new Function("sum", "sum(x) / sum(x, axis = k)",
          "the sum of every element, or over one axis (which disappears)", false,
          "sum(W^2)"),
      new Function("mean", "mean(x) / mean(x, axis = k)",
          "the mean of every element, or over one axis (which disappears)", false,
          "mean(d.x @ W)"),
      new Function("softmax", "softmax(x [, axis = k])",
          "exp(x) / sum(exp(x)) along the last axis (or axis k)", false,
          "mean(softmax(d.x @ W) * d.x)"),
      new Function("log_softmax", "log_softmax(x [, axis = k])",
          "(x - max) - log(sum(exp(x - max))) along the last axis (or axis k)", false,
          "-mean(log_softmax(d.x @ W))"),
      new Function("cross_entropy", "cross_entropy(logits, labels)",
          "F.cross_entropy: the mean over rows of -log_softmax(logits)[label]; logits [rows,"
              + " classes], labels a data set's class labels (d.y)", true,
          "cross_entropy(d.x @ W, d.y)"),
      new Function("mse", "mse(a, b)",
          "F.mse_loss: mean((a - b)^2); both of one shape (no broadcasting)", true,
          "mse(d.x @ w, d.y)"),
      new Function("bce_with_logits", "bce_with_logits(z, t)",
          "F.binary_cross_entropy_with_logits: the mean over elements, in its stable form; one"
              + " shape", true,
          "bce_with_logits(d.x @ w, d.y)"));

  /** Every function's name, in the order above. */
  public static List<String> names() {
    return ALL.stream().map(Function::name).toList();
  }

  /** The losses: the functions that compare predictions with targets. */
  public static List<Function> losses() {
    return ALL.stream().filter(Function::loss).toList();
  }
}

package dev.optlab.tensor;

import java.util.List;

/**
 * The names a parameter can be drawn from ({@code W[4, 3] ~ he}), each once with its usage and
 * what it draws: the checker's "unknown initializer" message, completion and {@code :help
 * initializers} read this list, and a test declares every example, so the help cannot name an
 * initializer the checker does not accept. The draws themselves are {@link Init}'s.
 */
public final class Initializers {
  private Initializers() {}

  /** One initializer; {@code example} is written after {@code ~} for a {@code W[2, 3]}. */
  public record Initializer(String name, String usage, String doc, String example) {}

  public static final List<Initializer> ALL = List.of(
      new Initializer("normal", "normal(mean = 0, std = 1)",
          "mean + std * N(0, 1); also by name: normal(std = 0.01)", "normal(0, 0.01)"),
      new Initializer("uniform", "uniform(a = 0, b = 1)", "U[a, b)", "uniform(-0.1, 0.1)"),
      new Initializer("he", "he / he(mode = \"fan_out\")",
          "U(-bound, bound), bound = sqrt(3) * sqrt(2 / fan_in) (kaiming_uniform_, ReLU);"
              + " mode = \"fan_out\" uses fan_out", "he"),
      new Initializer("he_uniform", "he_uniform", "the same as he", "he_uniform"),
      new Initializer("he_normal", "he_normal / he_normal(mode = \"fan_out\")",
          "N(0, std^2), std = sqrt(2 / fan_in) (kaiming_normal_)", "he_normal"),
      new Initializer("xavier", "xavier / xavier(gain = 1)",
          "U(-bound, bound), bound = sqrt(3) * gain * sqrt(2 / (fan_in + fan_out))"
              + " (xavier_uniform_)", "xavier(gain = 2)"),
      new Initializer("xavier_uniform", "xavier_uniform(gain = 1)", "the same as xavier",
          "xavier_uniform"),
      new Initializer("xavier_normal", "xavier_normal(gain = 1)",
          "N(0, std^2), std = gain * sqrt(2 / (fan_in + fan_out)) (xavier_normal_)",
          "xavier_normal"));

  /** Every initializer's name, in the order above. */
  public static List<String> names() {
    return ALL.stream().map(Initializer::name).toList();
  }
}

package dev.optlab.hyper;

/** The kinds of value a hyperparameter takes, as a user writes them. */
public enum Kind {
  /** A real number: {@code 1e-3}. */
  NUMBER("a number"),
  /** A whole number: {@code 100}. */
  INTEGER("a whole number"),
  /** {@code true} or {@code false}. */
  BOOLEAN("true or false"),
  /** Two numbers: {@code (0.9, 0.999)}. */
  PAIR("a pair of numbers such as (0.9, 0.999)"),
  /** A list of whole numbers: {@code [100, 200]}. */
  INT_LIST("a list of whole numbers such as [100, 200]"),
  /** One of a fixed set of words, in double quotes: {@code "triangular"}. */
  CHOICE("a string"),
  /** A learning-rate schedule (only the optimizers' {@code schedule}). */
  SCHEDULE("a schedule");

  private final String description;

  Kind(String description) {
    this.description = description;
  }

  /** How an error message names this kind: "expected a number". */
  public String description() {
    return description;
  }
}

package dev.optlab.rules;

/**
 * A rule that cannot be compiled for a parameter's shape (a matrix product on a vector, shapes
 * that do not meet); the message names the parameter, its shape and the rule's line. The checker
 * reports it at the statement whose run needs the rule.
 */
public final class RuleError extends RuntimeException {
  RuleError(String message) {
    super(message, null, false, false);
  }
}

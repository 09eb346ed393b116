package dev.optlab.ast;

import dev.optlab.source.Span;

/**
 * An argument: {@code lr = 0.1} (named) or {@code 0.1} (positional, {@code name} null), in a
 * call, a constructor, a {@code with (...)} or a tuple.
 */
public record Arg(String name, Span nameSpan, Expr value, Span span) {
  public boolean named() {
    return name != null;
  }
}

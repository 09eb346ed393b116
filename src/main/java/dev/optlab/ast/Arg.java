package dev.optlab.ast;

import dev.optlab.source.Span;

/**
 * An argument: {@code lr = 0.1} (named) or {@code 0.1} (positional, {@code name} null), in a
 * call, a constructor, a {@code with (...)} or a tuple. In a sweep's optimizer an argument may
 * instead vary over an {@link Axis} ({@code lr = {0.1, 0.01}}): {@code value} is then null until
 * the sweep puts each trial's value in.
 */
public record Arg(String name, Span nameSpan, Expr value, Span span, Axis axis) {
  public Arg(String name, Span nameSpan, Expr value, Span span) {
    this(name, nameSpan, value, span, null);
  }

  public boolean named() {
    return name != null;
  }

  /** This argument with a trial's value in place of its axis. */
  public Arg withValue(Expr value) {
    return new Arg(name, nameSpan, value, span, null);
  }
}

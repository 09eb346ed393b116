package dev.optlab.ast;

import dev.optlab.source.Span;
import java.util.List;

/**
 * An optimizer as written: a constructor {@code Adam(lr = 0.1)}, a declared name {@code adam},
 * or either followed by {@code with (lr = 0.2)}.
 *
 * @param args the constructor's arguments, or {@code null} when no parentheses were written
 * @param with the {@code with (...)} arguments, or {@code null}
 * @param text the written text, the {@code run} column of an inline constructor's trace
 */
public record OptimizerSpec(
    String name, Span nameSpan, List<Arg> args, List<Arg> with, String text, Span span) {
  public OptimizerSpec {
    args = args == null ? null : List.copyOf(args);
    with = with == null ? null : List.copyOf(with);
  }
}

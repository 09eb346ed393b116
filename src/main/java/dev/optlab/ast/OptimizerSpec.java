package dev.optlab.ast;

import dev.optlab.source.Span;
import java.util.List;

/**
 * An optimizer as written: a constructor {@code Adam(lr = 0.1)}, a declared name {@code adam},
 * or either followed by {@code with (lr = 0.2)}; or parameter groups {@code Muon(...) for
 * matrices + AdamW(...) for others} (docs/language.md, "Parameter groups"), whose {@link #groups}
 * hold the parts, the name, args and with then being the first group's.
 *
 * @param args the constructor's arguments, or {@code null} when no parentheses were written
 * @param with the {@code with (...)} arguments, or {@code null}
 * @param text the written text, the {@code run} column of an inline constructor's trace
 * @param groups the parameter groups, or empty for one optimizer of every parameter
 */
public record OptimizerSpec(
    String name, Span nameSpan, List<Arg> args, List<Arg> with, String text, Span span,
    List<Group> groups) {
  public OptimizerSpec {
    args = args == null ? null : List.copyOf(args);
    with = with == null ? null : List.copyOf(with);
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  public OptimizerSpec(
      String name, Span nameSpan, List<Arg> args, List<Arg> with, String text, Span span) {
    this(name, nameSpan, args, with, text, span, List.of());
  }

  /**
   * One group: its optimizer (never itself grouped) and selector, {@code matrices}, {@code others}
   * ({@code keyword}) or a list of parameter names ({@code keyword} null).
   */
  public record Group(OptimizerSpec optimizer, String keyword, List<Stmt.Ident> names,
      Span selectorSpan) {
    public Group {
      names = List.copyOf(names);
    }
  }

  public boolean isGrouped() {
    return !groups.isEmpty();
  }
}

package dev.optlab.ast;

import dev.optlab.source.Span;
import java.util.List;

/**
 * What a sweep varies a hyperparameter over, written in its optimizer's arguments
 * (docs/language.md, "sweep"). Only a sweep's optimizers carry axes: the parser refuses them
 * anywhere else.
 */
public sealed interface Axis {
  Span span();

  /** {@code {1e-3, 1e-2}} or {@code {(0.9, 0.999), (0.95, 0.99)}}: the values as written. */
  record Values(List<Expr> values, Span span) implements Axis {
    public Values {
      values = List.copyOf(values);
    }
  }

  /**
   * {@code linspace(a, b, n)} or {@code logspace(a, b, n)}: n values from a to b, evenly spaced
   * or evenly spaced in log scale (values, not exponents, as NumPy's {@code geomspace}).
   */
  record Space(boolean log, Expr from, Expr to, Expr count, Span span) implements Axis {}

  /**
   * {@code ~ uniform(a, b)}, {@code ~ loguniform(a, b)} or {@code ~ choice(x, y, ...)}: a value
   * drawn per trial from the sweep's seed.
   */
  record Draw(String distribution, Span nameSpan, List<Expr> args, Span span) implements Axis {
    public Draw {
      args = List.copyOf(args);
    }
  }
}

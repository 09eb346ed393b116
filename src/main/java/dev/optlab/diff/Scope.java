package dev.optlab.diff;

import dev.optlab.ast.Stmt;
import dev.optlab.source.Source;
import java.util.Collection;

/** What names mean where an expression is compiled. */
public interface Scope {
  /**
   * A {@code let} constant's value, or null. {@code pi} and {@code e} are built in, but a {@code
   * let} of the same name wins.
   */
  Double constant(String name);

  /** A user {@code def}, or null. A def of the same name as a built-in function wins. */
  Stmt.Def function(String name);

  /**
   * The compiled function of a scalar objective of this name, or null. A call of an objective
   * with numbers, {@code f(0.3)}, is evaluated by it, so that it gives the very value a run of
   * {@code f} from that point reports at step 0 (PyTorch's), not a differently rounded folding
   * of its body.
   */
  default CompiledFunction objective(String name) {
    return null;
  }

  /** Every visible name, for "did you mean". */
  Collection<String> names();

  /**
   * The source a def was declared in, so that an error found while inlining its body (such as a
   * recursive call) points into that body. When null (the default), the error points at the call
   * in the expression being compiled, with a hint naming the def.
   */
  default Source source(Stmt.Def def) {
    return null;
  }

  /** A scope with no lets and no defs: only {@code pi} and {@code e}. */
  Scope EMPTY =
      new Scope() {
        @Override
        public Double constant(String name) {
          return null;
        }

        @Override
        public Stmt.Def function(String name) {
          return null;
        }

        @Override
        public Collection<String> names() {
          return java.util.List.of();
        }
      };
}

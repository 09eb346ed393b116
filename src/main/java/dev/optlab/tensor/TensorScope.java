package dev.optlab.tensor;

import dev.optlab.ast.Stmt;
import dev.optlab.data.Dataset;
import java.util.Collection;

/** What names mean where a tensor objective is compiled: the session's declarations. */
public interface TensorScope {
  /** A {@code let} constant's value, or null. */
  Double constant(String name);

  /** A {@code def}, or null. */
  Stmt.Def function(String name);

  /** A {@code data} set, or null. */
  Dataset data(String name);

  /** Every declared name, for "did you mean". */
  Collection<String> names();
}

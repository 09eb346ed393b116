package dev.optlab.repl;

import dev.optlab.diff.ExprCompiler;
import dev.optlab.tensor.TensorCompiler;
import java.util.List;
import java.util.stream.Stream;

/** Names the REPL offers inside expressions beside the session's declarations. */
final class Names {
  private Names() {}

  /** The built-in functions of expressions (LANGUAGE.md section 4) and {@code grad}. */
  static final List<String> FUNCTIONS = Stream.of(
      ExprCompiler.builtins().stream(),
      TensorCompiler.TENSOR_FUNCTIONS.stream().sorted(),
      Stream.of("grad")).flatMap(s -> s).toList();

  static final List<String> CONSTANTS = List.of("pi", "e");

  /** The variables an {@code until} condition may read. */
  static final List<String> CONDITION_VARIABLES = List.of("loss", "grad_norm");
}

package dev.optlab.diff;

import dev.optlab.ast.Expr;
import dev.optlab.source.Source;
import java.util.List;

/**
 * Compiles an expression (LANGUAGE.md section 4) once into a {@link CompiledFunction} that
 * computes its value and exact gradient, or evaluates a parameter-free expression.
 *
 * <p>Semantics, chosen so that numbers match PyTorch 1.13 evaluating the formula written in
 * Python with float64 tensors for the variables and Python floats for everything else:
 *
 * <ul>
 *   <li>A name is a variable, else a {@code let} constant, else {@code pi} or {@code e}. Inside
 *       a {@code def} body it is a parameter, else a constant: a def does not see the variables
 *       of the expression that calls it.
 *   <li>Every subexpression that does not depend on the variables is folded to a double, as
 *       Python computes it before it ever meets a tensor.
 *   <li>A call of a {@code def} is inlined like a Python function call: each argument is
 *       computed once (left to right), then the body with the parameters bound to the results.
 *   <li>{@code c / x} is {@code x.reciprocal() * c}, {@code c ^ x} is {@code tensor(c) ** x}
 *       (PyTorch's {@code __rdiv__} and {@code __rpow__}); {@code x ^ c} is pow(Tensor, Scalar)
 *       with its special cases; {@code min}/{@code max} are {@code torch.minimum}/{@code
 *       maximum}; {@code +x} is {@code x} itself.
 * </ul>
 *
 * <p>Expressions of any depth compile (the lowering keeps its own stack); an expression that
 * would exceed 100,000 autograd nodes after inlining defs is an error.
 */
public final class ExprCompiler {
  private ExprCompiler() {}

  /**
   * Compiles {@code body} as a function of {@code variables} (an objective's parameters in
   * declaration order, or ["t", "lr0"] for an expression schedule).
   *
   * @throws dev.optlab.source.OptlabError on any error, at the offending node
   */
  public static CompiledFunction compile(
      Source source, Expr body, List<String> variables, Scope scope) {
    return compile(source, body, variables, scope, "an objective");
  }

  /**
   * As {@link #compile(Source, Expr, List, Scope)}; {@code where} names what is being compiled
   * in the error for a call of {@code grad} ("an objective", "a schedule").
   */
  public static CompiledFunction compile(
      Source source, Expr body, List<String> variables, Scope scope, String where) {
    TapeBuilder tape = new TapeBuilder(variables);
    Lowering lowering = new Lowering(source, variables, scope, tape, where);
    Lowering.Val v = lowering.lower(body);
    return v.isConstant() ? tape.buildConstant(v.constant()) : tape.build(v.node());
  }

  /** Evaluates a parameter-free expression (a {@code let}, a {@code print}, a hyperparameter). */
  public static double evaluate(Source source, Expr body, Scope scope) {
    TapeBuilder tape = new TapeBuilder(List.of());
    Lowering lowering = new Lowering(source, List.of(), scope, tape, "an expression");
    Lowering.Val v = lowering.lower(body);
    if (!v.isConstant()) {
      throw new IllegalStateException("a parameter-free expression did not fold");
    }
    return v.constant();
  }

  /** The built-in functions, for completion and help. */
  public static List<String> builtins() {
    return Lowering.BUILTIN_NAMES;
  }
}

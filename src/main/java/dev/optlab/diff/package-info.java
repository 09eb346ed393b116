/**
 * Expressions compiled once into programs that compute their value and exact gradient (reverse
 * mode), with the numbers PyTorch 1.13 computes for the same formula on float64.
 *
 * <h2>Pipeline</h2>
 *
 * <ol>
 *   <li>{@link dev.optlab.diff.ExprCompiler} checks and lowers the AST ({@code Lowering}): names
 *       resolved, constants folded, defs inlined, errors reported at the node. It walks the tree
 *       with its own stack, so depth is not limited by the Java stack.
 *   <li>{@code TapeBuilder} records PyTorch's autograd graph of the formula, one node per op
 *       application in Python's evaluation order, while hash-consing the forward values: a
 *       repeated subexpression is computed once, but keeps one gradient node per occurrence, as
 *       in PyTorch (merging them would round differently).
 *   <li>{@link dev.optlab.diff.CompiledFunction} runs the flat arrays ({@code Program}): a forward
 *       sweep over registers and a reverse sweep over nodes in descending creation order, which
 *       is the order PyTorch's engine runs them and so the order it sums gradients. After a few
 *       calls {@code Codegen} translates the program into straight-line bytecode (a hidden
 *       class), which the JIT compiles like a hand-written method; both paths give the same bits.
 * </ol>
 *
 * <h2>What "the same numbers as PyTorch" means</h2>
 *
 * The reference is {@code torch} 1.13 on CPU (AVX2) evaluating the formula in Python with the
 * variables as 0-dim float64 tensors with {@code requires_grad}, every other number a Python
 * float, {@code ^} as {@code **}, built-ins as {@code torch} functions ({@code softplus} from
 * {@code torch.nn.functional}, {@code min}/{@code max} as {@code torch.minimum}/{@code
 * maximum}), defs as Python functions, then {@code loss.backward()}. Forward kernels and backward
 * formulas follow {@code derivatives.yaml}/{@code FunctionsManual.cpp} of that version, including
 * Python's {@code c / x = x.reciprocal() * c}, pow's special exponents, the halved gradient of
 * min/max ties and the fused multiply-add of {@code tanh_backward}; {@code exp}, {@code log},
 * {@code sin}, {@code cos}, {@code tan} and {@code tanh} are a port of the SLEEF functions
 * PyTorch calls ({@code Sleef}). Checked bit for bit by the tests against committed PyTorch output
 * ({@code src/test/resources/diff/}).
 *
 * <p>Known last-bit differences: functions PyTorch takes from glibc through scalar kernels,
 * where {@link java.lang.Math} stands in: {@code pow} with a general exponent (about 0.1% of
 * arguments), the {@code exp} inside {@code sigmoid} and {@code softplus} and the {@code log1p} of
 * {@code softplus}; SLEEF's trigonometric functions for arguments of magnitude 1e14 and above. And
 * the sign of a zero where Python would compute with integers ({@code -(0)} is {@code +0} in
 * Python when {@code 0} is an int literal; the AST keeps numbers as doubles, so here it is
 * {@code -0.0}).
 */
package dev.optlab.diff;

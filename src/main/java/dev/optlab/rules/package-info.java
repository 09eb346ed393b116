/**
 * User-defined update rules (docs/rules.md): a checked {@code rule} statement ({@link RuleDef})
 * compiled, for each parameter tensor's shape, into a {@link TensorProgram} — scalar steps, fused
 * element-wise passes, reductions and matrix products over preallocated buffers — that {@link
 * CompiledRule} runs as an ordinary {@code UpdateRule}. Element-wise arithmetic is PyTorch's,
 * operation by operation ({@code optim/TorchOps}, {@code ops/ScalarOps}), so a rule written one line
 * per PyTorch operation gives PyTorch's bits.
 */
package dev.optlab.rules;

package dev.optlab.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated kernels ({@link KernelGen}), one per distinct instruction list but for its sizes
 * ({@link ProgramWalk#sizeless}): the tensors of a run, and the trials of a sweep, that
 * compile to the same program share one hidden class, so a sweep does not define a class per
 * trial, and the JIT compiles a rule's loop once, warmed on whatever tensor comes first. A list that cannot be generated runs in the {@link
 * Interpreter}; {@link Compiled#whyNot} says why.
 */
final class Kernels {
  private Kernels() {}

  /** A kernel, or null and the reason it could not be generated. */
  record Compiled(Kernel kernel, String whyNot) {}

  private static final int CAPACITY = 512;
  private static final Map<List<Instr>, Compiled> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Instr>, Compiled> e) {
          return size() > CAPACITY;
        }
      };

  static Compiled of(List<Instr> instrs) {
    List<Instr> key = ProgramWalk.sizeless(instrs);
    synchronized (CACHE) {
      Compiled c = CACHE.get(key);
      if (c == null) {
        c = generate(key);
        CACHE.put(key, c);
      }
      return c;
    }
  }

  /** The sizes {@code instrs}' kernel reads. */
  static int[] dims(List<Instr> instrs) {
    List<Integer> out = new java.util.ArrayList<>();
    ProgramWalk.dims(instrs, out);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Compiled generate(List<Instr> instrs) {
    try {
      return new Compiled(KernelGen.generate(instrs), null);
    } catch (RuntimeException | LinkageError e) {
      // A method over 64 KB, or a shape of program the generator refuses: still correct, slower.
      return new Compiled(null, "interpreted: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
  }
}

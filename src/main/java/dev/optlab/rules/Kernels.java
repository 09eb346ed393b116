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
  /** Tensors shorter than this get kernels of their own (optim/KernelLoops says why). */
  static final int SMALL = 64;

  /**
   * A program without its sizes, and whether its passes are all short: C2 vectorizes a loop only
   * if its profile shows long runs, so a two-parameter run must not share a big tensor's kernel
   * (a second copy of the loop in the same method, as the built-ins do, stopped C2 from
   * vectorizing loops with a division or a square root, measured).
   */
  private record Key(List<Instr> program, boolean small, boolean flat) {}

  private static final Map<Key, Compiled> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Compiled> e) {
          return size() > CAPACITY;
        }
      };

  static Compiled of(List<Instr> instrs) {
    return of(instrs, false);
  }

  /** With {@code flat}, the kernel of a {@link FlatProgram}'s list: every array at index i. */
  static Compiled of(List<Instr> instrs, boolean flat) {
    List<Instr> program = ProgramWalk.sizeless(instrs);
    List<Integer> dims = new java.util.ArrayList<>();
    ProgramWalk.dims(instrs, dims);
    Key key = new Key(program, dims.stream().allMatch(d -> d < SMALL), flat);
    synchronized (CACHE) {
      Compiled c = CACHE.get(key);
      if (c == null) {
        c = generate(program, flat);
        CACHE.put(key, c);
      }
      return c;
    }
  }

  /**
   * Why the generator refused a body or eval of {@code programs} (the first such, as {@link
   * Compiled#whyNot} words it), or null when all of them run as generated code.
   */
  static String whyInterpreted(List<TensorProgram> programs, boolean flat) {
    for (TensorProgram p : programs) {
      for (List<Instr> l : List.of(p.body(), p.eval())) {
        Compiled c = l.isEmpty() ? null : of(l, flat);
        if (c != null && c.kernel() == null) {
          return c.whyNot();
        }
      }
    }
    return null;
  }

  /** The sizes {@code instrs}' kernel reads. */
  static int[] dims(List<Instr> instrs) {
    List<Integer> out = new java.util.ArrayList<>();
    ProgramWalk.dims(instrs, out);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Compiled generate(List<Instr> instrs, boolean flat) {
    try {
      return new Compiled(KernelGen.generate(instrs, flat), null);
    } catch (RuntimeException | LinkageError e) {
      // A method over 64 KB, or a shape of program the generator refuses: still correct, slower.
      String why = e instanceof org.objectweb.asm.MethodTooLargeException
          ? "its code would exceed the JVM's 64 KB a method (a long repeat unrolls into it)"
          : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage()
              + ")");
      return new Compiled(null, "interpreted: " + why);
    }
  }
}

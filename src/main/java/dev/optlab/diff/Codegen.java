package dev.optlab.diff;

import dev.optlab.diff.ClassFile.Code;
import java.lang.invoke.MethodHandles;

/**
 * Translates a {@link Program} into a hidden class implementing {@link Fused}: one straight-line
 * method per entry point, every register and gradient slot a local variable, every op the same
 * arithmetic (or the same {@link Kernels} call) as the interpreter, so the bits are identical and
 * the JIT sees code it compiles like a hand-written method.
 *
 * <p>The generated code has no branches (ops that branch call their kernel in {@link Kernels}),
 * so it needs no stack map frames. Programs too big for the JIT to compile comfortably stay
 * with the interpreter.
 */
final class Codegen {
  /** HotSpot does not compile methods of more bytecode than this (-XX:-DontCompileHugeMethods). */
  static final int MAX_CODE = 8000;

  private static final String SELF = "dev/optlab/diff/FusedProgram";
  private static final String KERNELS = "dev/optlab/ops/ScalarOps";
  private static final String MATH = "java/lang/Math";
  private static final String SLEEF = "dev/optlab/ops/Sleef";
  private static final String D_D = "(D)D";
  private static final String DD_D = "(DD)D";
  private static final String DDD_D = "(DDD)D";

  /**
   * The translation of {@code p}, or null when it is too big or cannot be defined; then {@code
   * p.notFused} says why, for {@code explain}. The interpreter computes the very same numbers,
   * so falling back to it changes only the speed.
   */
  static Fused generate(Program p) {
    // About 10 bytes of bytecode per op each way: skip what would exceed MAX_CODE anyway.
    if (p.result < 0) {
      p.notFused = "a constant";
      return null;
    }
    if ((p.fop.length + p.bop.length) * 10 > MAX_CODE || p.arity > Short.MAX_VALUE) {
      p.notFused = "too large for one JVM method (" + (p.fop.length + p.bop.length)
          + " operations forward and back; the limit is about " + MAX_CODE / 10 + ")";
      return null;
    }
    try {
      Codegen g = new Codegen(p);
      byte[] value = g.valueMethod();
      byte[] both = g.gradientMethod();
      if (value == null || both == null) {
        p.notFused = "too large for one JVM method";
        return null;
      }
      byte[] bytes = g.file.assemble(
          new ClassFile.Method("value", "([D)D", 16, g.maxLocals, value),
          new ClassFile.Method("valueAndGradient", "([D[D)D", 16, g.maxLocals, both));
      MethodHandles.Lookup lookup =
          MethodHandles.lookup().defineHiddenClass(bytes, true);
      return (Fused) lookup.findConstructor(lookup.lookupClass(),
          java.lang.invoke.MethodType.methodType(void.class)).invoke();
    } catch (Throwable e) {
      if (e instanceof Error err && !(e instanceof LinkageError)) {
        throw err;
      }
      // The JVM refused the generated class (a VerifyError is a bug in this generator): the
      // interpreter runs instead, explain says why, and OPTLAB_DEBUG=1 shows the trace.
      p.notFused = "the JVM refused the generated class (" + e.getClass().getSimpleName()
          + "; a bug in optlab, please report it)";
      dev.optlab.source.Debug.stackTrace(e, System.err);
      return null;
    }
  }

  private final Program p;
  private final ClassFile file = new ClassFile(SELF, "dev/optlab/diff/Fused");
  private final int registers;
  private int maxLocals;

  private Codegen(Program p) {
    this.p = p;
    this.registers = p.regInit.length;
  }

  private int regLocal(int r) {
    return 3 + 2 * r;
  }

  private int slotLocal(int s) {
    return 3 + 2 * registers + 2 * s;
  }

  /** {@code double value(double[] x)}. */
  private byte[] valueMethod() {
    Code c = file.code();
    prologue(c);
    c.dload(regLocal(p.result));
    c.op(0xaf); // dreturn
    maxLocals = Math.max(maxLocals, regLocal(registers));
    return c.size() > MAX_CODE ? null : c.bytes();
  }

  /** {@code double valueAndGradient(double[] x, double[] grad)}. */
  private byte[] gradientMethod() {
    Code c = file.code();
    prologue(c);
    int nv = p.arity;
    int slots = p.adjInit.length;
    boolean[] written = new boolean[slots];
    c.dconst(1.0);
    c.dstore(slotLocal(p.rootSlot));
    written[p.rootSlot] = true;
    int trash = p.trashSlot();
    for (int k = p.bop.length - 1; k >= 0; k--) {
      int op = p.bop[k];
      int g = slotLocal(nv + k);
      int a = regLocal(p.ba[k]);
      int b = regLocal(p.bb[k]);
      int r = regLocal(p.br[k]);
      double k0 = p.bc[k];
      // Contribution to the first operand.
      switch (op) {
        case Op.NEG, Op.RSUB_C -> {
          c.dload(g);
          c.op(0x77); // dneg
        }
        case Op.ADD, Op.SUB, Op.ADD_C, Op.SUB_C, Op.POW_1 -> c.dload(g);
        case Op.MUL -> mul(c, g, b);
        case Op.DIV -> {
          c.dload(g);
          c.dload(b);
          c.op(0x6f); // ddiv
        }
        case Op.MUL_C -> {
          c.dload(g);
          c.ldc(k0);
          c.op(0x6b);
        }
        case Op.DIV_C -> {
          c.dload(g);
          c.ldc(k0);
          c.op(0x6f);
        }
        case Op.EXP -> mul(c, g, r);
        case Op.LOG -> {
          c.dload(g);
          c.dload(a);
          c.op(0x6f);
        }
        case Op.SQRT -> call2(c, g, r, "sqrtBackward");
        case Op.ABS -> call2(c, g, a, "absBackward");
        case Op.SIN -> call2(c, g, a, "sinBackward");
        case Op.COS -> call2(c, g, a, "cosBackward");
        case Op.TAN -> call2(c, g, r, "tanBackward");
        case Op.TANH -> call2(c, g, r, "tanhBackward");
        case Op.SIGMOID -> call2(c, g, r, "sigmoidBackward");
        case Op.RELU -> call2(c, g, r, "reluBackward");
        case Op.RECIP -> call2(c, g, r, "recipBackward");
        case Op.SOFTPLUS -> call2(c, g, a, "softplusBackward");
        case Op.FLOOR, Op.CEIL, Op.SIGN, Op.POW_0 -> c.dconst(0.0);
        case Op.POW -> call3(c, g, a, b, "powBackwardBase");
        case Op.MIN -> call3(c, g, a, b, "minBackwardSelf");
        case Op.MAX -> call3(c, g, a, b, "maxBackwardSelf");
        case Op.RPOW_C -> {
          c.dload(g);
          c.ldc(k0);
          c.ldc(p.baux[k]);
          c.dload(a);
          c.dload(r);
          c.invokestatic(KERNELS, "powBackwardExponent", "(DDDDD)D");
        }
        case Op.POW_C, Op.POW_2, Op.POW_3, Op.POW_HALF, Op.POW_MHALF, Op.POW_M1, Op.POW_M2 -> {
          c.dload(g);
          c.dload(a);
          c.ldc(k0);
          c.invokestatic(KERNELS, "powScalarBackward", DDD_D);
        }
        default -> throw new IllegalStateException("op " + op);
      }
      accumulate(c, p.ta[k], written, trash);
      if (!Op.binary(op)) {
        continue;
      }
      // Contribution to the second operand, unless it is a constant.
      if (p.tb[k] == trash) {
        continue;
      }
      switch (op) {
        case Op.ADD -> c.dload(g);
        case Op.SUB -> {
          c.dload(g);
          c.op(0x77);
        }
        case Op.MUL -> mul(c, g, a);
        case Op.DIV -> call3(c, g, a, b, "divBackwardOther");
        case Op.POW -> {
          c.dload(g);
          c.dload(a);
          c.dload(b);
          c.dload(r);
          c.invokestatic(KERNELS, "powTensorBackwardExponent", "(DDDD)D");
        }
        case Op.MIN -> call3(c, g, a, b, "minBackwardOther");
        case Op.MAX -> call3(c, g, a, b, "maxBackwardOther");
        default -> throw new IllegalStateException("op " + op);
      }
      accumulate(c, p.tb[k], written, trash);
    }
    for (int i = 0; i < nv; i++) {
      c.aload(2);
      c.iconst(i);
      if (written[i]) {
        c.dload(slotLocal(i));
      } else {
        c.dconst(0.0);
      }
      c.op(0x52); // dastore
    }
    c.dload(regLocal(p.result));
    c.op(0xaf);
    maxLocals = Math.max(maxLocals, slotLocal(slots));
    return c.size() > MAX_CODE ? null : c.bytes();
  }

  /**
   * Adds the contribution on the stack to slot {@code s}: the first one is stored as is, as
   * PyTorch's input buffer does; later ones are added ({@code +} commutes bit for bit).
   */
  private void accumulate(Code c, int s, boolean[] written, int trash) {
    if (s == trash) {
      c.op(0x58); // pop2
      return;
    }
    if (written[s]) {
      c.dload(slotLocal(s));
      c.op(0x63); // dadd
    }
    written[s] = true;
    c.dstore(slotLocal(s));
  }

  private void mul(Code c, int x, int y) {
    c.dload(x);
    c.dload(y);
    c.op(0x6b);
  }

  private void call2(Code c, int x, int y, String kernel) {
    c.dload(x);
    c.dload(y);
    c.invokestatic(KERNELS, kernel, DD_D);
  }

  private void call3(Code c, int x, int y, int z, String kernel) {
    c.dload(x);
    c.dload(y);
    c.dload(z);
    c.invokestatic(KERNELS, kernel, DDD_D);
  }

  /** Loads the variables and constants into locals and runs the forward ops. */
  private void prologue(Code c) {
    for (int i = 0; i < p.arity; i++) {
      c.aload(1);
      c.iconst(i);
      c.op(0x31); // daload
      c.dstore(regLocal(i));
    }
    for (int r = p.arity; r < p.base; r++) {
      c.ldc(p.regInit[r]);
      c.dstore(regLocal(r));
    }
    for (int i = 0; i < p.fop.length; i++) {
      int a = regLocal(p.fa[i]);
      int b = regLocal(p.fb[i]);
      double k = p.fc[i];
      switch (p.fop[i]) {
        case Op.NEG -> {
          c.dload(a);
          c.op(0x77);
        }
        case Op.ADD -> binary(c, a, b, 0x63);
        case Op.SUB -> binary(c, a, b, 0x67);
        case Op.MUL -> binary(c, a, b, 0x6b);
        case Op.DIV -> binary(c, a, b, 0x6f);
        case Op.ADD_C -> constant(c, a, k, 0x63);
        case Op.SUB_C -> constant(c, a, k, 0x67);
        case Op.MUL_C -> constant(c, a, k, 0x6b);
        case Op.DIV_C -> constant(c, a, k, 0x6f);
        case Op.RSUB_C -> {
          c.ldc(k);
          c.dload(a);
          c.op(0x67);
        }
        case Op.RECIP, Op.POW_M1 -> {
          c.dconst(1.0);
          c.dload(a);
          c.op(0x6f);
        }
        case Op.POW_0 -> c.dconst(1.0);
        case Op.POW_1 -> c.dload(a);
        case Op.POW_2 -> binary(c, a, a, 0x6b);
        case Op.POW_3 -> {
          binary(c, a, a, 0x6b);
          c.dload(a);
          c.op(0x6b);
        }
        case Op.POW_M2 -> {
          c.dconst(1.0);
          binary(c, a, a, 0x6b);
          c.op(0x6f);
        }
        case Op.POW_MHALF -> {
          c.dconst(1.0);
          c.dload(a);
          c.invokestatic(MATH, "sqrt", D_D);
          c.op(0x6f);
        }
        case Op.SQRT, Op.POW_HALF -> math(c, a, "sqrt");
        case Op.EXP -> sleef(c, a, "exp");
        case Op.LOG -> sleef(c, a, "log");
        case Op.ABS -> math(c, a, "abs");
        case Op.SIN -> sleef(c, a, "sin");
        case Op.COS -> sleef(c, a, "cos");
        case Op.TAN -> sleef(c, a, "tan");
        case Op.TANH -> sleef(c, a, "tanh");
        case Op.FLOOR -> math(c, a, "floor");
        case Op.CEIL -> math(c, a, "ceil");
        case Op.SIGMOID -> kernel(c, a, "sigmoid");
        case Op.RELU -> kernel(c, a, "relu");
        case Op.SOFTPLUS -> kernel(c, a, "softplus");
        case Op.SIGN -> kernel(c, a, "sign");
        case Op.POW -> {
          c.dload(a);
          c.dload(b);
          c.invokestatic(MATH, "pow", DD_D);
        }
        case Op.MIN, Op.MAX -> {
          c.dload(a);
          c.dload(b);
          c.invokestatic(KERNELS, p.fop[i] == Op.MIN ? "min" : "max", DD_D);
        }
        case Op.POW_C -> {
          c.dload(a);
          c.ldc(k);
          c.invokestatic(MATH, "pow", DD_D);
        }
        case Op.RPOW_C -> {
          c.ldc(k);
          c.dload(a);
          c.invokestatic(MATH, "pow", DD_D);
        }
        default -> throw new IllegalStateException("op " + p.fop[i]);
      }
      c.dstore(regLocal(p.base + i));
    }
  }

  private void binary(Code c, int a, int b, int opcode) {
    c.dload(a);
    c.dload(b);
    c.op(opcode);
  }

  private void constant(Code c, int a, double k, int opcode) {
    c.dload(a);
    c.ldc(k);
    c.op(opcode);
  }

  private void math(Code c, int a, String name) {
    c.dload(a);
    c.invokestatic(MATH, name, D_D);
  }

  private void sleef(Code c, int a, String name) {
    c.dload(a);
    c.invokestatic(SLEEF, name, D_D);
  }

  private void kernel(Code c, int a, String name) {
    c.dload(a);
    c.invokestatic(KERNELS, name, D_D);
  }
}

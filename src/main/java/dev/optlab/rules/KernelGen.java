package dev.optlab.rules;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Compiles an instruction list of a {@link TensorProgram} into one hidden class whose {@link
 * Kernel#run} does the whole list: the arrays it touches and their offsets loaded into locals
 * once, each {@link Instr.Pass} a counted loop with its registers, the scalar slots it reads and
 * its sums as double locals, add/sub/mul/div as JVM arithmetic and every other operation an
 * {@code invokestatic} of the {@link Ops} method the interpreter calls, so that the JIT sees one
 * loop per pass it can inline and unroll (docs/rules.md, "Speed"). Same evaluation order as
 * {@link Interpreter}, so the same bits.
 */
final class KernelGen implements Opcodes {
  private static final String OPS = "dev/optlab/rules/Ops";
  private static final String D1 = "(D)D";
  private static final String D2 = "(DD)D";
  private static final String D3 = "(DDD)D";
  private static final String D4 = "(DDDD)D";
  /** The locals of run(arrays, offsets, slots). */
  private static final int ARRAYS = 1;
  private static final int OFFSETS = 2;
  private static final int SLOTS = 3;
  private static final int DIMS = 4;

  /** The locals of range(arrays, unused, slots, from, to). */
  private static final int FROM = 4;
  private static final int TO = 5;

  private final MethodVisitor mv;
  /**
   * Whether every array is read at the loop index itself ({@link FlatProgram}): no offsets, so
   * that C2 sees one index for every array and vectorizes the loop.
   */
  private final boolean flat;
  /** Whether this is the range method: its one pass runs over {@code [from, to)}. */
  private final boolean range;
  private int nextLocal;
  /** The next entry of {@code dims}, in {@link ProgramWalk#dims} order. */
  private int nextDim;
  /** Array index to the locals holding it and its offset. */
  private final Map<Integer, Integer> arrayLocal = new HashMap<>();
  private final Map<Integer, Integer> offsetLocal = new HashMap<>();
  /** Inside a pass: the loop index, its column count, registers and slots held in locals. */
  private int iLocal = -1;
  private int colsLocal = -1;
  private final Map<Integer, Integer> regLocal = new HashMap<>();
  private final Map<Integer, Integer> slotLocal = new HashMap<>();
  /**
   * Inside a pass: array to the local holding its element i (read at the start of the element,
   * or the value last stored), for arrays read and written only at i. A store then a load of
   * the same element become a local, and every array is read before any is written, so C2 need
   * not prove that two arrays at different offsets do not overlap to vectorize the loop.
   */
  private final Map<Integer, Integer> elemLocal = new HashMap<>();

  private KernelGen(MethodVisitor mv, boolean flat, boolean range) {
    this.mv = mv;
    this.flat = flat;
    this.range = range;
    this.nextLocal = range ? 6 : 5;
  }

  /**
   * The kernel of {@code instrs}; throws (an {@link UnsupportedOperationException} with the
   * reason, or ASM's exception for a method over 64 KB) when it cannot be generated. A {@code
   * flat} list ({@link FlatProgram}) reads every array at the loop index; if it is one pass, the
   * kernel also gets {@link Kernel#range}.
   */
  static Kernel generate(List<Instr> instrs, boolean flat) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    String name = "dev/optlab/rules/GeneratedKernel";
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object",
        new String[] {"dev/optlab/rules/Kernel"});
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    method(cw, "run", "([[D[I[D[I)V", instrs, flat, false);
    if (flat && instrs.size() == 1 && instrs.get(0) instanceof Instr.Pass) {
      method(cw, "range", "([[D[I[DII)V", instrs, true, true);
    }
    cw.visitEnd();
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(cw.toByteArray(),
          true);
      return (Kernel) lookup.findConstructor(lookup.lookupClass(),
          java.lang.invoke.MethodType.methodType(void.class)).invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static void method(ClassWriter cw, String name, String desc, List<Instr> instrs,
      boolean flat, boolean range) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, name, desc, null, null);
    mv.visitCode();
    KernelGen g = new KernelGen(mv, flat, range);
    g.loadArrays(instrs);
    g.instrs(instrs);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  // ---- arrays ------------------------------------------------------------------------------

  /** Every array the list reads or writes, into locals (P, G and EVAL are set before a run). */
  private void loadArrays(List<Instr> instrs) {
    TreeSet<Integer> used = new TreeSet<>();
    ProgramWalk.arrays(instrs, used);
    for (int a : used) {
      int arr = nextLocal++;
      int off = nextLocal++;
      mv.visitVarInsn(ALOAD, ARRAYS);
      iconst(a);
      mv.visitInsn(AALOAD);
      mv.visitVarInsn(ASTORE, arr);
      arrayLocal.put(a, arr);
      if (flat) {
        continue;
      }
      mv.visitVarInsn(ALOAD, OFFSETS);
      iconst(a);
      mv.visitInsn(IALOAD);
      mv.visitVarInsn(ISTORE, off);
      offsetLocal.put(a, off);
    }
  }

  // ---- instructions ------------------------------------------------------------------------

  private void instrs(List<Instr> instrs) {
    for (Instr in : instrs) {
      switch (in) {
        case Instr.SetSlot s -> {
          mv.visitVarInsn(ALOAD, SLOTS);
          iconst(s.slot());
          expr(s.expr());
          mv.visitInsn(DASTORE);
        }
        case Instr.Pass p -> pass(p);
        case Instr.MatMul m -> {
          array(m.a());
          offset(m.a());
          array(m.b());
          offset(m.b());
          array(m.out());
          dim();
          dim();
          dim();
          mv.visitMethodInsn(INVOKESTATIC, "dev/optlab/rules/Matrices", "matmul",
              "([DI[DI[DIII)V", false);
        }
        case Instr.Transpose t -> {
          array(t.a());
          offset(t.a());
          array(t.out());
          dim();
          dim();
          mv.visitMethodInsn(INVOKESTATIC, "dev/optlab/rules/Matrices", "transpose",
              "([DI[DII)V", false);
        }
        case Instr.If f -> {
          Label otherwise = new Label();
          Label end = new Label();
          jumpUnless(f.condition(), otherwise);
          instrs(f.then());
          mv.visitJumpInsn(GOTO, end);
          mv.visitLabel(otherwise);
          instrs(f.otherwise());
          mv.visitLabel(end);
        }
      }
    }
  }

  /**
   * One loop over the pass's elements. The slots it reads are loaded into locals first (a sum's
   * slot is written only after the loop, so a pass reading its own sum is refused); a scalar sum
   * accumulates in a local from zero, as the interpreter's slot does.
   */
  private void pass(Instr.Pass p) {
    int nLocal = nextLocal++;
    colsLocal = nextLocal++;
    if (range) { // up to `to`; a flat pass reads no row or column, so cols is never used
      mv.visitVarInsn(ILOAD, TO);
      mv.visitVarInsn(ISTORE, nLocal);
      mv.visitInsn(ICONST_1);
      mv.visitVarInsn(ISTORE, colsLocal);
    } else {
      dim();
      mv.visitVarInsn(ISTORE, nLocal);
      dim();
      mv.visitVarInsn(ISTORE, colsLocal);
    }
    TreeSet<Integer> read = new TreeSet<>();
    List<Node> exprs = new ArrayList<>();
    p.stores().forEach(s -> exprs.add(s.expr()));
    p.sums().forEach(s -> exprs.add(s.expr()));
    exprs.forEach(e -> ProgramWalk.slots(e, read));
    Map<Integer, Integer> sumLocal = new LinkedHashMap<>();
    for (Instr.Sum s : p.sums()) {
      if (s.array() < 0) {
        if (read.contains(s.slot()) || sumLocal.containsKey(s.slot())) {
          throw new UnsupportedOperationException("a pass reads the sum it makes");
        }
        int l = nextLocal;
        nextLocal += 2;
        mv.visitInsn(DCONST_0);
        mv.visitVarInsn(DSTORE, l);
        sumLocal.put(s.slot(), l);
      } else {
        array(s.array());
        offset(s.array());
        mv.visitInsn(DUP);
        if (s.index() == Node.Index.ROW) { // n / cols rows, else cols columns
          mv.visitVarInsn(ILOAD, nLocal);
          mv.visitVarInsn(ILOAD, colsLocal);
          mv.visitInsn(IDIV);
        } else {
          mv.visitVarInsn(ILOAD, colsLocal);
        }
        mv.visitInsn(IADD);
        mv.visitInsn(DCONST_0);
        mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([DIID)V", false);
      }
    }
    slotLocal.clear();
    for (int s : read) {
      int l = nextLocal;
      nextLocal += 2;
      mv.visitVarInsn(ALOAD, SLOTS);
      iconst(s);
      mv.visitInsn(DALOAD);
      mv.visitVarInsn(DSTORE, l);
      slotLocal.put(s, l);
    }
    regLocal.clear();
    for (Instr.Store st : p.stores()) {
      if (st.array() < 0 && !regLocal.containsKey(st.reg())) {
        int l = nextLocal;
        nextLocal += 2;
        mv.visitInsn(DCONST_0); // the verifier wants every local set before the loop reads it
        mv.visitVarInsn(DSTORE, l);
        regLocal.put(st.reg(), l);
      }
    }
    iLocal = nextLocal++;
    elemLocal.clear();
    for (int a : ProgramWalk.sameOnly(p)) {
      int l = nextLocal;
      nextLocal += 2;
      mv.visitInsn(DCONST_0);
      mv.visitVarInsn(DSTORE, l);
      elemLocal.put(a, l);
    }
    loop(p, nLocal, sumLocal);
    for (Map.Entry<Integer, Integer> e : sumLocal.entrySet()) {
      mv.visitVarInsn(ALOAD, SLOTS);
      iconst(e.getKey());
      mv.visitVarInsn(DLOAD, e.getValue());
      mv.visitInsn(DASTORE);
    }
    iLocal = -1;
    colsLocal = -1;
    elemLocal.clear();
    slotLocal.clear();
    regLocal.clear();
  }

  /** {@code for (i = 0; i < n; i++)}: the stores in order, then the sums. */
  private void loop(Instr.Pass p, int nLocal, Map<Integer, Integer> sumLocal) {
    if (range) {
      mv.visitVarInsn(ILOAD, FROM);
    } else {
      mv.visitInsn(ICONST_0);
    }
    mv.visitVarInsn(ISTORE, iLocal);
    Label test = new Label();
    Label body = new Label();
    mv.visitJumpInsn(GOTO, test);
    mv.visitLabel(body);
    for (int a : ProgramWalk.readFirst(p, elemLocal.keySet())) {
      array(a);
      elementIndex(a, Node.Index.SAME);
      mv.visitInsn(DALOAD);
      mv.visitVarInsn(DSTORE, elemLocal.get(a));
    }
    for (Instr.Store st : p.stores()) {
      if (st.array() < 0) {
        expr(st.expr());
        mv.visitVarInsn(DSTORE, regLocal.get(st.reg()));
      } else if (elemLocal.containsKey(st.array())) {
        array(st.array());
        elementIndex(st.array(), Node.Index.SAME);
        expr(st.expr());
        mv.visitInsn(DUP2);
        mv.visitVarInsn(DSTORE, elemLocal.get(st.array()));
        mv.visitInsn(DASTORE);
      } else {
        array(st.array());
        elementIndex(st.array(), Node.Index.SAME);
        expr(st.expr());
        mv.visitInsn(DASTORE);
      }
    }
    for (Instr.Sum s : p.sums()) {
      if (s.array() < 0) {
        int l = sumLocal.get(s.slot());
        mv.visitVarInsn(DLOAD, l);
        expr(s.expr());
        mv.visitInsn(DADD);
        mv.visitVarInsn(DSTORE, l);
      } else {
        array(s.array());
        elementIndex(s.array(), s.index());
        mv.visitInsn(DUP2);
        mv.visitInsn(DALOAD);
        expr(s.expr());
        mv.visitInsn(DADD);
        mv.visitInsn(DASTORE);
      }
    }
    mv.visitIincInsn(iLocal, 1);
    mv.visitLabel(test);
    mv.visitVarInsn(ILOAD, iLocal);
    mv.visitVarInsn(ILOAD, nLocal);
    mv.visitJumpInsn(IF_ICMPLT, body);
  }

  /** Jumps to {@code target} when {@code c} does not hold (NaN compares false, as in Java). */
  private void jumpUnless(Instr.Cond c, Label target) {
    switch (c) {
      case Instr.Join j when j.and() -> {
        jumpUnless(j.left(), target);
        jumpUnless(j.right(), target);
      }
      case Instr.Join j -> {
        Label holds = new Label();
        jumpIf(j.left(), holds);
        jumpUnless(j.right(), target);
        mv.visitLabel(holds);
      }
      case Instr.Compare k -> {
        compare(k);
        // dcmpg gives 1 for NaN, dcmpl -1: each chosen so that NaN takes the jump here.
        mv.visitJumpInsn(switch (k.op()) {
          case "<" -> IFGE;
          case "<=" -> IFGT;
          case ">" -> IFLE;
          case ">=" -> IFLT;
          case "==" -> IFNE;
          case "!=" -> IFEQ;
          default -> throw new IllegalArgumentException(k.op());
        }, target);
      }
    }
  }

  /** Jumps to {@code target} when {@code c} holds. */
  private void jumpIf(Instr.Cond c, Label target) {
    switch (c) {
      case Instr.Join j when j.and() -> {
        Label fails = new Label();
        jumpUnless(j.left(), fails);
        jumpIf(j.right(), target);
        mv.visitLabel(fails);
      }
      case Instr.Join j -> {
        jumpIf(j.left(), target);
        jumpIf(j.right(), target);
      }
      case Instr.Compare k -> {
        compare(k);
        // NaN must not jump: dcmpg (1) for < and <=, dcmpl (-1) for the others.
        mv.visitJumpInsn(switch (k.op()) {
          case "<" -> IFLT;
          case "<=" -> IFLE;
          case ">" -> IFGT;
          case ">=" -> IFGE;
          case "==" -> IFEQ;
          case "!=" -> IFNE;
          default -> throw new IllegalArgumentException(k.op());
        }, target);
      }
    }
  }

  /** Pushes the comparison's int: dcmpg for {@code <} and {@code <=}, else dcmpl. */
  private void compare(Instr.Compare k) {
    expr(k.a());
    expr(k.b());
    mv.visitInsn(k.op().startsWith("<") ? DCMPG : DCMPL);
  }

  // ---- expressions -------------------------------------------------------------------------

  private void expr(Node n) {
    switch (n) {
      case Node.Const c -> dconst(c.value());
      case Node.Slot s -> {
        Integer l = slotLocal.get(s.slot());
        if (l != null) {
          mv.visitVarInsn(DLOAD, l);
        } else {
          mv.visitVarInsn(ALOAD, SLOTS);
          iconst(s.slot());
          mv.visitInsn(DALOAD);
        }
      }
      case Node.Reg r -> {
        Integer l = regLocal.get(r.reg());
        if (l == null) {
          throw new UnsupportedOperationException("register " + r.reg() + " read outside the"
              + " pass that writes it");
        }
        mv.visitVarInsn(DLOAD, l);
      }
      case Node.Elem e when e.index() == Node.Index.SAME && elemLocal.containsKey(e.array()) ->
          mv.visitVarInsn(DLOAD, elemLocal.get(e.array()));
      case Node.Elem e -> {
        array(e.array());
        elementIndex(e.array(), e.index());
        mv.visitInsn(DALOAD);
      }
      case Node.Unary u -> {
        expr(u.a());
        switch (u.op()) {
          case NEG -> mv.visitInsn(DNEG);
          case SQRT -> call("java/lang/Math", "sqrt", D1);
          case RSQRT -> call(OPS, "rsqrt", D1);
          case ABS -> call("java/lang/Math", "abs", D1);
          case SIGN -> call(OPS, "sign", D1);
          case EXP -> call(OPS, "exp", D1);
          case LOG -> call(OPS, "log", D1);
          case SCALAR_EXP -> call(OPS, "scalarExp", D1);
          case SCALAR_LOG -> call(OPS, "scalarLog", D1);
          default -> throw new IllegalArgumentException("not unary: " + u.op());
        }
      }
      case Node.Binary b -> {
        expr(b.a());
        expr(b.b());
        switch (b.op()) {
          case ADD -> mv.visitInsn(DADD);
          case SUB -> mv.visitInsn(DSUB);
          case MUL -> mv.visitInsn(DMUL);
          case DIV -> mv.visitInsn(DDIV);
          case RDIV -> call(OPS, "rdiv", D2);
          case POW -> call(OPS, "pow", D2);
          case SCALAR_POW -> call(OPS, "scalarPow", D2);
          case MAX -> call(OPS, "max", D2);
          case MIN -> call(OPS, "min", D2);
          default -> throw new IllegalArgumentException("not binary: " + b.op());
        }
      }
      case Node.Ternary t -> {
        expr(t.a());
        expr(t.b());
        expr(t.c());
        switch (t.op()) {
          case ADD_ALPHA -> call(OPS, "addAlpha", D3);
          case LERP -> call(OPS, "lerp", D3);
          case CLAMP -> call(OPS, "clamp", D3);
          case ADDCMUL, ADDCDIV -> {
            if (t.d() == null) {
              dconst(0);
            } else {
              expr(t.d());
            }
            call(OPS, t.op() == Node.Op.ADDCMUL ? "addcmul" : "addcdiv", D4);
          }
          default -> throw new IllegalArgumentException("not ternary: " + t.op());
        }
      }
    }
  }

  /**
   * Pushes {@code off + i} (or {@code i / cols}, {@code i % cols}); outside a pass i is 0 and
   * cols 1, as the interpreter evaluates scalars.
   */
  private void elementIndex(int a, Node.Index index) {
    if (flat && iLocal >= 0 && index == Node.Index.SAME) {
      mv.visitVarInsn(ILOAD, iLocal);
      return;
    }
    offset(a);
    if (iLocal < 0) {
      return;
    }
    mv.visitVarInsn(ILOAD, iLocal);
    if (index != Node.Index.SAME) {
      mv.visitVarInsn(ILOAD, colsLocal);
      mv.visitInsn(index == Node.Index.ROW ? IDIV : IREM);
    }
    mv.visitInsn(IADD);
  }

  /** Pushes the next size from {@code dims} ({@link Walk#dims} lists them in this order). */
  private void dim() {
    mv.visitVarInsn(ALOAD, DIMS);
    iconst(nextDim++);
    mv.visitInsn(IALOAD);
  }

  private void array(int a) {
    mv.visitVarInsn(ALOAD, arrayLocal.get(a));
  }

  private void offset(int a) {
    if (flat) { // a flat program's arrays all start at 0
      mv.visitInsn(ICONST_0);
      return;
    }
    mv.visitVarInsn(ILOAD, offsetLocal.get(a));
  }

  private void call(String owner, String name, String desc) {
    mv.visitMethodInsn(INVOKESTATIC, owner, name, desc, false);
  }

  private void iconst(int v) {
    mv.visitLdcInsn(v);
  }

  private void dconst(double v) {
    if (Double.doubleToRawLongBits(v) == 0L) {
      mv.visitInsn(DCONST_0);
    } else if (v == 1.0) {
      mv.visitInsn(DCONST_1);
    } else {
      mv.visitLdcInsn(v);
    }
  }
}

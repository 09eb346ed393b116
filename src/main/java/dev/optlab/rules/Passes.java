package dev.optlab.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups a rule's element-wise statements into fused passes while it is compiled. Consecutive
 * stores over the same elements share one loop; a reduction, a matrix product, a condition or a
 * change of shape ends the loop. A local tensor lives in a register of the loop that computes it;
 * read from a later loop it must live in an array: then {@link Spill} restarts the compilation
 * with that local kept in memory. Scalar statements run before the loop they precede (they read
 * no element), unless the loop already reads the slot they write.
 */
final class Passes {
  /** Thrown when a local held in a register is read outside its pass. */
  static final class Spill extends RuntimeException {
    final String local;

    Spill(String local) {
      super(local, null, false, false);
      this.local = local;
    }
  }

  private List<Instr> out;
  private final List<Instr> scalars = new ArrayList<>();
  private int[] domain;
  private List<Instr.Store> stores = new ArrayList<>();
  private List<Instr.Sum> sums = new ArrayList<>();
  private final Set<Integer> slotsRead = new HashSet<>();
  /** The pass each register was written in, and the local it holds. */
  private final Map<Integer, Integer> regPass;
  private final Map<Integer, String> regOwner;
  private int pass;

  Passes(List<Instr> out, Map<Integer, Integer> regPass, Map<Integer, String> regOwner) {
    this.out = out;
    this.regPass = regPass;
    this.regOwner = regOwner;
  }

  int passId() {
    return pass;
  }

  /** Directs the following instructions to {@code target} (a branch); returns the old target. */
  List<Instr> redirect(List<Instr> target) {
    flush();
    List<Instr> old = out;
    out = target;
    return old;
  }

  /** Ends the current pass: its hoisted scalar steps, then the loop. */
  void flush() {
    out.addAll(scalars);
    scalars.clear();
    if (!stores.isEmpty() || !sums.isEmpty()) {
      int n = 1;
      for (int d : domain) {
        n *= d;
      }
      int cols = domain.length == 0 ? 1 : domain[domain.length - 1];
      out.add(new Instr.Pass(n, cols, stores, sums));
    }
    stores = new ArrayList<>();
    sums = new ArrayList<>();
    slotsRead.clear();
    domain = null;
    pass++;
  }

  /** Emits a non-pass instruction (a product, a transpose, a branch) after what is pending. */
  void emit(Instr in) {
    flush();
    out.add(in);
  }

  /** {@code slots[slot] = expr} before the current pass, or after it if the pass reads the slot. */
  void setSlot(int slot, Node expr) {
    if (slotsRead.contains(slot)) {
      flush();
    }
    scalars.add(new Instr.SetSlot(slot, expr));
  }

  /** Adds a store of {@code value}'s element over {@code dims} to the pass over those elements. */
  void store(int array, int reg, Node value, int[] dims) {
    Node n = enter(value, dims);
    stores.add(new Instr.Store(array, reg, n));
    if (array < 0) {
      regPass.put(reg, pass);
    }
  }

  /** Adds a sum of {@code value}'s elements over {@code dims}, then ends the pass. */
  void sum(int slot, int array, Node.Index index, Node value, int[] dims) {
    Node n = enter(value, dims);
    sums.add(new Instr.Sum(slot, array, index, n));
    flush();
  }

  /** Makes {@code dims} the current pass's domain and checks the registers {@code value} reads. */
  private Node enter(Node value, int[] dims) {
    if (domain != null && !Arrays.equals(domain, dims)) {
      checkRegisters(value, pass + 1);
      flush();
    }
    checkRegisters(value, pass);
    domain = dims;
    Node hoisted = hoist(value);
    collectSlots(hoisted);
    return hoisted;
  }

  private void checkRegisters(Node n, int current) {
    switch (n) {
      case Node.Reg r -> {
        Integer written = regPass.get(r.reg());
        if (written == null || written != current) {
          throw new Spill(regOwner.get(r.reg()));
        }
      }
      case Node.Unary u -> checkRegisters(u.a(), current);
      case Node.Binary b -> {
        checkRegisters(b.a(), current);
        checkRegisters(b.b(), current);
      }
      case Node.Ternary t -> {
        checkRegisters(t.a(), current);
        checkRegisters(t.b(), current);
        checkRegisters(t.c(), current);
        if (t.d() != null) {
          checkRegisters(t.d(), current);
        }
      }
      default -> { }
    }
  }

  /** Replaces each scalar subexpression (not a constant or a slot) by a slot computed before. */
  private Node hoist(Node n) {
    if (!Node.perElement(n)) {
      if (n instanceof Node.Const || n instanceof Node.Slot) {
        return n;
      }
      int slot = slotAllocator.getAsInt();
      scalars.add(new Instr.SetSlot(slot, n));
      return new Node.Slot(slot);
    }
    return switch (n) {
      case Node.Unary u -> new Node.Unary(u.op(), hoist(u.a()));
      case Node.Binary b -> new Node.Binary(b.op(), hoist(b.a()), hoist(b.b()));
      case Node.Ternary t -> new Node.Ternary(t.op(), hoist(t.a()), hoist(t.b()), hoist(t.c()),
          t.d() == null ? null : hoist(t.d()));
      default -> n;
    };
  }

  private java.util.function.IntSupplier slotAllocator;

  void slots(java.util.function.IntSupplier allocator) {
    this.slotAllocator = allocator;
  }

  private void collectSlots(Node n) {
    switch (n) {
      case Node.Slot s -> slotsRead.add(s.slot());
      case Node.Unary u -> collectSlots(u.a());
      case Node.Binary b -> {
        collectSlots(b.a());
        collectSlots(b.b());
      }
      case Node.Ternary t -> {
        collectSlots(t.a());
        collectSlots(t.b());
        collectSlots(t.c());
        if (t.d() != null) {
          collectSlots(t.d());
        }
      }
      default -> { }
    }
  }
}

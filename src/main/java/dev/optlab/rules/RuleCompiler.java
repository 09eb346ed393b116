package dev.optlab.rules;

import dev.optlab.ast.Expr;
import dev.optlab.ast.RuleLine;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.ParamLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a rule's body for one parameter tensor ({@link TensorProgram}), or its {@code once}
 * block alone. The checker has already made sure every name is known and assignable; what can
 * still fail here depends on the shape ({@link RuleError}). Conditions and repeat counts that
 * depend only on hyperparameters and shapes are decided here; {@code repeat} is unrolled.
 */
final class RuleCompiler {
  /**
   * The most rounds of a {@code repeat}: its body is unrolled, so a count in the millions would
   * make a program of millions of instructions (Muon's Newton-Schulz loop takes 5).
   */
  static final int MAX_REPEAT = 1000;

  /** What a name stands for while compiling. */
  sealed interface Binding {}

  /** A hyperparameter's value: a number, a boolean or a tuple of numbers. */
  record Hyper(Object value) implements Binding {}

  /** A scalar in a slot ({@code t}, {@code lr}, shared, scalar states, scalar locals). */
  record Scalar(int slot) implements Binding {}

  /** A tensor in an array of the program (p, g, states, spilled locals). */
  record InArray(int array, int[] dims, Node.Index tag) implements Binding {}

  /** A row or column state of a parameter that is not 2-D: there is none. */
  record Absent(String what) implements Binding {}

  /** A local tensor in a register of the pass that computed it. */
  record InRegister(int reg, int[] dims, Node.Index tag) implements Binding {}

  final RuleDef rule;
  final HyperValues values;
  final ParamLayout.Tensor tensor;
  final Set<String> spilled = new HashSet<>();

  Map<String, Binding> env;
  final List<TensorProgram.ArrayDecl> arrays = new ArrayList<>();
  final List<TensorProgram.ScalarState> scalarStates = new ArrayList<>();
  final Map<String, Integer> scalarHomes = new HashMap<>();
  final Map<String, Integer> arrayHomes = new HashMap<>();
  final Map<Integer, Integer> regPass = new HashMap<>();
  final Map<Integer, String> regOwner = new HashMap<>();
  int slots;
  int registers;
  int sharedCount;
  Passes passes;
  private final RuleExprs exprs = new RuleExprs(this);

  /** The body's state and shared names, looked up at every assignment. */
  private final Set<String> states;
  private final Set<String> shared = new HashSet<>();

  RuleCompiler(RuleDef rule, HyperValues values, ParamLayout.Tensor tensor) {
    this.rule = rule;
    this.values = values;
    this.tensor = tensor;
    this.states = RuleLine.stateNames(rule.body());
    for (RuleLine l : rule.body()) {
      if (l instanceof RuleLine.Shared s) {
        shared.add(s.name().name());
      }
    }
  }

  TensorProgram compile() {
    for (int tries = 0; ; tries++) {
      try {
        return attempt(false);
      } catch (Passes.Spill s) {
        if (!spilled.add(s.local) || tries > 1000) {
          throw new IllegalStateException("cannot place local " + s.local);
        }
      }
    }
  }

  TensorProgram compileOnce() {
    return attempt(true);
  }

  private TensorProgram attempt(boolean once) {
    env = new LinkedHashMap<>();
    arrays.clear();
    scalarStates.clear();
    scalarHomes.clear();
    arrayHomes.clear();
    regPass.clear();
    regOwner.clear();
    registers = 0;
    env.put("t", new Scalar(TensorProgram.T_SLOT));
    env.put("lr", new Scalar(TensorProgram.LR_SLOT));
    // the lr given to the optimizer, before any schedule (PyTorch's group['initial_lr'])
    env.put("lr0", new Hyper(values.raw(rule.params().stream()
        .filter(h -> h.name().equals("lr")).findFirst().orElseThrow())));
    for (HyperParam h : rule.params()) {
      if (!h.name().equals("lr")) {
        env.put(h.name(), new Hyper(values.raw(h)));
      }
    }
    slots = TensorProgram.FIRST_SHARED;
    for (RuleLine l : rule.body()) {
      if (l instanceof RuleLine.Shared s) {
        env.put(s.name().name(), new Scalar(slots++));
      }
    }
    sharedCount = slots - TensorProgram.FIRST_SHARED;
    List<Instr> body = new ArrayList<>();
    List<Instr> eval = new ArrayList<>();
    passes = new Passes(body, regPass, regOwner);
    passes.slots(() -> slots++);
    if (once) {
      for (RuleLine l : rule.body()) {
        if (l instanceof RuleLine.Shared s) {
          scalarStates.add(new TensorProgram.ScalarState(s.name().name(),
              ((Scalar) env.get(s.name().name())).slot(), exprs.constant(s.init(),
                  "a shared scalar's start")));
        }
      }
      for (RuleLine l : rule.body()) {
        if (l instanceof RuleLine.Once o) {
          lines(o.body(), true);
        }
      }
      passes.flush();
      return program(body, eval);
    }
    int[] dims = tensor.dims();
    env.put("p", new InArray(TensorProgram.P, dims, Node.Index.SAME));
    env.put("g", new InArray(TensorProgram.G, dims, Node.Index.SAME));
    lines(rule.body(), false);
    passes.flush();
    RuleLine.Eval ev = (RuleLine.Eval) rule.body().stream()
        .filter(l -> l instanceof RuleLine.Eval).findFirst().orElse(null);
    if (ev != null) {
      passes.redirect(eval);
      Val v = exprs.expr(ev.value());
      requireShape(v, dims, ev.value(), "eval");
      passes.store(TensorProgram.EVAL, -1, broadcast(v, dims), dims);
      passes.flush();
    }
    return program(body, eval);
  }

  private TensorProgram program(List<Instr> body, List<Instr> eval) {
    return new TensorProgram(body, eval, arrays, scalarStates, sharedCount, slots, registers);
  }

  private void lines(List<RuleLine> lines, boolean once) {
    for (RuleLine l : lines) {
      line(l, once);
    }
  }

  private void line(RuleLine l, boolean once) {
    switch (l) {
      case RuleLine.State s -> state(s);
      case RuleLine.Shared s -> { } // a slot bound above; its start is set by CompiledRule
      case RuleLine.Once o -> { } // compiled on its own
      case RuleLine.Eval e -> { } // compiled after the body
      case RuleLine.Assign a -> assign(a);
      case RuleLine.Repeat r -> {
        double count = exprs.constant(r.count(), "the count of repeat");
        if (!(count >= 0 && count <= MAX_REPEAT && count == Math.rint(count))) {
          // about the rule, whatever the parameter: not worded as a shape error
          throw new RuleError("rule " + rule.name() + ", line " + rule.source().line(
              r.count().span().start()) + ": the count of repeat, " + rule.source().text(
              r.count().span()) + ", must be a whole number from 0 to " + MAX_REPEAT + " (repeat"
              + " is unrolled when the rule is compiled), got " + (count == Math.rint(count)
              && Math.abs(count) < 1e15 ? Long.toString((long) count)
              : dev.optlab.trace.Numbers.repr(count)));
        }
        int n = (int) count;
        for (int i = 0; i < n; i++) {
          lines(r.body(), once);
        }
      }
      case RuleLine.If f -> branch(f, once);
    }
  }

  private void branch(RuleLine.If f, boolean once) {
    Instr.Cond c = exprs.condition(f.condition());
    Boolean fixed = RuleExprs.fixed(c);
    if (fixed != null) {
      lines(fixed ? f.then() : f.otherwise(), once);
      return;
    }
    List<Instr> then = new ArrayList<>();
    List<Instr> otherwise = new ArrayList<>();
    List<Instr> outer = passes.redirect(then);
    lines(f.then(), once);
    passes.redirect(otherwise);
    lines(f.otherwise(), once);
    passes.redirect(outer);
    passes.emit(new Instr.If(c, then, otherwise));
  }

  private void state(RuleLine.State s) {
    String name = s.name().name();
    int[] dims = tensor.dims();
    Expr init = s.init();
    if (init instanceof Expr.Name n && n.name().equals("p")) {
      env.put(name, new InArray(newArray(name, Val.shape(dims), size(dims), true, 0), dims,
          Node.Index.SAME));
    } else if (init instanceof Expr.Call c && c.name().equals("zeros")) {
      boolean rows = ((Expr.Name) c.args().get(0).value()).name().equals("rows");
      if (dims.length != 2) {
        // a factored state of a rule that also updates vectors (Adafactor): never made here,
        // and an error only where this tensor's code would use it
        env.put(name, new Absent(rows ? "row" : "column"));
        return;
      }
      int len = rows ? dims[0] : dims[1];
      env.put(name, new InArray(newArray(name, "[" + len + "]", len, false, 0), new int[] {len},
          rows ? Node.Index.ROW : Node.Index.COL));
    } else if (init instanceof Expr.Call c && c.name().equals("scalar")) {
      int slot = slots++;
      scalarStates.add(new TensorProgram.ScalarState(name, slot,
          exprs.constant(c.args().get(0).value(), "a state's start")));
      env.put(name, new Scalar(slot));
    } else {
      double fill = exprs.constant(init, "a state's start");
      env.put(name, new InArray(newArray(name, Val.shape(dims), size(dims), false, fill), dims,
          Node.Index.SAME));
    }
  }

  private void assign(RuleLine.Assign a) {
    String name = a.target().name();
    Val v = exprs.expr(a.value());
    Binding b = env.get(name);
    if (b instanceof Absent x) {
      throw error(a.target().span(), name + " is a " + x.what() + " statistic, which only a 2-D "
          + "parameter has (put its use under if ndim(p) == 2)");
    }
    boolean local = b == null || (!name.equals("p") && !states.contains(name)
        && !shared.contains(name));
    if (!local && b instanceof InArray arr) {
      requireShape(v, arr.dims(), a.value(), name);
      passes.store(arr.array(), -1, broadcastTo(v, arr.dims(), arr.tag()), arr.dims());
      return;
    }
    if (!local && b instanceof Scalar s) {
      if (!v.isScalar()) {
        throw error(a.value(), "is a tensor " + Val.shape(v.dims()) + "; " + name
            + " holds a number");
      }
      passes.setSlot(s.slot(), v.node());
      return;
    }
    if (v.isScalar()) {
      int slot = scalarHomes.computeIfAbsent(name, k -> slots++);
      passes.setSlot(slot, v.node());
      env.put(name, new Scalar(slot));
    } else if (spilled.contains(name)) {
      int size = v.numel();
      Integer home = arrayHomes.get(name);
      if (home == null || arrays.get(home - TensorProgram.FIRST_OWN).size() != size) {
        home = newArray(null, Val.shape(v.dims()), size, false, 0);
        arrayHomes.put(name, home);
      }
      passes.store(home, -1, v.node(), v.dims());
      env.put(name, new InArray(home, v.dims(), v.tag()));
    } else {
      int reg = registers++;
      regOwner.put(reg, name);
      passes.store(-1, reg, v.node(), v.dims());
      env.put(name, new InRegister(reg, v.dims(), v.tag()));
    }
  }


  int newArray(String name, String shape, int size, boolean copyOfP, double fill) {
    arrays.add(new TensorProgram.ArrayDecl(name, shape, size, copyOfP, fill));
    return TensorProgram.FIRST_OWN + arrays.size() - 1;
  }

  int newSlot() {
    return slots++;
  }

  static int size(int[] dims) {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** {@code v} as an element of a tensor of {@code dims} (a number is the same everywhere). */
  Node broadcast(Val v, int[] dims) {
    return broadcastTo(v, dims, Node.Index.SAME);
  }

  private Node broadcastTo(Val v, int[] dims, Node.Index targetTag) {
    if (v.isScalar() || java.util.Arrays.equals(v.dims(), dims)) {
      return v.node();
    }
    return exprs.reindex(v.node(), v.tag());
  }

  void requireShape(Val v, int[] dims, Expr at, String target) {
    if (v.isScalar() || java.util.Arrays.equals(v.dims(), dims)) {
      return;
    }
    throw error(at, "has shape " + Val.shape(v.dims()) + ", and " + target + " has "
        + Val.shape(dims));
  }

  RuleError error(Expr at, String what) {
    return error(at.span(), rule.source().text(at.span()) + " " + what);
  }

  RuleError error(dev.optlab.source.Span span, String what) {
    // Shape errors surface at the run statement, far from the rule: say which rule, which
    // parameter (with its shape) and which line of the rule, so the user can find all three.
    String line = "line " + rule.source().line(span.start()) + ", " + what;
    return new RuleError(tensor == null ? "rule " + rule.name() + ", " + line
        : "rule " + rule.name() + " cannot update parameter " + tensor.describe() + ": " + line);
  }
}

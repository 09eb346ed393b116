package dev.optlab.diff;

import dev.optlab.ops.Sleef;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a program as the lowering creates PyTorch's autograd nodes, one per op application, in
 * the order Python would create them. Two things are kept apart:
 *
 * <ul>
 *   <li><b>registers</b>, the forward values, are hash-consed: an op applied to the same registers
 *       and constant gives the same register, so {@code (y - x^2)} written twice is computed once
 *       (pure ops give the same bits however often they run);
 *   <li><b>nodes</b>, the autograd graph, are not: each occurrence keeps its own node and its own
 *       gradient, exactly as PyTorch's graph of the written formula has, because merging them
 *       would sum the gradients before the backward formula instead of after it, which rounds
 *       differently.
 * </ul>
 *
 * {@link #build} then drops nodes that do not reach the result (PyTorch never runs them), orders
 * the reverse sweep by descending creation (PyTorch's engine runs ready nodes by descending
 * sequence number, so gradients reaching a shared node are summed in that order), and lays out
 * the flat arrays of a {@link CompiledFunction}.
 */
final class TapeBuilder {
  private static final int VAR = 0;
  private static final int CONST = 1;
  private static final int OP = 2;

  private final List<String> variables;

  // Registers.
  private int[] regKind = new int[64];
  private int[] regOp = new int[64];
  private int[] regA = new int[64];
  private int[] regB = new int[64];
  private double[] regC = new double[64];
  private int regCount;
  private final Map<Key, Integer> cse = new HashMap<>();

  // Autograd nodes; the first variables.size() are the variables (PyTorch's leaves).
  private int[] nodeKind = new int[64];
  private int[] nodeReg = new int[64];
  private int[] nodeOp = new int[64];
  private int[] nodeIn0 = new int[64];
  private int[] nodeIn1 = new int[64];
  private double[] nodeC = new double[64];
  private int nodeCount;
  private int opNodes;

  private record Key(int op, int a, int b, long c) {}

  TapeBuilder(List<String> variables) {
    this.variables = List.copyOf(variables);
    for (int i = 0; i < variables.size(); i++) {
      int r = newReg(VAR, -1, -1, -1, 0);
      newNode(VAR, r, -1, -1, -1, 0);
    }
  }

  /** The node of variable {@code i}. */
  int variable(int i) {
    return i;
  }

  /** Autograd nodes created so far (the size of the reverse sweep before dead ones go). */
  int opNodes() {
    return opNodes;
  }

  /** A node holding a constant operand of min/max; it takes no gradient. */
  int constant(double c) {
    Key key = new Key(-1, -1, -1, Double.doubleToRawLongBits(c));
    Integer r = cse.get(key);
    if (r == null) {
      r = newReg(CONST, -1, -1, -1, c);
      cse.put(key, r);
    }
    return newNode(CONST, r, -1, -1, -1, c);
  }

  /**
   * A new autograd node {@code op} over nodes {@code in0} and {@code in1} (-1 for none) and the
   * constant {@code c}.
   */
  int op(int op, int in0, int in1, double c) {
    int a = nodeReg[in0];
    int b = in1 < 0 ? -1 : nodeReg[in1];
    double key = Op.withConstant(op) ? c : 0.0;
    Key k = new Key(op, a, b, Double.doubleToRawLongBits(key));
    Integer r = cse.get(k);
    if (r == null) {
      r = newReg(OP, op, a, b, key);
      cse.put(k, r);
    }
    opNodes++;
    return newNode(OP, r, op, in0, in1, key);
  }

  private int newReg(int kind, int op, int a, int b, double c) {
    if (regCount == regKind.length) {
      int n = regCount * 2;
      regKind = Arrays.copyOf(regKind, n);
      regOp = Arrays.copyOf(regOp, n);
      regA = Arrays.copyOf(regA, n);
      regB = Arrays.copyOf(regB, n);
      regC = Arrays.copyOf(regC, n);
    }
    regKind[regCount] = kind;
    regOp[regCount] = op;
    regA[regCount] = a;
    regB[regCount] = b;
    regC[regCount] = c;
    return regCount++;
  }

  private int newNode(int kind, int reg, int op, int in0, int in1, double c) {
    if (nodeCount == nodeKind.length) {
      int n = nodeCount * 2;
      nodeKind = Arrays.copyOf(nodeKind, n);
      nodeReg = Arrays.copyOf(nodeReg, n);
      nodeOp = Arrays.copyOf(nodeOp, n);
      nodeIn0 = Arrays.copyOf(nodeIn0, n);
      nodeIn1 = Arrays.copyOf(nodeIn1, n);
      nodeC = Arrays.copyOf(nodeC, n);
    }
    nodeKind[nodeCount] = kind;
    nodeReg[nodeCount] = reg;
    nodeOp[nodeCount] = op;
    nodeIn0[nodeCount] = in0;
    nodeIn1[nodeCount] = in1;
    nodeC[nodeCount] = c;
    return nodeCount++;
  }

  /** The program of a constant: no ops, a zero gradient. */
  CompiledFunction buildConstant(double value) {
    int nv = variables.size();
    double[] adjInit = new double[nv + 1];
    return new CompiledFunction(new Program(variables, new int[0], new int[0], new int[0],
        new double[0], new double[nv], nv, new int[0], new int[0], new int[0], new int[0],
        new double[0], new double[0], new int[0], new int[0], adjInit, -1, -1, value));
  }

  /** The program computing node {@code root} and its gradient. */
  CompiledFunction build(int root) {
    int nv = variables.size();
    boolean[] live = new boolean[nodeCount];
    live[root] = true;
    for (int n = nodeCount - 1; n >= 0; n--) {
      if (live[n] && nodeKind[n] == OP) {
        live[nodeIn0[n]] = true;
        if (nodeIn1[n] >= 0) {
          live[nodeIn1[n]] = true;
        }
      }
    }
    boolean[] liveReg = new boolean[regCount];
    for (int n = 0; n < nodeCount; n++) {
      if (live[n]) {
        liveReg[nodeReg[n]] = true;
      }
    }
    // Registers: variables, then constants, then ops in creation (so topological) order.
    int[] newReg = new int[regCount];
    Arrays.fill(newReg, -1);
    int next = 0;
    for (int r = 0; r < regCount; r++) {
      if (regKind[r] == VAR) {
        newReg[r] = next++;
      }
    }
    for (int r = 0; r < regCount; r++) {
      if (regKind[r] == CONST && liveReg[r]) {
        newReg[r] = next++;
      }
    }
    int base = next;
    for (int r = 0; r < regCount; r++) {
      if (regKind[r] == OP && liveReg[r]) {
        newReg[r] = next++;
      }
    }
    int registers = next;
    int nf = registers - base;
    double[] regInit = new double[registers];
    int[] fop = new int[nf];
    int[] fa = new int[nf];
    int[] fb = new int[nf];
    double[] fc = new double[nf];
    for (int r = 0; r < regCount; r++) {
      int nr = newReg[r];
      if (nr < 0) {
        continue;
      }
      if (regKind[r] == CONST) {
        regInit[nr] = regC[r];
      } else if (regKind[r] == OP) {
        int i = nr - base;
        fop[i] = regOp[r];
        fa[i] = newReg[regA[r]];
        fb[i] = regB[r] < 0 ? 0 : newReg[regB[r]];
        fc[i] = regC[r];
      }
    }
    // Gradient slots: variables, then live op nodes in creation order, then a trash slot that
    // takes what constants would receive.
    int[] slot = new int[nodeCount];
    int nb = 0;
    for (int n = 0; n < nodeCount; n++) {
      if (live[n] && nodeKind[n] == OP) {
        slot[n] = nv + nb++;
      }
    }
    int trash = nv + nb;
    for (int n = 0; n < nodeCount; n++) {
      if (nodeKind[n] == VAR) {
        slot[n] = n;
      } else if (nodeKind[n] == CONST) {
        slot[n] = trash;
      }
    }
    int[] bop = new int[nb];
    int[] ba = new int[nb];
    int[] bb = new int[nb];
    int[] br = new int[nb];
    double[] bc = new double[nb];
    double[] baux = new double[nb];
    int[] ta = new int[nb];
    int[] tb = new int[nb];
    boolean[] reached = new boolean[nv];
    for (int n = 0, k = 0; n < nodeCount; n++) {
      if (!live[n] || nodeKind[n] != OP) {
        continue;
      }
      int op = nodeOp[n];
      bop[k] = op;
      ba[k] = newReg[nodeReg[nodeIn0[n]]];
      bb[k] = nodeIn1[n] < 0 ? 0 : newReg[nodeReg[nodeIn1[n]]];
      br[k] = newReg[nodeReg[n]];
      bc[k] = nodeC[n];
      // PyTorch takes log of the base tensor that Python's __rpow__ builds.
      baux[k] = op == Op.RPOW_C ? Sleef.log(nodeC[n]) : 0.0;
      ta[k] = slot[nodeIn0[n]];
      tb[k] = nodeIn1[n] < 0 ? trash : slot[nodeIn1[n]];
      for (int in : new int[] {nodeIn0[n], nodeIn1[n]}) {
        if (in >= 0 && nodeKind[in] == VAR) {
          reached[in] = true;
        }
      }
      k++;
    }
    // Every slot starts at -0.0, the identity of +, so "old + new" needs no first-write case.
    // A variable that nothing reaches has PyTorch grad None; it reads as 0 here.
    double[] adjInit = new double[nv + nb + 1];
    Arrays.fill(adjInit, -0.0);
    for (int i = 0; i < nv; i++) {
      if (!reached[i]) {
        adjInit[i] = 0.0;
      }
    }
    adjInit[slot[root]] = 1.0;
    return new CompiledFunction(new Program(variables, fop, fa, fb, fc, regInit, base, bop, ba,
        bb, br, bc, baux, ta, tb, adjInit, newReg[nodeReg[root]], slot[root], 0.0));
  }
}

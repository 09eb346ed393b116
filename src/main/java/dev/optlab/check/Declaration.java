package dev.optlab.check;

import dev.optlab.ast.Stmt;
import dev.optlab.data.Dataset;
import dev.optlab.diff.CompiledFunction;
import dev.optlab.plan.OptimizerConfig;
import dev.optlab.plan.Points;
import dev.optlab.schedule.ScheduleSpec;
import dev.optlab.trace.Numbers;
import java.util.List;

/**
 * What a declared name means in a session. A declaration is immutable and captures the values of
 * the names it used when it was declared (early binding): redeclaring {@code let a} later does
 * not change an objective that used {@code a}.
 */
public sealed interface Declaration {
  String name();

  /** What sort of name it declares. */
  Kind kind();

  /** The sorts of declared names, each with how messages and completion say it. */
  enum Kind {
    CONSTANT("constant"), FUNCTION("function"), OBJECTIVE("objective"), DATA("data set"),
    OPTIMIZER("optimizer"), SCHEDULE("schedule"), RULE("rule");

    private final String text;

    Kind(String text) {
      this.text = text;
    }

    /** "an objective", "a schedule". */
    public String withArticle() {
      return (text.startsWith("o") ? "an " : "a ") + text;
    }

    /** "objectives": the heading of a completion group. */
    public String plural() {
      return text + "s";
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** How the REPL echoes it and {@code :show} prints it. */
  String describe();

  /** {@code let NAME = EXPR}. */
  /** A user-defined update rule; calling it makes an optimizer, as a built-in's name does. */
  record Rule(dev.optlab.rules.RuleDef def) implements Declaration {
    public String name() {
      return def.name();
    }

    public Kind kind() {
      return Kind.RULE;
    }

    public String describe() {
      return def.text();
    }
  }

  record Constant(String name, double value) implements Declaration {
    public Kind kind() {
      return Kind.CONSTANT;
    }

    public String describe() {
      return "let " + name + " = " + Numbers.repr(value);
    }
  }

  /** {@code def NAME(a, b) = EXPR}, inlined where it is called. */
  record Function(Stmt.Def def, String text) implements Declaration {
    public String name() {
      return def.name().name();
    }

    public Kind kind() {
      return Kind.FUNCTION;
    }

    public String describe() {
      return text;
    }
  }

  /** {@code objective NAME(p = v, ...) = EXPR}, compiled for value and gradient. */
  record Objective(String name, List<String> params, double[] start, CompiledFunction function,
      Stmt.Def asFunction, String text) implements Declaration {
    public Kind kind() {
      return Kind.OBJECTIVE;
    }

    public String describe() {
      return text;
    }

    /** {@code (x = -1.5, y = 2)}. */
    public String startText() {
      return Points.format(params, start);
    }
  }

  /** {@code data NAME = csv(...)} or a generator (docs/tensors.md). */
  record Data(String name, Dataset dataset, String text) implements Declaration {
    public Kind kind() {
      return Kind.DATA;
    }

    public String describe() {
      return text + "  # " + dataset.describe();
    }
  }

  /**
   * An objective of tensor parameters or data (docs/tensors.md), compiled and shape-checked;
   * trained with {@code run ... batch B for N epochs}.
   */
  record Model(String name, dev.optlab.tensor.Model model, String text) implements Declaration {
    public Kind kind() {
      return Kind.OBJECTIVE;
    }

    public String describe() {
      return text;
    }
  }

  /** {@code optimizer NAME = ...}. */
  record Optimizer(String name, OptimizerConfig config) implements Declaration {
    public Kind kind() {
      return Kind.OPTIMIZER;
    }

    public String describe() {
      return "optimizer " + name + " = " + config.describe();
    }
  }

  /** {@code schedule NAME = ...} or {@code schedule NAME(t) = EXPR}. */
  record Schedule(String name, ScheduleSpec spec, String text) implements Declaration {
    public Kind kind() {
      return Kind.SCHEDULE;
    }

    public String describe() {
      return text;
    }
  }
}

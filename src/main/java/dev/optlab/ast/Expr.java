package dev.optlab.ast;

import dev.optlab.source.Span;
import java.util.List;

/** Expressions (LANGUAGE.md section 4). Every node carries the span of its text. */
public sealed interface Expr {
  Span span();

  /** A number literal. */
  record Num(double value, Span span) implements Expr {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value, Span span) implements Expr {}

  /** A double-quoted string, escapes resolved. */
  record Str(String value, Span span) implements Expr {}

  /** A name: a parameter, a {@code let} constant, {@code pi}, {@code e}, a declared schedule... */
  record Name(String name, Span span) implements Expr {}

  /** {@code iris.x}: a field of a declared data set (docs/tensors.md). */
  record Field(String target, String field, Span span) implements Expr {}

  /** {@code betas[0]}: an element of a tuple, inside a rule. */
  record Index(String target, Expr index, Span span) implements Expr {}

  /** {@code -x} or {@code +x}. */
  record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}

  /** {@code a + b} and the other arithmetic operators. */
  record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}

  /**
   * A call: a built-in function ({@code sqrt(x)}), a {@code def}, {@code grad(f, (1, 2))}, or a
   * schedule constructor with named arguments ({@code cosine(T_max = 100)}).
   */
  record Call(String name, Span nameSpan, List<Arg> args, Span span) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code (0.9, 0.999)} or a point {@code (x = 1, y = 2)}; elements may be named. */
  record Tuple(List<Arg> items, Span span) implements Expr {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** {@code [30, 80]}. */
  record ListLit(List<Expr> items, Span span) implements Expr {
    public ListLit {
      items = List.copyOf(items);
    }
  }

  /**
   * A schedule chain {@code A for 100 then B for 200 then C} (PyTorch's SequentialLR, each
   * segment counting its own steps from 0). Every segment but the last has a length.
   */
  record Chain(List<Segment> segments, Span span) implements Expr {
    public Chain {
      segments = List.copyOf(segments);
    }
  }

  /** One schedule of a chain and the steps it runs for ({@code null} for the last one). */
  record Segment(Expr schedule, Expr length, Span span) {}

  enum UnaryOp {
    NEG("-"),
    PLUS("+");

    public final String symbol;

    UnaryOp(String symbol) {
      this.symbol = symbol;
    }
  }

  enum BinaryOp {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    POW("^"),
    /** Matrix product of tensors (docs/tensors.md). */
    MATMUL("@");

    public final String symbol;

    BinaryOp(String symbol) {
      this.symbol = symbol;
    }
  }
}

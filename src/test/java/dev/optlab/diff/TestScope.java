package dev.optlab.diff;

import dev.optlab.ast.Stmt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A scope of lets and defs written as text, for tests. */
final class TestScope implements Scope {
  private final Map<String, Double> constants = new LinkedHashMap<>();
  private final Map<String, Stmt.Def> defs = new LinkedHashMap<>();
  private final List<String> others = new ArrayList<>();

  TestScope let(String name, double value) {
    constants.put(name, value);
    return this;
  }

  /** Adds {@code def NAME(a, b) = EXPR}. */
  TestScope def(String text) {
    Stmt.Def d = TestParse.def(text);
    defs.put(d.name().name(), d);
    return this;
  }

  /** A declared name that is neither a constant nor a function (an optimizer, a schedule). */
  TestScope other(String name) {
    others.add(name);
    return this;
  }

  @Override
  public Double constant(String name) {
    return constants.get(name);
  }

  @Override
  public Stmt.Def function(String name) {
    return defs.get(name);
  }

  @Override
  public Collection<String> names() {
    List<String> all = new ArrayList<>(constants.keySet());
    all.addAll(defs.keySet());
    all.addAll(others);
    return all;
  }
}

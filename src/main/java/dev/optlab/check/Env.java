package dev.optlab.check;

import dev.optlab.ast.Stmt;
import dev.optlab.data.Dataset;
import dev.optlab.diff.CompiledFunction;
import dev.optlab.diff.Scope;
import dev.optlab.tensor.TensorScope;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declared names of a session, in declaration order. The checker works on a copy, so a
 * script with an error leaves the session as it was.
 */
public final class Env implements Scope, TensorScope {
  private final Map<String, Declaration> declarations;
  /** Names whose declaration failed in the statements being checked: errors that follow from
   * them are not reported again. */
  private final Set<String> broken = new HashSet<>();

  public Env() {
    this(new LinkedHashMap<>());
  }

  private Env(Map<String, Declaration> declarations) {
    this.declarations = declarations;
  }

  public Env copy() {
    return new Env(new LinkedHashMap<>(declarations));
  }

  public Declaration get(String name) {
    return declarations.get(name);
  }

  /** Declares {@code d}, returning what it replaced, if anything. */
  public Declaration put(Declaration d) {
    broken.remove(d.name());
    // Re-inserting moves a redeclared name to the end, so listings follow the session's order.
    Declaration old = declarations.remove(d.name());
    declarations.put(d.name(), d);
    return old;
  }

  public void clear() {
    declarations.clear();
    broken.clear();
  }

  public List<Declaration> all() {
    return List.copyOf(declarations.values());
  }

  void markBroken(String name) {
    broken.add(name);
  }

  boolean isBroken(String name) {
    return broken.contains(name) && !declarations.containsKey(name);
  }

  @Override
  public Double constant(String name) {
    return declarations.get(name) instanceof Declaration.Constant c ? c.value() : null;
  }

  @Override
  public Stmt.Def function(String name) {
    return switch (declarations.get(name)) {
      case Declaration.Function f -> f.def();
      case Declaration.Objective o -> o.asFunction();
      case null, default -> null;
    };
  }

  @Override
  public CompiledFunction objective(String name) {
    return declarations.get(name) instanceof Declaration.Objective o ? o.function() : null;
  }

  @Override
  public Collection<String> names() {
    return List.copyOf(declarations.keySet());
  }

  @Override
  public Dataset data(String name) {
    return declarations.get(name) instanceof Declaration.Data d ? d.dataset() : null;
  }

  /** The declared names of one kind, for suggestions. */
  public List<String> namesOf(Class<? extends Declaration> kind) {
    return declarations.values().stream().filter(kind::isInstance).map(Declaration::name)
        .toList();
  }
}

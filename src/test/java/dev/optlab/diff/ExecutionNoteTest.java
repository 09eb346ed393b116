package dev.optlab.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optlab.source.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code explain} says whether an objective runs as bytecode, and why not when it does not. */
class ExecutionNoteTest {
  private static CompiledFunction compile(String body) {
    Source s = new Source("t", body);
    return ExprCompiler.compile(s, dev.optlab.syntax.SyntaxParser.parseExpression(s), List.of("x"),
        Scope.EMPTY);
  }

  @Test
  void aSmallObjectiveRunsAsBytecode() {
    assertEquals("runs as JVM bytecode (translated after its first 64 evaluations)",
        compile("x^2 + sin(x)").execution());
  }

  @Test
  void aHugeOneIsInterpretedAndTheNoteSaysWhy() {
    StringBuilder body = new StringBuilder("0");
    for (int i = 1; i < 600; i++) {
      body.append(" + sin(x * ").append(i).append(')');
    }
    assertEquals("runs interpreted, not translated to bytecode: too large for one JVM method "
        + "(3594 operations forward and back; the limit is about 800)",
        compile(body.toString()).execution());
  }
}

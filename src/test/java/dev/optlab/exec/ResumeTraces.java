package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optlab.Engine;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs N + M steps straight, N with a checkpoint and M more resumed from it, each tracing to a
 * file in {@code dir}, and asserts the traces are the same text (every column of every row;
 * numbers as Python's repr, so equal text is equal doubles).
 */
record ResumeTraces(Path dir) {
  void assertResumes(String declarations, String obj, String clauses, int n, int m)
      throws IOException {
    Path ckpt = dir.resolve("c.safetensors");
    run(declarations + line(obj, (n + m) + " steps", clauses, "straight.csv", "")
        + line(obj, n + " steps", clauses, "first.csv", " checkpoint \"" + ckpt + "\"")
        + line(obj, m + " more steps", clauses, "second.csv", " resume \"" + ckpt + "\""));
    List<String> straight = Files.readAllLines(dir.resolve("straight.csv"));
    List<String> joined = new ArrayList<>(Files.readAllLines(dir.resolve("first.csv")));
    List<String> second = Files.readAllLines(dir.resolve("second.csv"));
    assertEquals(n + m + 2, straight.size(), "a header and every step");
    assertEquals(straight.get(n + 1), second.get(1), "the resumed run starts where it stopped");
    joined.addAll(second.subList(2, second.size()));
    assertEquals(String.join("\n", straight), String.join("\n", joined),
        declarations + " at " + n);
  }

  String line(String obj, String length, String clauses, String trace, String more) {
    return "run o on " + obj + " for " + length + " " + clauses + " trace \""
        + dir.resolve(trace) + "\"" + more + "\n";
  }

  /** Runs a script; an error shows in the test as a trace file missing. */
  static void run(String script) {
    new Engine().run(new Source("t.opt", script), false, new Capture(), RunControl.none());
  }
}

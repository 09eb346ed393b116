package dev.optlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are written whole or not at all, and no temporary file of ours outlives its writer. */
class WholeFileTest {
  @TempDir Path dir;

  private List<String> names() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Issue #15: a killed run left a hidden .long.csv…part of hundreds of MB for good. */
  @Test
  void aStaleTemporaryOfTheSameTargetIsRemovedByTheNextWrite() throws Exception {
    Path target = dir.resolve("long.csv");
    Path stale = Files.writeString(dir.resolve(".long.csv111.part"), "killed");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(600)));
    Files.writeString(dir.resolve(".long.csv222.part"), "a live writer's"); // fresh: kept
    Files.writeString(dir.resolve(".other.csv333.part"), "another target's"); // kept
    WholeFile.write(target, "run,step\n".getBytes());
    assertEquals(List.of(".long.csv222.part", ".other.csv333.part", "long.csv"), names());
  }

  @Test
  void aDiscardedTemporaryIsGone() throws Exception {
    Path temp = WholeFile.temporaryBeside(dir.resolve("t.csv"));
    assertTrue(Files.exists(temp));
    WholeFile.discard(temp);
    assertEquals(List.of(), names());
  }

  /** SIGTERM during a traced run: the shutdown hook removes the temporary file. */
  @Test
  void aTerminatedRunLeavesNoTemporaryFile() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path script = Files.writeString(dir.resolve("t.opt"), "objective q(x = 3) = x^2\n"
        + "run Adam(lr = 1e-9) on q for 1000000000 steps every 1 trace \"long.csv\"\n");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "dev.optlab.Main", script.toString()).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (names().stream().noneMatch(n -> n.endsWith(".part")) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(names().stream().anyMatch(n -> n.endsWith(".part")), "the run started: " + names());
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(List.of("t.opt"), names());
  }
}

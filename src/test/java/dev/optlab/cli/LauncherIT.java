package dev.optlab.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher never starts from a half-built tree (the hardening issue: Ctrl-C or a timeout
 * during the first build left a jar without target/lib, and every later run failed with
 * NoClassDefFoundError until a source changed). On a copy of the project's tracked files: an
 * interrupted build says so and the next run builds again; a jar whose build did not finish
 * (no target/.built, no target/lib) is rebuilt, not run.
 */
class LauncherIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  record Result(int code, String out) {}

  private static Result run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "launcher hung: " + out);
    return new Result(p.exitValue(), out);
  }

  private static void copyTrackedFiles(Path to) throws Exception {
    Result files = run(ROOT, "git", "ls-files");
    assumeTrue(files.code() == 0, "not a git checkout");
    for (String f : files.out().lines().toList()) {
      Path src = ROOT.resolve(f);
      if (!Files.isRegularFile(src)) {
        continue;
      }
      Path dst = to.resolve(f);
      Files.createDirectories(dst.getParent());
      Files.copy(src, dst, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  @Test
  @Timeout(600)
  void anInterruptedBuildIsRedoneAndAJarWithoutItsLibrariesNeverRuns(@TempDir Path dir)
      throws Exception {
    copyTrackedFiles(dir);
    // cut short a few seconds in, as Ctrl-C or a CI timeout would
    Result cut = run(dir, "timeout", "-s", "INT", "4", "./optlab", "-e", "print 1");
    assertTrue(cut.code() != 0, cut.out());
    assertFalse(Files.exists(dir.resolve("target/.built")), "no stamp for a build cut short");
    Result first = run(dir, "./optlab", "-e", "print 1");
    assertEquals(0, first.code(), first.out());
    assertTrue(first.out().contains("optlab: building") && first.out().endsWith("1.0\n"),
        first.out());
    assertTrue(Files.exists(dir.resolve("target/.built")));
    // a build interrupted after the jar was written and before its libraries were: before the
    // fix, this jar ran and failed with NoClassDefFoundError: org/antlr/v4/runtime/Token
    deleteTree(dir.resolve("target/lib"));
    Files.delete(dir.resolve("target/.built"));
    Result again = run(dir, "./optlab", "-e", "print 2");
    assertEquals(0, again.code(), again.out());
    assertTrue(again.out().endsWith("2.0\n") && !again.out().contains("NoClassDefFound"),
        again.out());
    // and once built, no rebuild
    Result quiet = run(dir, "./optlab", "-e", "print 3");
    assertFalse(quiet.out().contains("building"), quiet.out());
  }

  private static void deleteTree(Path p) throws IOException {
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}

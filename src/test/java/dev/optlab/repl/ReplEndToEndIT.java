package dev.optlab.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's-eye test: the real {@code ./optlab} launcher in a tmux pseudo-terminal, typed at
 * with real keys (Tab, Enter, Ctrl-C, Ctrl-D), its screen read back. Skipped when tmux is not
 * installed or {@code target/optlab.jar} is missing or older than the sources (the launcher
 * would then build it inside the test; run {@code mvn package} first).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReplEndToEndIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final long WAIT_MILLIS = 60_000;

  @TempDir Path state;
  private final String name = "optlab-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

  @BeforeEach
  void requireTmuxAndAFreshJar() throws IOException {
    assumeTrue(run("tmux", "-V").startsWith("tmux"), "tmux is not installed");
    Path jar = ROOT.resolve("target/optlab.jar");
    assumeTrue(Files.isRegularFile(jar) && Files.isExecutable(ROOT.resolve("optlab")),
        "no target/optlab.jar or ./optlab launcher");
    // The launcher's own staleness rule: anything under src/main or grammar, or the pom.
    FileTime built = Files.getLastModifiedTime(jar);
    try (Stream<Path> sources = Stream.concat(Stream.of(ROOT.resolve("pom.xml")),
        Stream.of("src/main", "grammar").map(ROOT::resolve).filter(Files::isDirectory)
            .flatMap(ReplEndToEndIT::walk))) {
      assumeTrue(sources.noneMatch(p -> newer(p, built)),
          "target/optlab.jar is older than the sources; run mvn package first");
    }
    // Maven's package phase just built the jar, but only the launcher writes its stamp of a
    // finished build: after a rebase the stamp is older than the sources and the launcher would
    // build again inside the first test, which takes over its 60 s wait on a loaded machine.
    Path stamp = ROOT.resolve("target/.built");
    if (!Files.exists(stamp)) {
      Files.createFile(stamp);
    }
    Files.setLastModifiedTime(stamp, built);
  }

  @AfterEach
  void killSession() {
    String socket = tmux("display-message", "-p", "#{socket_path}").strip();
    tmux("kill-server"); // the test's own server (its own socket), nobody else's
    if (socket.endsWith(name)) {
      try {
        Files.deleteIfExists(Path.of(socket));
      } catch (IOException e) {
        // a stale socket in the temporary directory does no harm
      }
    }
    emptyStateDirectory();
  }

  /**
   * The killed optlab may still be writing its history into {@code state} for a moment (kill
   * is asynchronous): empty it until it stays empty, so that JUnit's removal of the directory
   * does not race with the dying process (it failed once under load).
   */
  private void emptyStateDirectory() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (java.util.stream.Stream<Path> walk = Files.walk(state)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          if (!p.equals(state)) {
            Files.deleteIfExists(p);
          }
        }
        Thread.sleep(100);
        try (java.util.stream.Stream<Path> left = Files.list(state)) {
          if (left.findAny().isEmpty()) {
            return;
          }
        }
      } catch (IOException e) {
        // written to while walked: try again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Test
  void aPersonTypesASessionWithTabCompletionAndCtrlC() throws Exception {
    String command = "env -u NO_COLOR XDG_STATE_HOME='" + state + "' ./optlab; "
        + "echo \"[optlab exited with $?]\"; sleep 600";
    tmux("new-session", "-d", "-s", name, "-x", "150", "-y", "50", "-c", ROOT.toString(),
        command);
    waitForPrompt();
    type("objective rosen(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2", "Enter");
    waitForPrompt();
    type("optimizer adam = Adam(lr = 0.05)", "Enter");
    waitForPrompt();
    type("run adam on ro", "Tab");
    waitFor("optlab> run adam on rosen");
    type("for 300000000 steps every 100000000", "Enter");
    waitFor("grad_norm"); // the table has begun: the run is going
    type("C-c");
    waitFor("interrupted at step");
    waitForPrompt();
    type("let junk = 1");
    waitFor("optlab> let junk = 1");
    type("C-c"); // Ctrl-C at the prompt drops the line
    waitForPrompt();
    type("optimizer sgd = SGD(lr = 0.01,", "Enter");
    waitFor("...>");
    type("momentum = 0.9)", "Enter");
    waitForPrompt();
    type(":show junk", "Enter");
    // its answer first: on a loaded machine the prompt seen before it was the one being typed
    // on, and the next line was typed into the answer
    waitFor("'junk' is not declared");
    waitForPrompt();
    type("print 6 * 7", "Enter");
    waitFor("42.0\n");
    waitForPrompt();
    type("C-d");
    String screen = waitFor("[optlab exited with 0]");

    assertTrue(screen.contains("optlab> run adam on rosen for 300000000 steps every 100000000\n"),
        screen);
    assertTrue(screen.matches("(?s).*\\n +0 +0\\.05 +12\\.5 +162\\.865 +-1\\.5 +2\\n +\\d+ +0\\.05 .*"
        + "\\nadam: interrupted at step \\d+: loss .*"), screen);
    assertFalse(screen.contains("after 300000000 steps"), screen);
    assertTrue(screen.contains("\n   ...> momentum = 0.9)\noptimizer sgd = SGD(lr=0.01, "
        + "momentum=0.9, dampening=0, weight_decay=0, nesterov=false, maximize=false)\n"), screen);
    assertTrue(screen.contains("optlab> :show junk\n'junk' is not declared\n"), screen);
    assertFalse(screen.contains("Exception"), screen);
    String history = Files.readString(state.resolve("optlab/history"), UTF_8);
    assertTrue(history.contains("print 6 * 7") && !history.contains("let junk"), history);
  }

  /**
   * A 100 KB line pasted without bracketed paste (tmux send-keys types it key by key, in 8 KB
   * pieces as a terminal delivers a paste) is read whole and evaluated. JLine alone redrew the
   * line after every key, which took over 300 s for 100 KB; the wait here is the usual 60 s.
   * bench/repl_paste.sh measures the time (about 1 s).
   */
  @Test
  void aHundredKilobyteLinePastedKeyByKeyIsEvaluatedWhole() throws Exception {
    tmux("new-session", "-d", "-s", name, "-x", "150", "-y", "50", "-c", ROOT.toString(),
        "env -u NO_COLOR XDG_STATE_HOME='" + state + "' ./optlab; sleep 600");
    waitForPrompt();
    StringBuilder line = new StringBuilder("print 777 + 1 #");
    while (line.length() < 100_000) {
      line.append(" abc ü 1.5 +"); // a two-byte character, split across pieces somewhere
    }
    for (int at = 0; at < line.length(); at += 8000) {
      type(line.substring(at, Math.min(line.length(), at + 8000)));
    }
    type("Enter");
    String screen = waitFor("\n778.0\n".translateEscapes());
    assertTrue(screen.contains(" abc ü 1.5 +\n778.0\n".translateEscapes()), screen);
    waitForPrompt();
    type("print 6 * 7", "Enter"); // the session goes on
    waitFor("42.0\n".translateEscapes());
  }

  /**
   * A long sweep typed at the prompt shows its live line once trials finish after the first
   * second; Ctrl-C stops it, the finished trials' table comes out with how many of all finished,
   * and the session goes on. 1000 trials of a million steps would take half a minute on two
   * idle cores; the test stops it after a second or two.
   */
  @Test
  void aLongSweepShowsItsProgressLineAndCtrlCKeepsTheFinishedTrials() throws Exception {
    tmux("new-session", "-d", "-s", name, "-x", "150", "-y", "50", "-c", ROOT.toString(),
        "env -u NO_COLOR XDG_STATE_HOME='" + state + "' ./optlab; sleep 600");
    waitForPrompt();
    type("objective rosen(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2", "Enter");
    waitForPrompt();
    type("sweep Adam(lr = logspace(1e-4, 1e-2, 1000)) on rosen for 1000000 steps threads 2",
        "Enter");
    String live = waitFor(" trials  best loss ");
    assertTrue(live.matches("(?s).*\\nsweep \\d+/1000 trials  best loss \\S+ \\(trial \\d+\\)  "
        + "ETA \\d+ (s|min \\d+ s)\\n.*"), live);
    type("C-c");
    String screen = waitFor(" of 1000 trials finished");
    waitForPrompt();
    type("print 6 * 7", "Enter"); // the session goes on
    screen = waitFor("42.0\n");

    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "\\ninterrupted: (\\d+) of 1000 trials finished\\nbest: trial \\d+, lr = \\S+: final loss "
        + "\\S+\\n").matcher(screen);
    assertTrue(m.find(), screen);
    int finished = Integer.parseInt(m.group(1));
    assertTrue(finished >= 1 && finished < 1000, screen);
    // the table holds exactly the finished trials, each run to its end, and no live line is left
    long rows = screen.lines().filter(l -> l.matches(" *\\d+ +\\S+ +1000000 +completed +\\S+ +\\d+"))
        .count();
    assertTrue(rows == finished, rows + " rows for " + finished + " trials:\n" + screen);
    assertTrue(screen.contains("sweep Adam on rosen: 1000 trials, minimize final loss ("), screen);
    assertFalse(screen.contains("ETA"), "the live line is erased:\n" + screen);
    assertFalse(screen.contains("Exception"), screen);
  }

  private void type(String... keys) {
    List<String> command = new ArrayList<>(List.of("send-keys", "-t", name));
    for (String k : keys) {
      boolean key = k.equals("Enter") || k.equals("Tab") || k.startsWith("C-");
      if (!key) {
        command.add("-l"); // literally, so words like "Enter" in text stay text
      }
      command.add(k);
      tmux(command.toArray(String[]::new));
      command = new ArrayList<>(List.of("send-keys", "-t", name));
    }
  }

  /** The screen with its scrollback, trailing blanks trimmed, once it contains {@code text}. */
  private String waitFor(String text) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    String screen = "";
    while (System.currentTimeMillis() < deadline) {
      screen = tmux("capture-pane", "-p", "-J", "-S", "-500", "-t", name)
          .replaceAll("[ \\t]+\\n", "\n");
      if (screen.contains(text)) {
        return screen;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the screen never showed '" + text + "':\n" + screen);
  }

  /** Waits until the REPL waits for input: the screen's last line is an empty prompt. */
  private void waitForPrompt() throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    String screen = "";
    while (System.currentTimeMillis() < deadline) {
      screen = waitFor("optlab>").stripTrailing();
      if (screen.endsWith("\noptlab>")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no prompt came back:\n" + screen);
  }

  /** A tmux command on a server of this test's own ({@code -L}), apart from any user's. */
  private String tmux(String... args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", name));
    command.addAll(List.of(args));
    return run(command.toArray(String[]::new));
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return ""; // tmux missing: the assumption above skips the test
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static Stream<Path> walk(Path dir) {
    try {
      return Files.walk(dir).toList().stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static boolean newer(Path p, FileTime than) {
    try {
      return Files.getLastModifiedTime(p).compareTo(than) > 0;
    } catch (IOException e) {
      return false;
    }
  }
}

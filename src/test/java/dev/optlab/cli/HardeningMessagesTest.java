package dev.optlab.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages for inputs that real use and fuzzing found confusing (issue 15). */
class HardeningMessagesTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Result(code, out.toString(UTF_8), err.toString(UTF_8));
  }

  private static String firstError(String script) {
    Result r = run("-e", script);
    assertEquals(1, r.code(), r.err());
    return r.err().lines().filter(l -> l.contains("error:")).findFirst().orElse(r.err());
  }

  @Test
  void anAssignmentWithoutLetSaysToWriteLet() {
    assertEquals("<-e>:1:1: error: 'k = ...' is not a statement: write 'let k = ...' to declare"
        + " a constant", firstError("k = 3"));
  }

  @Test
  void aStepCountBeyondTheLimitSaysTheLimit() {
    assertEquals("<-e>:1:45: error: the number of steps is too large: 1e+20 (the limit is 1e15)",
        firstError("objective f(x = 1) = x^2; run Adam on f for 1e20 steps"));
  }

  @Test
  void anEmptyTraceNameOrOneWithControlCharactersIsRefused() {
    String run = "objective f(x = 1) = x^2; run Adam on f for 2 steps trace ";
    assertEquals("<-e>:1:59: error: the trace file name is empty: write a file name between the"
        + " quotes", firstError(run + "\"\""));
    assertEquals("<-e>:1:59: error: a trace file name cannot hold a newline, tab or other"
        + " control character", firstError(run + "\"a\\tb.csv\""));
    assertEquals("<-e>:1:59: error: a trace file name cannot hold a newline, tab or other"
        + " control character", firstError(run + "\"a\\nb.csv\""));
  }

  @Test
  void aByteOrderMarkAtTheStartOfAScriptIsAccepted() throws Exception {
    Path script = dir.resolve("bom.opt");
    Files.write(script, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'p', 'r', 'i', 'n',
        't', ' ', '7', '\n'});
    Result r = run(script.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("7.0\n", r.out());
  }

  @Test
  void anInfiniteHyperparameterPrintsAsInfInTheHeaderAsInTheTable() {
    Result r = run("-e", "objective f(x = 1) = x^2; run SGD(lr = 1e309) on f for 1 steps");
    String header = r.out().lines().findFirst().orElse("");
    assertEquals(true, header.contains("SGD(lr=inf, momentum=0"), r.out());
  }

  @Test
  void aDashReadsTheScriptFromStandardInputAndAnErrorExitsWithOne() {
    java.io.InputStream saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("print 5\n".getBytes(UTF_8)));
      Result ok = run("-");
      assertEquals(0, ok.code(), ok.err());
      assertEquals("5.0\n", ok.out());
      System.setIn(new java.io.ByteArrayInputStream("print 5\nprint zz\n".getBytes(UTF_8)));
      Result bad = run("-");
      assertEquals(1, bad.code());
      assertEquals("<stdin>:2:7: error: unknown name 'zz'", bad.err().lines().findFirst().orElse(""));
      assertEquals("", bad.out(), "no banner, no prompt");
    } finally {
      System.setIn(saved);
    }
  }

  /**
   * A trace or plot named after a FIFO (or a device) is refused: the file written beside it and
   * renamed over it replaced the special file by a regular one (as root, trace "devnull" did).
   */
  @Test
  void aSpecialFileIsRefusedAndLeftAsItWas() throws Exception {
    Path fifo = dir.resolve("pipe.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor());
    String script = "objective q(x = 3) = x^2\nrun SGD(lr = 0.1) on q for 3 steps trace \""
        + fifo + "\"";
    assertEquals("<-e>:2:42: error: cannot write trace file \"" + fifo + "\": it is a device, pipe"
        + " or other special file; optlab writes regular files only", firstError(script));
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO is still a FIFO");
  }

  /** Issue #15: a replaced trace file lost its mode (644 became 600, the temporary file's). */
  @Test
  void aReplacedTraceKeepsItsModeAndANewOneIsReadableByAll() throws Exception {
    Path kept = dir.resolve("kept.csv");
    Files.writeString(kept, "old\n");
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw-r--"));
    Path fresh = dir.resolve("fresh.csv");
    Result r = run("-e", "objective q(x = 3) = x^2\nrun SGD(lr = 0.1) on q for 3 steps trace \""
        + kept + "\"\nrun SGD(lr = 0.1) on q for 3 steps trace \"" + fresh + "\"");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(kept).startsWith("run,step,"), Files.readString(kept));
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
  }

  /** Issue #15: a tensor run put its divergence row in the CSV on an untraced step. */
  @Test
  void aTensorRunsCsvHoldsTracedStepsOnlyWhenItDiverges() {
    Result r = run("--format", "csv", "-e", "objective f(w[2] = 1) = sum(exp(w * w))\n"
        + "run SGD(lr = 1) on f for 100 steps every 10");
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("run,step,lr,loss,grad_norm,epoch,|w|",
        "SGD(lr = 1),0,1.0,5.43656365691809,7.688462056318233,0.0,1.4142135623730951"),
        r.out().lines().toList());
    assertTrue(r.err().contains("diverged at step 2"), r.err());
  }

  /**
   * Found by fuzzing: a class label holding an escape sequence cleared the screen when explain
   * (or the REPL's echo of the data line) printed it; a script string quoted in a message too.
   */
  @Test
  void escapeSequencesFromTheUserNeverReachTheTerminalRaw() {
    String data = "data d = csv(\"src/test/resources/tensor/escape_label.csv\", target = ";
    Result r = run("-e", data + "\"label\")\n"
        + "objective m(W[2, 2] = 0) = cross_entropy(d.x @ W, d.y)\n"
        + "explain run SGD(lr = 0.1) on m for 1 epochs");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2 classes (?[2Jx, y)"), r.out());
    assertTrue(r.out().indexOf('\u001b') < 0, r.out());
    String error = firstError(data + "\"l\u001b[2Jabel\")");
    assertTrue(error.contains("no column \"l?[2Jabel\""), error);
  }
}

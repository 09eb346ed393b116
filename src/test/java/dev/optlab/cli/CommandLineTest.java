package dev.optlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line of LANGUAGE.md section 8: modes, formats and exit codes. */
class CommandLineTest {
  private static final String BOWL = "objective bowl(x = 1, y = -2) = x^2 + 3 * y^2 ";

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theSparkEngineWithoutItsModuleSaysHowToBuildIt() {
    // the core jar never loads Spark: --engine spark is the module's main (./optlab builds it)
    Result r = run("--engine", "spark", "x.opt");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("mvn -B -q -f spark/pom.xml package -DskipTests"), r.err());
    assertEquals(0, run("--engine", "local", "-e", "print 1").code());
  }

  @Test
  void helpAndVersion() {
    Result help = run("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().startsWith("usage: optlab"), help.out());
    Result version = run("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().startsWith("optlab "), version.out());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--frobnicate | optlab: unknown option '--frobnicate'",
      "--format | optlab: --format needs a value: csv or table",
      "--format=json | optlab: unknown format 'json': expected csv or table",
      "-e | optlab: -e needs the statements to run",
      "--check | optlab: --check needs a script to work on",
      "no/such/file.opt | optlab: cannot read 'no/such/file.opt': no such file",
      "--engine | optlab: --engine needs a value: local or spark",
      "--engine=yarn | optlab: unknown engine 'yarn': expected local or spark",
  })
  void badCommandLinesExitWithTwo(String arg, String message) {
    Result r = run(arg.split(" "));
    assertEquals(2, r.code());
    assertEquals(message + "\ntry 'optlab --help'\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void printAndGradFromDashE() {
    Result r = run("-e", BOWL + "print grad(bowl) print grad(bowl, (x = 0.5)) print bowl(1, 1) "
        + "print 1/3 print \"done\"");
    assertEquals(0, r.code(), r.err());
    assertEquals("(x = 2.0, y = -12.0)\n(x = 1.0, y = -12.0)\n4.0\n0.3333333333333333\ndone\n",
        r.out());
  }

  @Test
  void checkParsesAndChecksWithoutRunning() {
    Result ok = run("--check", "-e", BOWL + "run Adam on bowl for 5 steps");
    assertEquals(0, ok.code());
    assertEquals("<-e>: ok (2 statements)\n", ok.out());
    Result bad = run("--check", "-e", BOWL + "run Adma on bowl for 5 steps");
    assertEquals(1, bad.code());
    assertTrue(bad.err().startsWith("<-e>:1:51: error: unknown optimizer 'Adma'; did you mean"),
        bad.err());
  }

  @Test
  void csvHasOneHeaderAndEveryTracedRow() {
    Result r = run("--format", "csv", "-e", BOWL
        + "run SGD(lr = 0.1) on bowl for 4 steps every 2 "
        + "compare Adam(lr = 0.1), b on bowl for 2 steps every 1 optimizer b = Adagrad()");
    // `b` is used before it is declared: nothing runs, the error says so.
    assertEquals(1, r.code());
    assertEquals("", r.out());
    r = run("--format", "csv", "-e", BOWL + "optimizer b = Adagrad() "
        + "run SGD(lr = 0.1) on bowl for 4 steps every 2 "
        + "compare Adam(lr = 0.1), b on bowl for 1 steps every 1");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("run,step,lr,loss,grad_norm,x,y", lines.get(0));
    assertEquals(List.of("SGD(lr = 0.1),0", "SGD(lr = 0.1),2", "SGD(lr = 0.1),4",
        "Adam(lr = 0.1),0", "Adam(lr = 0.1),1", "b,0", "b,1"),
        lines.subList(1, lines.size()).stream().map(l -> l.replaceAll("^([^,]*,[0-9]+),.*", "$1"))
            .toList());
    // As PyTorch computes it (checked with torch 1.13, float64).
    assertEquals("SGD(lr = 0.1),2,0.1,0.7167999999999999,2.307552816296953,0.64,-0.31999999999999995",
        lines.get(2));
  }

  @Test
  void traceFileHoldsEveryStepAndNothingIsLeftBehind(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("t.csv");
    Result r = run("--format", "csv", "-e", BOWL + "run SGD(lr = 0.1) on bowl for 6 steps every 3"
        + " trace \"" + file + "\"");
    assertEquals(0, r.code(), r.err());
    List<String> traced = r.out().lines().toList();
    List<String> all = Files.readAllLines(file);
    assertEquals(8, all.size());
    assertEquals(traced.get(0), all.get(0));
    assertEquals(traced.get(2), all.get(4));
    assertEquals(List.of(file), Files.list(dir).toList(), "no temporary file left");
  }

  @Test
  void aFailingScriptRunsNothingAndPrintsEveryError() {
    Result r = run("-e", BOWL + "run SGD(lr = 0.1) on bowl for 3 steps\n"
        + "optimizer a = Adam(lr = -1)\nrun Adam on bowel for 3 steps");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals(2, r.err().lines().filter(l -> l.contains(": error: ")).count(), r.err());
  }

  @Test
  void scriptsRunInOneSessionAndTheFirstErrorStops(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a.opt"), BOWL);
    Path b = Files.writeString(dir.resolve("b.opt"), "print bowl(0, 0)");
    Path bad = Files.writeString(dir.resolve("bad.opt"), "print nope");
    Result ok = run(a.toString(), b.toString());
    assertEquals(0, ok.code(), ok.err());
    assertEquals("0.0\n", ok.out());
    Result stopped = run(a.toString(), bad.toString(), b.toString());
    assertEquals(1, stopped.code());
    assertEquals("", stopped.out());
    assertTrue(stopped.err().startsWith(bad + ":1:7: error: unknown name 'nope'"), stopped.err());
  }

  @Test
  void divergenceIsReportedWithAHint() {
    Result r = run("-e", BOWL + "run SGD(lr = 2) on bowl for 1000 steps every 50");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("diverged at step "), r.out());
    assertTrue(r.out().contains("hint: try a smaller lr (this run's lr was 2)"), r.out());
  }
}

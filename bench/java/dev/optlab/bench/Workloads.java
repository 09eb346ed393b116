package dev.optlab.bench;

import dev.optlab.Engine;
import dev.optlab.console.TableOutput;
import dev.optlab.exec.RunControl;
import dev.optlab.source.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the benchmarks run, shared by the JMH benchmarks ({@link ScalarBench}) and the report's
 * paired rounds ({@link Report}): optlab's {@code run} statement through the engine and the
 * command line's table output (into a discarding stream), and the hand-written loop.
 */
final class Workloads implements AutoCloseable {
  static final long STEPS = 1_000_000;
  static final String OBJECTIVE =
      "objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n";
  static final String RUN = "run Adam(lr = 1e-3) on rosenbrock for " + STEPS + " steps";

  private final Engine engine = new Engine();
  private final TableOutput output =
      new TableOutput(new PrintStream(OutputStream.nullOutputStream()));
  private final Source run = new Source("<bench>", RUN);
  private final Source runEvery1000 = new Source("<bench>", RUN + " every 1000");
  private final Source runTraced;
  private final Path dir;

  Workloads() throws IOException {
    dir = Files.createTempDirectory("optlab-bench");
    runTraced = new Source("<bench>", RUN + " trace \"" + dir.resolve("trace.csv") + "\"");
    engine.run(new Source("<setup>", OBJECTIVE), false, output, RunControl.none());
  }

  /** {@code run Adam(lr = 1e-3) on rosenbrock for 1000000 steps}: 11 table rows. */
  Object optlab() {
    engine.run(run, false, output, RunControl.none());
    return engine;
  }

  /** The same with {@code every 1000}: 1001 table rows. */
  Object optlabEvery1000() {
    engine.run(runEvery1000, false, output, RunControl.none());
    return engine;
  }

  /** The same with {@code trace "FILE.csv"}: all 1,000,001 rows written as CSV. */
  Object optlabTraceCsv() {
    engine.run(runTraced, false, output, RunControl.none());
    return engine;
  }

  double handWritten() {
    return HandWritten.rosenbrockAdam(STEPS, 1e-3);
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(dir.resolve("trace.csv"));
    Files.deleteIfExists(dir);
  }
}

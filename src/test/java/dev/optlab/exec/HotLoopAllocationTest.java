package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.optlab.Engine;
import dev.optlab.console.TableOutput;
import dev.optlab.source.Source;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hot loop allocates nothing per step: a run of 10N steps allocates no more than a run of N
 * steps, read from the JVM's allocation counter of the thread that runs them. The engine runs on
 * this test's thread ({@code Main.run} would use a thread of its own). Rows are rendered by the
 * command line's table output into a discarding stream; both runs show the same number of rows
 * (by default about ten a run, whatever its length), so only the steps differ.
 *
 * <p>No time is asserted: speed is the benchmark's business (bench/README.md).
 */
class HotLoopAllocationTest {
  private static final long N = 20_000;
  /**
   * What the longer run may allocate beyond the shorter one: far less than one byte a step, and
   * far more than the noise (a resized buffer, a class initialised late).
   */
  private static final long SLACK = 64 * 1024;

  private static final String DECLARATIONS = """
      objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2
      objective bumpy(x = 1.5, y = -0.5, z = 0.3) = log(1 + x^2) + sin(y) * exp(-y^2) \
      + abs(x - z) + sqrt(1 + y^2) + tanh(z) + max(x, z)^2
      schedule halve(t) = lr0 * 0.5^floor(t / 1000)
      """;

  @ParameterizedTest
  @ValueSource(strings = {
      "Adam(lr = 1e-3)",
      "Adam(lr = 1e-3, amsgrad = true, weight_decay = 0.01, maximize = false)",
      "AdamW(lr = 1e-3)",
      "SGD(lr = 1e-4)",
      "SGD(lr = 1e-4, momentum = 0.9, nesterov = true, weight_decay = 1e-4)",
      "Adagrad(lr = 0.1, lr_decay = 1e-4)",
      "RMSprop(lr = 1e-3, momentum = 0.5, centered = true)",
      "Adadelta()",
      "Adamax()",
      "NAdam()",
      "RAdam()",
      "Rprop()",
      "Adam(lr = 1e-3, schedule = cosine(T_max = 5000))",
      "SGD(lr = 1e-4, momentum = 0.9, schedule = onecycle(max_lr = 1e-3, total_steps = 300000))",
      "SGD(lr = 1e-4, schedule = cyclic(base_lr = 1e-5, max_lr = 1e-4, step_size_up = 500))",
      "Adam(lr = 1e-3, schedule = plateau(patience = 5))",
      "Adam(lr = 1e-3, schedule = linear(total_iters = 100) for 100 then cosine_restarts(T_0 = 50))",
      "Adam(lr = 1e-3, schedule = multistep(milestones = [1000, 5000], gamma = 0.5))",
      "SGD(lr = 1e-4, schedule = halve)",
      // parameter groups: each group gathered into scratch arrays made once, updated, scattered
      "SGD(lr = 1e-4, momentum = 0.9) for [x] + Adam(lr = 1e-3, schedule = cosine(T_max = 5000))"
          + " for others",
  })
  void aRunAllocatesNothingPerStep(String optimizer) {
    for (String objective : new String[] {"rosenbrock", "bumpy"}) {
      String run = "run " + optimizer + " on " + objective + " for %d steps";
      assertNoGrowth(run + " until loss < -1");
      assertNoGrowth(run);
    }
  }

  /**
   * Every registered optimizer (its documented example) and every registered schedule (its
   * example, on SGD with momentum, which every schedule accepts), so that a new one is covered
   * without editing this test, as torch's optim_db drives its optimizer tests.
   */
  static java.util.stream.Stream<String> registry() {
    return java.util.stream.Stream.concat(
        dev.optlab.optim.Optimizers.all().stream().map(k -> k.example()),
        dev.optlab.schedule.Schedules.all().stream().map(k -> "SGD(lr = 1e-4, momentum = 0.9, "
            + "schedule = " + k.example().replaceAll("total_steps = \\d+",
            "total_steps = 300000") + ")"));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("registry")
  void everyRegisteredOptimizerAndScheduleAllocatesNothingPerStep(String optimizer) {
    assertNoGrowth("run " + optimizer + " on rosenbrock for %d steps");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Adam(lr = 1e-3)", "RMSprop(lr = 1e-3)"})
  void aTraceFileAllocatesNothingPerRow(String optimizer, @TempDir Path dir) {
    // JDK 21's StringBuilder.append(double) makes a few objects a number; 25's writes in place.
    assumeTrue(Runtime.version().feature() >= 25, "needs JDK 25's allocation-free append(double)");
    Path csv = dir.resolve("trace.csv");
    assertNoGrowth("run " + optimizer + " on rosenbrock for %d steps trace \"" + csv + "\"");
    assertTrue(Files.exists(csv));
  }

  /** User-defined rules run as generated kernels (rules/KernelGen), which allocate nothing. */
  @ParameterizedTest
  @ValueSource(strings = {"rules/Lion.rule", "rules/builtins/MyAdam.rule",
      "rules/ScheduleFreeAdamW.rule"})
  void aUserDefinedRuleAllocatesNothingPerStep(String file) throws java.io.IOException {
    String text = Files.readString(Path.of("src/test/resources", file));
    String name = text.replaceAll("(?s).*?\\brule (\\w+)\\(.*", "$1");
    assertNoGrowth("run " + name + "(lr = 1e-4) on bumpy for %d steps", text);
  }

  private static void assertNoGrowth(String statement) {
    assertNoGrowth(statement, "");
  }

  /** Runs {@code statement} (with %d for the step count) for N and 10N steps, twice over. */
  private static void assertNoGrowth(String statement, String more) {
    Engine engine = new Engine();
    TableOutput discard = new TableOutput(new PrintStream(OutputStream.nullOutputStream()));
    engine.run(new Source("<test>", DECLARATIONS + more), false, discard, RunControl.none());
    Source shortRun = new Source("<test>", statement.formatted(N));
    Source longRun = new Source("<test>", statement.formatted(10 * N));
    // The first round loads classes, makes the bytecode objective and fills caches.
    engine.run(shortRun, false, discard, RunControl.none());
    engine.run(longRun, false, discard, RunControl.none());
    long shortBytes = allocated(() -> engine.run(shortRun, false, discard, RunControl.none()));
    long longBytes = allocated(() -> engine.run(longRun, false, discard, RunControl.none()));
    assertTrue(longBytes - shortBytes < SLACK, () -> String.format(
        "%s: %d steps allocated %,d bytes, %d steps %,d bytes: %.2f bytes a step",
        statement.formatted(10 * N), N, shortBytes, 10 * N, longBytes,
        (longBytes - shortBytes) / (9.0 * N)));
  }

  private static long allocated(Runnable r) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    r.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}

package dev.optlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps through Spark in local mode write the local thread pool's bytes: from a script with a
 * data file the tasks get shipped, with resume, after a retried task; a trial that still fails
 * is reported with its configuration.
 */
class LocalSparkTest {
  record Result(int code, String out, String err) {}

  static Result spark(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  static Result local(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = dev.optlab.cli.CommandLine.execute(args, new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** A small regression on a CSV file next to the script, swept over lr, batch and seeds. */
  static Path script(Path dir, String csv, String extra) throws IOException {
    StringBuilder data = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 24; i++) {
      data.append(i % 7).append(',').append(i % 5).append(',')
          .append(0.5 * (i % 7) - (i % 5) + 1).append('\n');
    }
    Files.writeString(dir.resolve("pts.csv"), data);
    return Files.writeString(dir.resolve(csv.replace(".csv", ".opt")), """
        data pts = csv("pts.csv", target = "y")
        objective fit(w[2] = 0, b = 0) = mse(pts.x @ w + b, pts.y)
        sweep SGD(lr = {0.001, 0.01, 0.03}, momentum = {0, 0.9}) on fit batch {4, 24} \
        for 3 epochs seeds 0..1 to "%s" %s
        """.formatted(csv, extra));
  }

  private static String masked(String table) {
    return table.replaceAll("\\(\\d+(\\.\\d+)? m?s\\)", "(TIME)");
  }

  @Test
  void localTwoWritesTheLocalPoolsBytesAndTable(@TempDir Path dir) throws IOException {
    Result pool = local(script(dir, "pool.csv", "threads 2").toString());
    Result spark = spark("--engine", "spark", "--master", "local[2]",
        script(dir, "spark.csv", "threads 2").toString());
    assertEquals(0, spark.code(), spark.err());
    assertEquals(25, Files.readAllLines(dir.resolve("spark.csv")).size()); // header + 24 trials
    assertEquals(Files.readString(dir.resolve("pool.csv")),
        Files.readString(dir.resolve("spark.csv")));
    assertEquals(masked(pool.out()), masked(spark.out()));
  }

  @Test
  void aPlotSweepDrawsTheLocalPoolsPicture(@TempDir Path dir) throws IOException {
    String plot = """
        objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2
        plot sweep Adam(lr = logspace(1e-3, 1e-1, 6)) on rosenbrock for 500 steps to "%s"
        """;
    Path pool = Files.writeString(dir.resolve("pool.opt"), plot.formatted("pool.svg"));
    Path spark = Files.writeString(dir.resolve("spark.opt"), plot.formatted("spark.svg"));
    assertEquals(0, local(pool.toString()).code());
    Result r = spark("--master", "local[2]", spark.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(Files.readString(dir.resolve("pool.svg")),
        Files.readString(dir.resolve("spark.svg")));
    System.setProperty(Worker.FAIL_KEY, "2:9"); // and its trials did run as Spark tasks
    try {
      Result failed = spark("--master", "local[2]", spark.toString());
      assertTrue(failed.err().contains("(1 attempt on Spark)"), failed.err());
    } finally {
      System.clearProperty(Worker.FAIL_KEY);
    }
  }

  @Test
  void resumeAndARetriedTaskKeepTheBytes(@TempDir Path dir) throws IOException {
    local(script(dir, "full.csv", "resume").toString());
    java.util.List<String> lines = Files.readAllLines(dir.resolve("full.csv"));
    Path cut = dir.resolve("cut.csv");
    Files.writeString(cut, String.join("\n", lines.subList(0, 10)) + "\n"
        + lines.get(10).substring(0, 12)); // killed while writing the tenth trial's row
    // trial 15 throws on its first attempt; local[2,3] lets Spark try each task 3 times
    System.setProperty(Worker.FAIL_KEY, "15:1");
    try {
      Result r = spark("--master", "local[2,3]", script(dir, "cut.csv", "resume").toString());
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("(file)"), r.out()); // the nine resumed trials
    } finally {
      System.clearProperty(Worker.FAIL_KEY);
    }
    assertEquals(Files.readString(dir.resolve("full.csv")), Files.readString(cut));
  }

  @Test
  void aTrialThatKeepsFailingIsReportedWithItsConfiguration(@TempDir Path dir)
      throws IOException {
    System.setProperty(Worker.FAIL_KEY, "5:9");
    try {
      Result r = spark("--master", "local[2,2]", script(dir, "fail.csv", "").toString());
      assertEquals(1, r.code());
      assertTrue(r.err().contains("error: sweep failed: trial 5 (SGD(lr=0.001, momentum=0.9, "),
          r.err());
      assertTrue(r.err().contains("injected failure, attempt 1 (2 attempts on Spark)"),
          r.err());
    } finally {
      System.clearProperty(Worker.FAIL_KEY);
    }
  }

  @Test
  void anUnreachableMasterIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws IOException {
    Path s = script(dir, "never.csv", "");
    long t0 = System.nanoTime();
    String why = SparkMain.unreachable("spark://127.0.0.1:1", 1500);
    assertTrue(System.nanoTime() - t0 >= 1_400_000_000L);
    assertEquals("cannot reach the Spark master spark://127.0.0.1:1 (connection refused; "
        + "waited 1.5 s): is the master started, and is the URL right? Nothing was run.", why);
    System.setProperty(SparkMain.MASTER_WAIT, "2"); // 10 s unless set
    Result r;
    try {
      r = spark("--master", "spark://127.0.0.1:1", s.toString());
    } finally {
      System.clearProperty(SparkMain.MASTER_WAIT);
    }
    assertEquals(1, r.code());
    assertEquals("optlab: cannot reach the Spark master spark://127.0.0.1:1 (connection refused;"
        + " waited 2 s): is the master started, and is the URL right? Nothing was run.\n",
        r.err());
    assertFalse(Files.exists(dir.resolve("never.csv")));
  }

  @Test
  void noMasterIsAUsageError() {
    Result r = spark("x.opt");
    assertEquals(2, r.code());
    assertEquals("optlab: the Spark engine needs a master: --master local[4], --master "
        + "spark://host:7077 (or spark-submit's --master)\ntry 'optlab --help'\n", r.err());
  }
}

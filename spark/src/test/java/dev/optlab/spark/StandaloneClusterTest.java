package dev.optlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on loopback (a master and two worker JVMs) runs a 40-trial sweep to
 * the local pool's bytes, and again while one worker is killed mid-sweep: Spark runs the lost
 * trials on the other, and the file is the same.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {
  @TempDir
  static Path dir;
  static LoopbackCluster cluster;

  /** 40 trials of a scalar objective: 10 learning rates x 4 pairs of betas. */
  static String sweep(String csv, int steps) {
    return """
        objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2
        sweep Adam(lr = logspace(1e-4, 1e-1, 10), betas = {(0.9, 0.999), (0.95, 0.99), \
        (0.8, 0.99), (0.5, 0.9)}) on rosenbrock for %d steps minimize best loss to "%s" threads 2
        """.formatted(steps, csv);
  }

  @BeforeAll
  static void start() throws Exception {
    cluster = new LoopbackCluster(dir.resolve("spark-home"), 2);
    cluster.driverConf().forEach(System::setProperty);
  }

  @AfterAll
  static void stop() {
    cluster.driverConf().keySet().forEach(System::clearProperty);
    cluster.close();
  }

  private static Path script(String name, int steps) throws Exception {
    return Files.writeString(dir.resolve(name + ".opt"), sweep(name + ".csv", steps));
  }

  @Test
  @Order(1)
  void fortyTrialsOnTwoWorkersWriteTheLocalPoolsBytes() throws Exception {
    LocalSparkTest.local(script("pool", 2000).toString());
    LocalSparkTest.Result r = LocalSparkTest.spark("--master", cluster.url,
        script("cluster", 2000).toString());
    assertEquals(0, r.code(), r.err() + cluster.log("worker0"));
    assertEquals(41, Files.readAllLines(dir.resolve("cluster.csv")).size());
    assertEquals(Files.readString(dir.resolve("pool.csv")),
        Files.readString(dir.resolve("cluster.csv")));
  }

  @Test
  @Order(2)
  void aWorkerKilledMidSweepLosesNoTrialAndNoByte() throws Exception {
    // about 0.15 s a trial: the kill lands while most trials are still to run
    int steps = 1_500_000;
    LocalSparkTest.local(script("pool-long", steps).toString());
    Path file = dir.resolve("killed.csv");
    Path s = script("killed", steps);
    CompletableFuture<LocalSparkTest.Result> run = CompletableFuture.supplyAsync(
        () -> LocalSparkTest.spark("--master", cluster.url, s.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int rowsAtKill = 0;
    while (System.nanoTime() < deadline && !run.isDone()) {
      rowsAtKill = Files.exists(file) ? Files.readAllLines(file).size() - 1 : 0;
      if (rowsAtKill >= 4) {
        cluster.kill(1);
        break;
      }
      Thread.sleep(20);
    }
    LocalSparkTest.Result r = run.get(150, TimeUnit.SECONDS);
    assertTrue(rowsAtKill >= 4 && rowsAtKill < 30, "killed after " + rowsAtKill + " rows");
    assertEquals(0, r.code(), r.err());
    List<String> rows = Files.readAllLines(file);
    assertEquals(41, rows.size());
    assertEquals(Files.readString(dir.resolve("pool-long.csv")), Files.readString(file));
  }
}

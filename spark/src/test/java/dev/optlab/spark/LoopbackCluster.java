package dev.optlab.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster on loopback, from this module's own dependencies: a master and
 * workers, each a JVM started with the test's class path. Spark's workers start executors from
 * {@code SPARK_HOME/jars}: here a directory of links to the same jars, and this module's classes
 * on {@code spark.executor.extraClassPath}.
 */
final class LoopbackCluster implements AutoCloseable {
  final String url;
  private final Path home;
  private final List<Process> workers = new ArrayList<>();
  private final List<Process> all = new ArrayList<>();
  private final List<String> jars = new ArrayList<>();
  private final List<String> dirs = new ArrayList<>();

  LoopbackCluster(Path home, int workerCount) throws IOException, InterruptedException {
    this.home = home;
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      (e.endsWith(".jar") ? jars : dirs).add(Path.of(e).toAbsolutePath().toString());
    }
    Path lib = Files.createDirectories(home.resolve("jars"));
    for (String j : jars) {
      Path link = lib.resolve(Path.of(j).getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, Path.of(j).toAbsolutePath());
      }
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    url = "spark://127.0.0.1:" + port;
    all.add(start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", Integer.toString(port), "--webui-port", "0"));
    String down = SparkMain.unreachable(url, 60_000);
    if (down != null) {
      throw new IllegalStateException(down + "\n" + Files.readString(home.resolve("master.log")));
    }
    for (int w = 0; w < workerCount; w++) {
      Process p = start("worker" + w, "org.apache.spark.deploy.worker.Worker", "--host",
          "127.0.0.1", "--cores", "1", "--memory", "512m", "--webui-port", "0", "--work-dir",
          Files.createDirectories(home.resolve("work" + w)).toString(), url);
      workers.add(p);
      all.add(p);
    }
  }

  private Process start(String name, String main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", String.join(File.pathSeparator, jars), main));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(home.resolve(name + ".log").toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  /** The driver's settings for this cluster: where executors find this module's classes. */
  Map<String, String> driverConf() {
    return Map.of("spark.executor.extraClassPath", String.join(File.pathSeparator, dirs),
        "spark.executor.memory", "512m", "spark.driver.host", "127.0.0.1",
        "spark.driver.bindAddress", "127.0.0.1");
  }

  /** Kills worker {@code w} and its executor at once, as a machine that dies. */
  void kill(int w) {
    Process p = workers.get(w);
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  String log(String name) throws IOException {
    return Files.readString(home.resolve(name + ".log"));
  }

  @Override
  public void close() {
    for (Process p : all.reversed()) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}

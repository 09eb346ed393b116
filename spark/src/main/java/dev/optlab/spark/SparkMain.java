package dev.optlab.spark;

import dev.optlab.cli.CommandLine;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;

/**
 * optlab with its sweeps on Spark: {@code spark-submit --class dev.optlab.spark.SparkMain
 * optlab-spark.jar sweep.opt}, or {@code optlab --engine spark --master URL sweep.opt}. Takes
 * {@code --master} (else spark-submit's) and {@code --engine spark}; the rest is optlab's
 * command line. A standalone master is checked reachable before the script starts, so a wrong
 * URL writes nothing.
 */
public final class SparkMain {
  private SparkMain() {}

  /**
   * How long a standalone master may take to answer before the run is refused, in seconds:
   * {@code spark.optlab.masterWait}, else 10.
   */
  static final String MASTER_WAIT = "spark.optlab.masterWait";

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    String too = tooOld();
    if (too != null) {
      err.println("optlab: " + too);
      return 2;
    }
    List<String> rest = new ArrayList<>();
    String master = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        rest.addAll(List.of(args).subList(i, args.length));
        break;
      } else if (a.equals("--master") || a.startsWith("--master=")) {
        master = a.startsWith("--master=") ? a.substring(9) : i + 1 < args.length ? args[++i]
            : "";
      } else if (a.equals("--engine") || a.startsWith("--engine=")) {
        String engine = a.startsWith("--engine=") ? a.substring(9) : i + 1 < args.length
            ? args[++i] : "";
        if (!engine.equals("spark")) {
          rest.add("--engine=" + engine); // the core's answer: local, or an error
        }
      } else {
        rest.add(a);
      }
    }
    SparkConf conf = new SparkConf();
    if (master != null && master.isEmpty()) {
      return usage(err, "--master needs a URL: local[4], spark://host:7077, yarn, k8s://...");
    }
    if (master != null) {
      conf.setMaster(master);
    }
    if (!conf.contains("spark.master")) {
      return usage(err, "the Spark engine needs a master: --master local[4], --master "
          + "spark://host:7077 (or spark-submit's --master)");
    }
    String unreachable = unreachable(conf.get("spark.master"),
        (int) (conf.getDouble(MASTER_WAIT, 10) * 1000));
    if (unreachable != null) {
      err.println("optlab: " + unreachable);
      return 1;
    }
    try (SparkSweeps sweeps = new SparkSweeps(conf)) {
      return CommandLine.execute(rest.toArray(String[]::new), out, err,
          engine -> engine.runSweepsOn(sweeps));
    }
  }

  private static int usage(PrintStream err, String message) {
    err.println("optlab: " + message);
    err.println("try 'optlab --help'");
    return 2;
  }

  /** Why this Spark cannot run optlab-spark, or null: it needs Spark 4 (Scala 2.13). */
  static String tooOld() {
    String v;
    try {
      v = org.apache.spark.package$.MODULE$.SPARK_VERSION();
    } catch (LinkageError e) {
      return "optlab-spark needs Spark 4.0 or newer for Scala 2.13, and this Spark does not "
          + "load it (" + e + "); build optlab-spark against your Spark: mvn -B -f "
          + "spark/pom.xml package -Dspark.version=X.Y.Z (docs/spark.md)";
    }
    int major = Integer.parseInt(v.replaceAll("^(\\d+).*", "$1"));
    return major >= 4 ? null : "optlab-spark needs Spark 4.0 or newer, and this is Spark " + v
        + " (docs/spark.md)";
  }

  /**
   * For a standalone master ({@code spark://h1:p1,h2:p2}), why none of its hosts answered
   * within {@code waitMs}; null when one did, or for any other kind of master.
   */
  static String unreachable(String master, int waitMs) {
    if (!master.startsWith("spark://")) {
      return null;
    }
    long deadline = System.nanoTime() + waitMs * 1_000_000L;
    String why = "no host in the URL";
    do {
      for (String hostPort : master.substring(8).split(",")) {
        try {
          URI u = new URI("spark://" + hostPort);
          if (u.getHost() == null || u.getPort() < 0) {
            return "the Spark master URL " + master + " is not spark://HOST:PORT";
          }
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 1000);
            return null;
          }
        } catch (java.net.URISyntaxException e) {
          return "the Spark master URL " + master + " is not spark://HOST:PORT";
        } catch (IOException e) {
          why = e instanceof java.net.UnknownHostException ? "unknown host " + e.getMessage()
              : e.getMessage() == null ? e.getClass().getSimpleName()
              : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    } while (System.nanoTime() < deadline);
    return "cannot reach the Spark master " + master + " (" + why + "; waited "
        + dev.optlab.trace.Numbers.short6(waitMs / 1000.0) + " s): is the master started, and is the URL right? Nothing was run.";
  }
}

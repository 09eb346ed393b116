package dev.optlab.cli;

import dev.optlab.Engine;
import dev.optlab.Output;
import dev.optlab.console.Progress;
import dev.optlab.console.TableOutput;
import dev.optlab.repl.Repl;
import dev.optlab.source.BinaryInput;
import dev.optlab.source.Debug;
import dev.optlab.source.Diagnostic;
import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
import dev.optlab.tensor.Threads;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses the command line and runs batch work; the REPL starts when there is nothing to run. */
public final class CommandLine {
  private CommandLine() {}

  static final String USAGE = """
      usage: optlab                       start the interactive REPL (on a terminal; piped
                                          input runs as a script)
             optlab FILE.opt ...          run scripts in order, in one session
             optlab -e 'STATEMENTS'       run statements given here
             optlab -                     run the script on standard input
             optlab --check FILE.opt ...  parse and check without running
             optlab --format csv FILE.opt print traces as CSV (--format table is the default)
             optlab --threads N ...       threads for tensor kernels (default: OPTLAB_THREADS,
                                          else the processors); results are the same for any N
             optlab --engine spark --master URL FILE.opt
                                          run sweeps' trials on Apache Spark (local[4],
                                          spark://host:7077; the optional module, docs/spark.md)
             optlab --help | --version
      exit status: 0 success, 1 an error in a script, 2 a bad command line
      """;

  /** A script to run: a file's path or an {@code -e} argument's text. */
  private record Input(String name, String text, boolean isFile) {}

  /** What the Spark module's own main says when optlab-spark is missing. */
  public static final String SPARK_BUILD = "the Spark engine is the optional module optlab-spark;"
      + " ./optlab --engine spark builds it on first use, or build it by hand: mvn -B -q install"
      + " -DskipTests && mvn -B -q -f spark/pom.xml package -DskipTests (docs/spark.md)";

  public static int execute(String[] args, PrintStream out, PrintStream err) {
    return execute(args, out, err, engine -> {});
  }

  /**
   * Runs the command line with {@code configure} applied to the session's engine: the Spark
   * module's main ({@code dev.optlab.spark.SparkMain}) sets it to run sweeps on Spark.
   */
  public static int execute(String[] args, PrintStream out, PrintStream err,
      java.util.function.Consumer<Engine> configure) {
    List<Input> inputs = new ArrayList<>();
    boolean check = false;
    boolean csv = false;
    boolean options = true;
    String envThreads = System.getenv("OPTLAB_THREADS");
    if (envThreads != null && Threads.parse(envThreads) == null) {
      return usageError(err, "OPTLAB_THREADS must be a whole number from 1 to 256, got '"
          + envThreads + "'");
    }
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (options && a.equals("--")) {
        options = false;
      } else if (options && (a.equals("--help") || a.equals("-h"))) {
        out.print(USAGE);
        return 0;
      } else if (options && (a.equals("--version") || a.equals("-V"))) {
        out.println("optlab " + version());
        return 0;
      } else if (options && a.equals("--check")) {
        check = true;
      } else if (options && (a.equals("--format") || a.startsWith("--format="))) {
        String format = a.startsWith("--format=") ? a.substring(9) : i + 1 < args.length ? args[++i]
            : null;
        if (!"csv".equals(format) && !"table".equals(format)) {
          return usageError(err, format == null ? "--format needs a value: csv or table"
              : "unknown format '" + format + "': expected csv or table");
        }
        csv = format.equals("csv");
      } else if (options && (a.equals("--threads") || a.startsWith("--threads="))) {
        String value = a.startsWith("--threads=") ? a.substring(10) : i + 1 < args.length
            ? args[++i] : null;
        Integer n = value == null ? null : Threads.parse(value);
        if (n == null) {
          return usageError(err, "--threads needs a whole number from 1 to 256"
              + (value == null ? "" : ", got '" + value + "'"));
        }
        Threads.set(n);
      } else if (options && (a.equals("--engine") || a.startsWith("--engine="))) {
        String value = a.startsWith("--engine=") ? a.substring(9) : i + 1 < args.length
            ? args[++i] : null;
        if ("spark".equals(value)) {
          return usageError(err, SPARK_BUILD);
        }
        if (!"local".equals(value)) {
          return usageError(err, value == null ? "--engine needs a value: local or spark"
              : "unknown engine '" + value + "': expected local or spark");
        }
      } else if (options && a.equals("-e")) {
        if (i + 1 >= args.length) {
          return usageError(err, "-e needs the statements to run");
        }
        inputs.add(new Input("<-e>", args[++i], false));
      } else if (a.equals("-")) {
        inputs.add(new Input("<stdin>", null, false));
      } else if (options && a.startsWith("-") && a.length() > 1) {
        return usageError(err, "unknown option '" + a + "'");
      } else {
        inputs.add(new Input(a, null, true));
      }
    }
    if (inputs.isEmpty()) {
      if (check || csv) {
        return usageError(err, (check ? "--check" : "--format") + " needs a script to work on");
      }
      if (StandardInput.isTerminal()) {
        return Repl.start(out, err);
      }
      // Piped or redirected input is a script: no banner, no prompts, exit 1 on an error.
      inputs.add(new Input("<stdin>", null, false));
    }
    List<Source> sources = new ArrayList<>();
    for (Input in : inputs) {
      if (!in.isFile()) {
        try {
          sources.add(new Source(in.name(), in.text() != null ? in.text()
              : new String(System.in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
          return usageError(err, "cannot read standard input: " + e.getMessage());
        }
        continue;
      }
      try {
        // Malformed UTF-8 decodes to U+FFFD, which the lexer reports as an unexpected character.
        byte[] bytes = Files.readAllBytes(Path.of(in.name()));
        sources.add(new Source(in.name(), new String(bytes, StandardCharsets.UTF_8),
            Path.of(in.name()).toAbsolutePath().normalize().getParent()));
      } catch (NoSuchFileException e) {
        return usageError(err, "cannot read '" + in.name() + "': no such file");
      } catch (IOException | RuntimeException e) {
        return usageError(err, "cannot read '" + in.name() + "': "
            + (Files.isDirectory(Path.of(in.name())) ? "it is a directory" : e.getMessage()));
      }
    }
    for (Source source : sources) {
      Optional<String> binary = BinaryInput.diagnostic(source);
      if (binary.isPresent()) {
        err.print(binary.get());
        return 1;
      }
    }
    // On a terminal, a long run shows a progress line on standard error, erased before anything
    // else is printed (stdout goes through a stream that erases it first) and at the end.
    Progress progress = new Progress(err, StandardInput.errorIsLiveTerminal(), CommandLine::columns);
    PrintStream shown = new PrintStream(new ClearingStream(out, progress), true,
        StandardCharsets.UTF_8);
    try {
      Engine engine = new Engine();
      configure.accept(engine);
      return runAll(engine, sources, check, csv ? new CsvOutput(shown, err)
          : new TableOutput(shown), shown, err, progress);
    } finally {
      progress.end();
    }
  }

  /** The terminal's width, as the shell exports it, else 80. */
  private static int columns() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim());
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  private static int runAll(Engine engine, List<Source> sources, boolean check, Output output,
      PrintStream out, PrintStream err, Progress control) {
    for (Source source : sources) {
      try {
        if (check) {
          int n = engine.check(source, false).size();
          out.println(source.name() + ": ok (" + n + (n == 1 ? " statement)" : " statements)"));
        } else {
          engine.run(source, false, output, control);
        }
      } catch (OptlabError e) {
        out.flush();
        control.end();
        err.print(DiagnosticRenderer.render(e));
        Debug.stackTrace(e.bug(), err);
        return 1;
      } catch (OutOfMemoryError e) {
        out.flush();
        control.end();
        err.println(source.name() + ": error: out of memory; give optlab a larger heap, e.g. "
            + "OPTLAB_HEAP=8g ./optlab ...");
        return 1;
      } catch (RuntimeException | StackOverflowError e) {
        // A bug in optlab, not in the script: no stack trace unless OPTLAB_DEBUG=1 asks for it.
        out.flush();
        control.end();
        err.println(source.name() + ": error: " + Debug.internalError(e));
        Debug.stackTrace(e, err);
        return 1;
      } finally {
        out.flush();
      }
    }
    return 0;
  }

  private static int usageError(PrintStream err, String message) {
    err.println("optlab: " + message);
    err.println("try 'optlab --help'");
    return 2;
  }

  static String version() {
    String v = CommandLine.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }
}

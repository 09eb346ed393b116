package dev.optlab.repl;

import dev.optlab.io.WholeFile;
import dev.optlab.io.WriteErrors;
import dev.optlab.check.Declaration;
import dev.optlab.optim.Optimizers;
import dev.optlab.rules.RuleDef;
import dev.optlab.schedule.Schedules;
import dev.optlab.source.BinaryInput;
import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.Source;
import dev.optlab.source.Suggest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The handlers of the {@link Commands} table. Each returns false only to end the session. */
final class SessionCommands {
  private SessionCommands() {}

  static boolean help(ReplSession s, String topic) {
    if (topic.isEmpty()) {
      s.out().print(Help.overview());
    } else {
      s.out().print(Help.topic(topic, rules(s)).orElseGet(() -> "no help on '" + topic + "'"
          + Suggest.didYouMean(topic, Help.topics()) + " (:help lists the topics)\n"));
    }
    return true;
  }

  /** The session's rules, which {@code :help} describes like built-ins. */
  private static List<RuleDef> rules(ReplSession s) {
    return s.engine().declarations().stream()
        .filter(d -> d instanceof Declaration.Rule)
        .map(d -> ((Declaration.Rule) d).def()).toList();
  }

  static boolean list(ReplSession s, String argument) {
    List<Declaration> all = s.engine().declarations();
    if (all.isEmpty()) {
      s.out().println("nothing declared yet");
    }
    for (Declaration d : all) {
      s.out().println(d.describe());
    }
    return true;
  }

  static boolean show(ReplSession s, String name) {
    PrintStream out = s.out();
    if (name.isEmpty()) {
      out.println("usage: :show NAME");
      return true;
    }
    Declaration d = s.engine().lookup(name);
    if (d == null) {
      boolean builtin = Optimizers.byName(name).isPresent() || Schedules.byName(name).isPresent();
      out.println("'" + name + "' is not declared" + (builtin ? "; it is built in: :help " + name
          : Suggest.didYouMean(name, Commands.names(s.engine().declarations()))));
      return true;
    }
    out.println(d.describe());
    if (d instanceof Declaration.Objective o) {
      out.println("# " + o.kind() + " of " + o.params().size() + " parameter"
          + (o.params().size() == 1 ? "" : "s") + ", starting from " + o.startText());
    }
    return true;
  }

  static boolean load(ReplSession s, String file) {
    if (file.isEmpty()) {
      s.out().println("usage: :load FILE");
      return true;
    }
    Path path = path(s, file, "read");
    if (path == null) {
      return true;
    }
    String text;
    try {
      text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      s.out().println("cannot read '" + file + "': no such file");
      return true;
    } catch (IOException | RuntimeException e) {
      s.out().println("cannot read '" + file + "': " + (Files.isDirectory(path)
          ? "it is a directory" : e.getMessage()));
      return true;
    }
    // its relative paths start in its own directory, as when the script is run (one rule)
    Source source = new Source(file, text, path.toAbsolutePath().normalize().getParent());
    Optional<String> binary = BinaryInput.diagnostic(source);
    if (binary.isPresent()) {
      s.out().print(binary.get());
      return true;
    }
    s.run(source, false); // a script, as batch mode runs it
    return true;
  }

  /** Writes the declarations to a temporary file beside the target, then moves it in place. */
  static boolean save(ReplSession s, String file) {
    if (file.isEmpty()) {
      s.out().println("usage: :save FILE");
      return true;
    }
    Path target = path(s, file, "write");
    if (target == null) {
      return true;
    }
    target = target.toAbsolutePath().normalize();
    // file names are rewritten to start from the saved script's directory (the one rule)
    List<String> declarations = s.engine().declarationHistory(target.getParent());
    StringBuilder script = new StringBuilder("# optlab session: ").append(declarations.size())
        .append(declarations.size() == 1 ? " declaration\n" : " declarations\n");
    for (String d : declarations) {
      script.append(d.strip()).append('\n');
    }
    List<String> runs = s.engine().checkpointRuns(target.getParent());
    if (!runs.isEmpty()) {
      // as comments: loading the script declares, it does not train again; each names a file
      // that `resume "FILE" for N more steps` on the same run goes on from
      script.append("\n# runs of this session that wrote checkpoints; to go on from one, run it "
          + "again with\n# resume \"FILE\" for N more steps (or epochs) in place of its "
          + "checkpoint clause:\n");
      for (String run : runs) {
        script.append("# ").append(run.strip().replace("\n", "\n# ")).append('\n');
      }
    }
    try {
      if (Files.isDirectory(target)) {
        throw new IOException("it is a directory");
      }
      WholeFile.write(target, script.toString().getBytes(StandardCharsets.UTF_8));
      s.out().println("saved " + declarations.size() + " declaration"
          + (declarations.size() == 1 ? "" : "s") + (runs.isEmpty() ? "" : " and the "
          + runs.size() + " checkpoint" + (runs.size() == 1 ? "" : "s") + " of runs") + " to "
          + file);
    } catch (NoSuchFileException e) {
      s.out().println("cannot write '" + file + "': no such directory");
    } catch (IOException | RuntimeException e) {
      s.out().println("cannot write '" + file + "': " + WriteErrors.why(e));
    }
    return true;
  }

  /**
   * The path {@code file} names, or null after saying why it names none (a NUL character, which
   * no file name holds: found by ReplFuzzTest, it escaped as an internal error).
   */
  private static Path path(ReplSession s, String file, String verb) {
    try {
      return s.resolve(file);
    } catch (InvalidPathException e) {
      s.out().println("cannot " + verb + " '" + DiagnosticRenderer.printable(file)
          + "': not a valid path (" + e.getReason() + ")");
      return null;
    }
  }

  static boolean reset(ReplSession s, String argument) {
    int n = s.engine().declarations().size();
    s.engine().reset();
    s.out().println(n == 0 ? "nothing to forget"
        : "forgot " + n + " declaration" + (n == 1 ? "" : "s"));
    return true;
  }

  static boolean history(ReplSession s, String argument) {
    List<String> entries = s.history();
    int width = Integer.toString(entries.size()).length();
    for (int i = 0; i < entries.size(); i++) {
      String[] lines = entries.get(i).split("\n", -1);
      s.out().printf("%" + width + "d  %s%n", i + 1, lines[0]);
      for (int j = 1; j < lines.length; j++) {
        s.out().println(" ".repeat(width + 2) + lines[j]);
      }
    }
    return true;
  }

  static boolean time(ReplSession s, String statement) {
    if (statement.isEmpty() || statement.startsWith(":")) {
      s.out().println("usage: :time STATEMENT");
      return true;
    }
    long start = System.nanoTime();
    s.run(new Source(ReplSession.SOURCE_NAME, statement, s.workingDirectory()), true);
    s.out().println("time: " + duration(System.nanoTime() - start));
    return true;
  }

  static String duration(long nanos) {
    double ms = nanos / 1e6;
    return ms < 1000 ? String.format("%.1f ms", ms) : String.format("%.2f s", ms / 1000);
  }
}

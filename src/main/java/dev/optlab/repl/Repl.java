package dev.optlab.repl;

import dev.optlab.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The interactive REPL: a JLine line reader in front of a {@link ReplSession}. JLine asks the
 * engine whether input is complete ({@link InputParser}), completes ({@link LanguageCompleter})
 * and colours ({@link SyntaxHighlighter}) what is typed; Ctrl-C during a run asks the engine's
 * run control to stop, at the prompt it clears the line; Ctrl-D ends the session.
 */
public final class Repl {
  private Repl() {}

  static final String PROMPT = "optlab> ";

  /**
   * What the environment decides.
   *
   * @param historyFile where history persists, or null for none
   * @param color whether to colour (false under {@code NO_COLOR})
   * @param workingDirectory where {@code :load} and {@code :save} paths start
   */
  record Settings(Path historyFile, boolean color, Path workingDirectory) {
    static Settings fromEnvironment(Map<String, String> env) {
      String state = env.get("XDG_STATE_HOME");
      Path base = state != null && !state.isEmpty() && Path.of(state).isAbsolute() ? Path.of(state)
          : env.get("HOME") != null ? Path.of(env.get("HOME"), ".local", "state") : null;
      String noColor = env.get("NO_COLOR");
      return new Settings(base == null ? null : base.resolve("optlab").resolve("history"),
          noColor == null || noColor.isEmpty(), Path.of("").toAbsolutePath());
    }
  }

  /** Runs the REPL on the process's terminal; the command line calls this with no arguments. */
  public static int start(PrintStream out, PrintStream err) {
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().system(true).name("optlab").dumb(true).build();
    } catch (IOException | RuntimeException e) {
      err.println("optlab: cannot open the terminal: " + e.getMessage());
      return 2;
    }
    try (terminal) {
      return run(terminal, Settings.fromEnvironment(System.getenv()));
    } catch (IOException e) {
      return 0; // closing the terminal failed; the session itself is over
    }
  }

  /** Runs a session on {@code terminal} until {@code :quit} or Ctrl-D; returns the exit status. */
  static int run(Terminal terminal, Settings settings) {
    boolean dumb = terminal instanceof DumbTerminal || terminal.getType().startsWith("dumb");
    boolean color = settings.color() && !dumb;
    Engine engine = new Engine();
    PrintStream out = new PrintStream(terminal.output(), true, terminal.encoding());
    Progress progress = new Progress(out, !dumb, terminal::getColumns);
    ReplOutput output = new ReplOutput(out, progress);
    LineReader reader = reader(terminal, engine, settings, color);
    History history = reader.getHistory();
    int firstOfSession = history.isEmpty() ? history.first() : history.last() + 1;
    ReplSession session = new ReplSession(engine, output, progress, settings.workingDirectory(),
        () -> sessionHistory(history, firstOfSession));
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT,
        signal -> progress.requestStop());
    String prompt = color ? new AttributedString(PROMPT, AttributedStyle.BOLD).toAnsi(terminal)
        : PROMPT;
    try {
      out.println("optlab " + version() + ": :help for help, Tab completes, Ctrl-D quits");
      while (true) {
        String line;
        try {
          line = reader.readLine(prompt);
        } catch (UserInterruptException e) {
          continue; // Ctrl-C at the prompt: the line is dropped
        } catch (EndOfFileException e) {
          out.println();
          break;
        }
        if (!session.eval(line)) {
          break;
        }
      }
    } catch (RuntimeException | java.io.IOError e) {
      session.internalError(e); // the terminal itself failed; end cleanly
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      try {
        history.save();
      } catch (IOException | RuntimeException e) {
        // history is a convenience; losing it is not worth an error at exit
      }
      out.flush();
    }
    return 0;
  }

  private static LineReader reader(Terminal terminal, Engine engine, Settings settings,
      boolean color) {
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("optlab")
        .parser(new InputParser(engine::isIncomplete))
        .completer(new LanguageCompleter(engine, settings.workingDirectory()))
        .highlighter(color ? new SyntaxHighlighter(name -> engine.lookup(name) != null)
            : (r, buffer) -> new AttributedString(buffer))
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ...> ")
        .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .option(LineReader.Option.INSERT_TAB, false);
    if (settings.historyFile() != null) {
      try {
        Files.createDirectories(settings.historyFile().getParent());
        builder.variable(LineReader.HISTORY_FILE, settings.historyFile());
      } catch (IOException | RuntimeException e) {
        // no persistent history then; the session works the same
      }
    }
    if (!color) {
      for (String style : List.of(LineReader.COMPLETION_STYLE_STARTING,
          LineReader.COMPLETION_STYLE_DESCRIPTION, LineReader.COMPLETION_STYLE_GROUP,
          LineReader.COMPLETION_STYLE_SELECTION, LineReader.COMPLETION_STYLE_BACKGROUND,
          LineReader.COMPLETION_STYLE_LIST_STARTING, LineReader.COMPLETION_STYLE_LIST_DESCRIPTION,
          LineReader.COMPLETION_STYLE_LIST_GROUP, LineReader.COMPLETION_STYLE_LIST_SELECTION,
          LineReader.COMPLETION_STYLE_LIST_BACKGROUND)) {
        builder.variable(style, "");
      }
    }
    LineReader reader = builder.build();
    if (color) {
      reader.setAutosuggestion(LineReader.SuggestionType.HISTORY);
    }
    return reader;
  }

  private static List<String> sessionHistory(History history, int first) {
    List<String> out = new ArrayList<>();
    for (History.Entry e : history) {
      if (e.index() >= first) {
        out.add(e.line());
      }
    }
    return out;
  }

  static String version() {
    String v = Repl.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }
}

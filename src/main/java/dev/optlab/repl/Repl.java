package dev.optlab.repl;

import dev.optlab.console.Progress;
import dev.optlab.Engine;
import dev.optlab.plot.TerminalStyle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.AbstractUnixSysTerminal;
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

  /** Held so that its level stays set: loggers are only weakly referenced. */
  private static final java.util.logging.Logger JLINE_LOG =
      java.util.logging.Logger.getLogger("org.jline");

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
    // JLine logs what it works around (an unreadable history file) with stack traces; the REPL
    // says such things itself, in one line.
    JLINE_LOG.setLevel(java.util.logging.Level.OFF);
    Terminal built;
    try {
      built = TerminalBuilder.builder().system(true).name("optlab").dumb(true).build();
    } catch (IOException | RuntimeException e) {
      err.println("optlab: cannot open the terminal: " + e.getMessage());
      return 2;
    }
    // a paste arrives in chunks, not byte by byte (JLine's own reader hands over single bytes)
    Terminal terminal = built instanceof AbstractUnixSysTerminal ? BulkInput.wrap(built) : built;
    try (terminal) {
      return run(terminal, Settings.fromEnvironment(System.getenv()));
    } catch (IOException e) {
      return 0; // closing the terminal failed; the session itself is over
    } catch (RuntimeException | java.io.IOError e) {
      err.println("optlab: internal error in the REPL: " + e); // never a stack trace
      return 1;
    }
  }

  /** Runs a session on {@code terminal} until {@code :quit} or Ctrl-D; returns the exit status. */
  static int run(Terminal terminal, Settings settings) {
    String type = terminal.getType();
    boolean dumb = terminal instanceof DumbTerminal || type == null || type.startsWith("dumb");
    boolean color = settings.color() && !dumb;
    Engine engine = new Engine();
    PrintStream out = new PrintStream(terminal.output(), true, terminal.encoding());
    Progress progress = new Progress(out, !dumb, terminal::getColumns);
    ReplOutput output = new ReplOutput(out, progress, () -> plotStyle(terminal, color));
    LineReader reader = ReaderSetup.reader(terminal, engine, settings, color);
    out.println("optlab " + version() + ": :help for help, Tab completes, Ctrl-D quits");
    ReaderSetup.loadHistory(reader, out);
    History history = reader.getHistory();
    int firstOfSession = history.isEmpty() ? history.first() : history.last() + 1;
    ReplSession session = new ReplSession(engine, output, progress, settings.workingDirectory(),
        () -> sessionHistory(history, firstOfSession));
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT,
        signal -> progress.requestStop());
    // While a statement runs the terminal is in cooked mode, where Ctrl-C would echo "^C" into
    // the table; the "interrupted" line says it instead. readLine restores this state each time.
    Attributes original = terminal.getAttributes();
    if (!dumb) {
      Attributes quiet = new Attributes(original);
      quiet.setLocalFlag(Attributes.LocalFlag.ECHOCTL, false);
      terminal.setAttributes(quiet);
    }
    String prompt = color ? new AttributedString(PROMPT, AttributedStyle.BOLD).toAnsi(terminal)
        : PROMPT;
    try {
      int failures = 0;
      while (true) {
        String line;
        try {
          line = reader.readLine(prompt);
          failures = 0;
        } catch (UserInterruptException e) {
          continue; // Ctrl-C at the prompt: the line is dropped
        } catch (EndOfFileException e) {
          out.println();
          break;
        } catch (RuntimeException e) {
          // JLine failed on something it does for us; go on, unless the terminal itself is gone
          session.internalError(e);
          if (++failures < 3) {
            continue;
          }
          break;
        }
        if (!session.eval(line)) {
          break;
        }
      }
    } catch (java.io.IOError e) {
      session.internalError(e); // the terminal itself failed; end cleanly
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      terminal.setAttributes(original);
      try {
        history.save();
      } catch (IOException | RuntimeException e) {
        // history is a convenience; losing it is not worth an error at exit
      }
      out.flush();
    }
    return 0;
  }

  /** Plots as wide as the terminal (up to 160), braille and colour where colour is on. */
  private static TerminalStyle plotStyle(Terminal terminal, boolean color) {
    Size size = terminal.getSize();
    int width = size.getColumns() > 0 ? Math.min(160, size.getColumns())
        : TerminalStyle.DEFAULT_WIDTH;
    int height = size.getRows() > 4 ? Math.min(TerminalStyle.DEFAULT_HEIGHT, size.getRows() - 4)
        : TerminalStyle.DEFAULT_HEIGHT;
    boolean fancy = color && StandardCharsets.UTF_8.equals(terminal.encoding());
    return new TerminalStyle(width, height, fancy, fancy);
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

package dev.optlab.repl;

import dev.optlab.Engine;
import dev.optlab.console.Progress;
import dev.optlab.source.Debug;
import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * One REPL session: the engine with everything declared so far, and what happens to each
 * submitted input. Statements go to the engine exactly as batch mode sends them (the REPL never
 * interprets a statement itself); {@code :} commands go to the {@link Commands} table. Nothing a
 * user types ends the session or shows a Java stack trace: language errors render as in batch,
 * and anything unexpected becomes a one-line internal error.
 */
final class ReplSession {
  static final String SOURCE_NAME = "<repl>";

  private final Engine engine;
  private final ReplOutput output;
  private final Progress control;
  private final Path workingDirectory;
  private final Supplier<List<String>> history;

  /**
   * @param workingDirectory where relative paths of {@code :load} and {@code :save} start
   * @param history the inputs of this session so far, for {@code :history}
   */
  ReplSession(Engine engine, ReplOutput output, Progress control, Path workingDirectory,
      Supplier<List<String>> history) {
    this.engine = engine;
    this.output = output;
    this.control = control;
    this.workingDirectory = workingDirectory;
    this.history = history;
  }

  Engine engine() {
    return engine;
  }

  Progress control() {
    return control;
  }

  /** Where commands print; erases the progress line first. */
  PrintStream out() {
    return output.out();
  }

  Path resolve(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), path.substring(1).replaceFirst("^/", ""));
    }
    return workingDirectory.resolve(path);
  }

  Path workingDirectory() {
    return workingDirectory;
  }

  List<String> history() {
    return history.get();
  }

  /** Evaluates one submitted input; returns false when the session should end. */
  boolean eval(String input) {
    try {
      if (input.isBlank()) {
        return true;
      }
      if (input.stripLeading().startsWith(":")) {
        return Commands.execute(this, input);
      }
      // Trailing blank lines (a blank line submits) would put "end of input" on an empty line.
      run(new Source(SOURCE_NAME, input.stripTrailing(), workingDirectory), true);
      return true;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      internalError(e);
      return true;
    } finally {
      control.end();
      output.out().flush();
    }
  }

  /**
   * Runs source text in the session: a REPL input ({@code repl}: bare expressions print) or a
   * script being loaded. Errors are rendered; declarations made before a run-time error stay.
   */
  void run(Source source, boolean repl) {
    control.begin();
    try {
      engine.run(source, repl, output, control);
    } catch (OptlabError e) {
      output.error(DiagnosticRenderer.render(e));
      Debug.stackTrace(e.bug(), output.out());
    } finally {
      control.end();
    }
  }

  void internalError(Throwable e) {
    output.error(Debug.internalError(e) + "; the session goes on\n");
    Debug.stackTrace(e, output.out());
  }
}

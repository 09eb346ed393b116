package dev.optlab.repl;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.terminal.Attributes;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Runs REPL sessions through JLine's dumb terminal with scripted input, the way a person's keys
 * would arrive, and returns what the terminal showed. A dumb terminal does not echo what is
 * typed, so a transcript reads {@code optlab> } followed directly by the REPL's answer.
 * Durations, which differ from run to run, are replaced by {@code TIME}.
 */
final class ReplDriver {
  private ReplDriver() {}

  static final String BANNER = "optlab (development build): :help for help, Tab completes,"
      + " Ctrl-D quits\n";

  /** A session fed {@code input}, ending at the end of input; what it printed, normalized. */
  static String session(String input) {
    return session(input, settings(Path.of("").toAbsolutePath()));
  }

  static String session(String input, Repl.Settings settings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DumbTerminal terminal = terminal(new ByteArrayInputStream(input.getBytes(UTF_8)), out);
    Repl.run(terminal, settings);
    return normalize(out.toString(UTF_8));
  }

  static Repl.Settings settings(Path workingDirectory) {
    return new Repl.Settings(null, false, workingDirectory);
  }

  /** A dumb terminal with the control characters a real one has (Ctrl-D ends input). */
  static DumbTerminal terminal(InputStream in, ByteArrayOutputStream out) {
    try {
      DumbTerminal terminal = new DumbTerminal("test", "dumb", in, out, UTF_8);
      Attributes a = terminal.getAttributes();
      a.setLocalFlag(Attributes.LocalFlag.ISIG, true);
      a.setControlChar(Attributes.ControlChar.VINTR, 3);
      a.setControlChar(Attributes.ControlChar.VEOF, 4);
      terminal.setAttributes(a);
      return terminal;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the session answered to its last input (between the last two prompts). */
  static String lastAnswer(String output) {
    int end = output.lastIndexOf(Repl.PROMPT);
    int start = output.lastIndexOf(Repl.PROMPT, end - 1);
    return output.substring(start + Repl.PROMPT.length(), end);
  }

  static String normalize(String output) {
    return output.replaceAll("\\(\\d+(\\.\\d+)? m?s\\)", "(TIME)")
        .replaceAll("time: \\d+(\\.\\d+)? m?s", "time: TIME");
  }
}

package dev.optlab.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.optlab.Engine;
import dev.optlab.console.Progress;
import dev.optlab.data.HeapCheck;
import dev.optlab.fuzz.FuzzHarness;
import dev.optlab.plot.TerminalStyle;
import dev.optlab.source.Source;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of a REPL session without a terminal: the input's lines are typed one
 * after another into one {@link ReplSession}, grouped into submissions the way Enter groups them
 * ({@link InputParser#needsMore}), {@code :} commands included, declarations carrying over. Each
 * submission ends in under 2 s and the session goes on: no internal error, Java exception or
 * out-of-memory shown, no file left in the working directory (the session's directory is a
 * sandbox). Submissions too long to run honestly, and {@code :load}/{@code :save} of a path
 * outside the sandbox, are skipped ({@link FuzzHarness}, "The caps").
 */
class ReplFuzzTest {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "fuzz-deadline");
        t.setDaemon(true);
        return t;
      });

  private static final Pattern INTERNAL = Pattern.compile("internal error: ");
  /** A diagnostic's caret line under the quoted source: spaces, then {@code ^~~}. */
  private static final Pattern CARET = Pattern.compile(" *\\^~*");
  /** A qualified Java exception name or a stack frame. */
  private static final Pattern JAVA_TRACE = Pattern.compile(
      "\\b(java|javax|jdk|dev\\.optlab|org)(\\.\\w+)+(Exception|Error)\\b|(?m)^\\s+at [\\w.$]+\\(");

  @FuzzTest(maxDuration = "30s")
  void statementsTypedOneAfterAnotherNeverBreakTheSession(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Set<String> before = FuzzHarness.workingDirectory();
    Path sandbox = FuzzHarness.sandbox();
    try {
      ByteArrayOutputStream shown = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(shown, true, StandardCharsets.UTF_8);
      Engine engine = new Engine();
      Progress progress = new Progress(out, false, () -> 80);
      ReplOutput output = new ReplOutput(out, progress, () -> new TerminalStyle(80, 24, true, false));
      List<String> typed = new ArrayList<>();
      ReplSession session = new ReplSession(engine, output, progress, sandbox, () -> typed);
      InputParser enter = new InputParser(engine::isIncomplete);
      for (String submission : submissions(text, enter)) {
        if (!affordable(session, submission, sandbox)) {
          continue;
        }
        typed.add(submission);
        shown.reset();
        long start = System.nanoTime();
        var stop = TIMER.scheduleAtFixedRate(progress::requestStop, 1000, 50,
            TimeUnit.MILLISECONDS);
        boolean goesOn;
        try {
          goesOn = session.eval(submission);
        } finally {
          stop.cancel(false);
        }
        String answer = shown.toString(StandardCharsets.UTF_8);
        assertFalse(internalError(answer), submission + "\n=> " + answer);
        assertFalse(answer.contains(HeapCheck.outOfMemory()), submission + "\n=> " + answer);
        assertFalse(JAVA_TRACE.matcher(answer).find(), submission + "\n=> " + answer);
        FuzzHarness.assertClean(start, before);
        if (!goesOn) {
          break; // :quit
        }
      }
    } finally {
      FuzzHarness.delete(sandbox);
    }
  }

  @org.junit.jupiter.api.Test
  void anInternalErrorIsFoundAndAQuoteOfTypedTextIsNot() {
    org.junit.jupiter.api.Assertions.assertTrue(internalError(
        "internal error: IllegalStateException: x (a bug in optlab: please report it)\n"));
    assertFalse(internalError("<repl>:1:10: error: expected end of input, found 'error'\n"
        + "internal error: data d\n         ^~~~~\n"));
  }

  /**
   * Whether the answer reports an internal error: a line starting {@code internal error: } that
   * is not a diagnostic's quote of the typed line (which the caret line follows: typed text may
   * itself start with those words, as a campaign found).
   */
  static boolean internalError(String answer) {
    String[] lines = answer.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      boolean quoted = i + 1 < lines.length && CARET.matcher(lines[i + 1]).matches();
      if (INTERNAL.matcher(lines[i]).lookingAt() && !quoted) {
        return true;
      }
    }
    return false;
  }

  /** The inputs Enter would submit: lines joined while the statement is unfinished. */
  static List<String> submissions(String text, InputParser enter) {
    List<String> all = new ArrayList<>();
    String pending = null;
    for (String line : text.split("\n", -1)) {
      pending = pending == null ? line : pending + "\n" + line;
      if (!enter.needsMore(pending)) {
        all.add(pending);
        pending = null;
      }
    }
    if (pending != null) {
      all.add(pending); // end of input submits what is there
    }
    return all;
  }

  /**
   * Whether running {@code submission} stays within the caps and the sandbox; checked on a copy
   * of the session's declarations (checking declares nothing).
   */
  private static boolean affordable(ReplSession session, String submission, Path sandbox) {
    String statement = submission;
    String s = submission.strip();
    if (s.startsWith(":")) {
      String word = s.split("\\s+", 2)[0];
      String argument = s.substring(word.length()).strip();
      List<Commands.Command> found = Commands.matching(word);
      String name = found.size() == 1 ? found.get(0).name() : "";
      if (name.equals(":load") || name.equals(":save")) {
        return !argument.contains("/") && !argument.contains("\\") && !argument.startsWith("~");
      }
      if (!name.equals(":time")) {
        return true;
      }
      statement = argument;
    }
    try {
      return FuzzHarness.runnable(session.engine().check(
          new Source(ReplSession.SOURCE_NAME, statement.stripTrailing(), sandbox), true), sandbox);
    } catch (RuntimeException | StackOverflowError e) {
      return true; // the session must show this error itself
    }
  }
}

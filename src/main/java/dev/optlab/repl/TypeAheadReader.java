package dev.optlab.repl;

import java.io.IOError;
import java.util.Map;
import org.jline.reader.MaskingCallback;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/**
 * JLine's line reader, except that it does not redraw the line while more typed input is already
 * waiting (type-ahead, as zsh and readline do). JLine redraws after every key, and a redraw costs
 * the whole line: a 100 KB line pasted without bracketed paste arrives as 100,000 keys, and took
 * over 300 s to echo (4.7 KB took 5 s). Skipping the redraws it would overwrite at once makes a
 * paste cost one redraw at its end. The final redraw when a line is accepted is JLine's own
 * ({@code cleanup}), which this does not skip, so an accepted line always shows whole.
 */
final class TypeAheadReader extends LineReaderImpl {
  /** The thread in {@link #readLine}: only its redraws are skipped, since only it reads keys. */
  private volatile Thread reading;
  /** Whether this line's first redraw (the prompt) happened: that one is never skipped. */
  private boolean promptShown;

  TypeAheadReader(Terminal terminal, String appName, Map<String, Object> variables) {
    super(terminal, appName, variables);
  }

  @Override
  public String readLine(String prompt, String rightPrompt, MaskingCallback maskingCallback,
      String buffer) {
    reading = Thread.currentThread();
    promptShown = false;
    try {
      return super.readLine(prompt, rightPrompt, maskingCallback, buffer);
    } finally {
      reading = null;
    }
  }

  @Override
  public boolean redisplay() {
    if (Thread.currentThread() == reading && promptShown && inputWaiting()) {
      return true; // the next key's redraw shows this one's change too
    }
    promptShown |= Thread.currentThread() == reading;
    return super.redisplay();
  }

  /** Whether a key is already waiting; waits a moment for one (longer behind a long line). */
  private boolean inputWaiting() {
    try {
      // a long line's redraw costs tens of ms: waiting a little longer for the paste's next
      // chunk is cheaper, and a person types slower than that
      return bindingReader.peekCharacter(buf.length() > 2000 ? 25 : 1) >= 0;
    } catch (IOError | RuntimeException e) {
      return false; // let the redraw run and meet the failure as it would have
    }
  }
}

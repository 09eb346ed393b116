package dev.optlab.repl;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlocking;
import org.jline.utils.NonBlockingReader;

/**
 * The terminal's keyboard, read in whole chunks. JLine's system terminal hands its line reader one
 * byte at a time through a helper thread (two thread switches per byte, ~25 µs here), so a 100 KB
 * paste took 2.5 s to arrive even with nothing redrawn. This reader takes what the terminal has in
 * one {@code read} of up to 8 KB and hands it out from memory.
 *
 * <p>It reads the process's standard input itself, so it must be the only reader of it: {@link
 * #wrap} gives JLine a terminal whose {@code reader()} and {@code input()} are this one, and every
 * other call goes to the real terminal. Signal characters are raised as JLine's own stream does
 * when the terminal does not turn them into signals itself (ISIG off).
 */
final class BulkInput extends NonBlockingReader {
  private final Terminal terminal;
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final StringBuilder pending = new StringBuilder();
  private int next; // index of the first unread char in pending
  private boolean eof;
  private IOException failure;
  private Thread pump;

  private BulkInput(Terminal terminal, InputStream in) {
    this.terminal = terminal;
    this.in = in;
    this.decoder = terminal.inputEncoding().newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  /** {@code terminal} with its keyboard read by a {@link BulkInput} on standard input. */
  static Terminal wrap(Terminal terminal) {
    BulkInput reader = new BulkInput(terminal, new FileInputStream(FileDescriptor.in));
    InputStream input = NonBlocking.nonBlockingStream(reader, terminal.inputEncoding());
    return (Terminal) Proxy.newProxyInstance(Terminal.class.getClassLoader(),
        new Class<?>[] {Terminal.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "reader": if (method.getParameterCount() == 0) return reader; break;
            case "input": if (method.getParameterCount() == 0) return input; break;
            default: break;
          }
          try {
            return method.invoke(terminal, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  protected synchronized int read(long timeout, boolean isPeek) throws IOException {
    if (!awaitInput(timeout)) {
      return READ_EXPIRED;
    }
    if (next == pending.length()) {
      return EOF;
    }
    char c = pending.charAt(next);
    if (!isPeek) {
      consumed(1);
    }
    return c;
  }

  @Override
  public synchronized int readBuffered(char[] b, int off, int len, long timeout)
      throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!awaitInput(timeout)) {
      return READ_EXPIRED;
    }
    int n = Math.min(len, pending.length() - next);
    if (n == 0) {
      return EOF;
    }
    pending.getChars(next, next + n, b, off);
    consumed(n);
    return n;
  }

  @Override
  public synchronized int available() {
    return pending.length() - next;
  }

  @Override
  public void close() {
    // the pump is a daemon blocked in read(); it ends with the process, as JLine's does
  }

  /** Waits until a char is there or the stream ended (true), or the timeout passed (false). */
  private boolean awaitInput(long timeout) throws IOException {
    startPump();
    long deadline = timeout > 0 ? System.nanoTime() + timeout * 1_000_000 : Long.MAX_VALUE;
    while (next == pending.length() && !eof && failure == null) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        wait(timeout > 0 ? Math.max(1, left / 1_000_000) : 0);
      } catch (InterruptedException e) {
        // JLine interrupts the reading thread on Ctrl-C and expects this exception
        throw new InterruptedIOException("interrupted while reading the terminal");
      }
    }
    if (next == pending.length() && failure != null) {
      throw failure;
    }
    return true;
  }

  private void consumed(int n) {
    next += n;
    if (next == pending.length()) {
      pending.setLength(0);
      next = 0;
    }
  }

  private void startPump() {
    if (pump == null) {
      pump = new Thread(this::pumpLoop, "optlab keyboard");
      pump.setDaemon(true);
      pump.start();
    }
  }

  private void pumpLoop() {
    byte[] bytes = new byte[8192];
    ByteBuffer undecoded = ByteBuffer.allocate(bytes.length + 8);
    CharBuffer chars = CharBuffer.allocate(bytes.length + 8);
    try {
      while (true) {
        int n = in.read(bytes);
        if (n < 0) {
          break;
        }
        raiseSignals(bytes, n);
        undecoded.put(bytes, 0, n).flip();
        decoder.decode(undecoded, chars, false);
        undecoded.compact(); // keeps a UTF-8 sequence split across reads for the next one
        chars.flip();
        synchronized (this) {
          pending.append(chars);
          notifyAll();
        }
        chars.clear();
      }
    } catch (IOException e) {
      synchronized (this) {
        failure = e;
      }
    }
    synchronized (this) {
      eof = true;
      notifyAll();
    }
  }

  /** What JLine's stream does in raw mode without ISIG: Ctrl-C still raises INT, and so on. */
  private void raiseSignals(byte[] bytes, int n) {
    Attributes attributes;
    try {
      attributes = terminal.getAttributes();
    } catch (RuntimeException e) {
      return;
    }
    if (attributes.getLocalFlag(Attributes.LocalFlag.ISIG)) {
      return; // the terminal raises the signals itself
    }
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == attributes.getControlChar(Attributes.ControlChar.VINTR)) {
        terminal.raise(Terminal.Signal.INT);
      } else if (b == attributes.getControlChar(Attributes.ControlChar.VQUIT)) {
        terminal.raise(Terminal.Signal.QUIT);
      } else if (b == attributes.getControlChar(Attributes.ControlChar.VSUSP)) {
        terminal.raise(Terminal.Signal.TSTP);
      }
    }
  }
}

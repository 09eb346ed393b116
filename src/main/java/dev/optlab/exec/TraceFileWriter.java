package dev.optlab.exec;

import dev.optlab.io.WholeFile;
import dev.optlab.trace.Csv;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code trace "FILE.csv"}: every step of a run, written to a temporary file beside the target
 * and moved into place only when the run has ended, so the file is whole or not there at all.
 *
 * <p>It is written once per step, a million times for a million-step run, so a row goes from
 * numbers to bytes with no per-row objects: the numbers are formatted into one reused {@link
 * StringBuilder} (ASCII), copied into a byte buffer, and the run's name is encoded once.
 */
final class TraceFileWriter implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 16];
  private int used;
  private final StringBuilder line = new StringBuilder(256);
  /** The run whose name {@link #runField} holds, compared by identity: it is one string a run. */
  private String run;
  private byte[] runField;
  private boolean committed;

  TraceFileWriter(Path target, List<String> params) throws IOException {
    this.target = target;
    this.temp = WholeFile.temporaryBeside(target);
    this.out = Files.newOutputStream(temp);
    put((Csv.header(params) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  void write(String run, long step, double lr, double loss, double gradNorm, double[] params)
      throws IOException {
    if (run != this.run) {
      this.run = run;
      this.runField = Csv.field(run).getBytes(StandardCharsets.UTF_8);
    }
    StringBuilder sb = line;
    sb.setLength(0);
    Csv.appendValues(sb, step, lr, loss, gradNorm, params, null);
    int n = sb.length();
    if (buffer.length - used < runField.length + n) {
      flush();
      if (buffer.length < runField.length + n) { // a row of thousands of parameters
        put(runField);
        put(sb.toString().getBytes(StandardCharsets.US_ASCII));
        return;
      }
    }
    byte[] b = buffer;
    int u = used;
    System.arraycopy(runField, 0, b, u, runField.length);
    u += runField.length;
    for (int i = 0; i < n; i++) {
      b[u++] = (byte) sb.charAt(i); // digits, signs, '.', 'e', ',', "nan", "inf": all ASCII
    }
    used = u;
  }

  private void put(byte[] bytes) throws IOException {
    if (buffer.length - used < bytes.length) {
      flush();
      if (buffer.length < bytes.length) {
        out.write(bytes);
        return;
      }
    }
    System.arraycopy(bytes, 0, buffer, used, bytes.length);
    used += bytes.length;
  }

  private void flush() throws IOException {
    out.write(buffer, 0, used);
    used = 0;
  }

  /** Moves the finished file into place. */
  void commit() throws IOException {
    flush();
    out.close();
    WholeFile.publish(temp, target);
    committed = true;
  }

  /** Removes the temporary file unless the trace was committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        out.close();
      } catch (IOException ignored) {
        // The file is being thrown away; there is nothing left to save.
      }
      try {
        WholeFile.discard(temp);
      } catch (IOException ignored) {
        // A leftover hidden .part file is harmless and names itself.
      }
    }
  }
}

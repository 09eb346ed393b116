package dev.optlab.exec;

import dev.optlab.trace.Csv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code trace "FILE.csv"}: every step of a run, written to a temporary file beside the target
 * and moved into place only when the run has ended, so the file is whole or not there at all.
 */
final class TraceFileWriter implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final BufferedWriter out;
  private final StringBuilder line = new StringBuilder(128);
  private boolean committed;

  TraceFileWriter(Path target, List<String> params) throws IOException {
    this.target = target;
    this.temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
    out.write(Csv.header(params));
    out.write('\n');
  }

  void write(String run, long step, double lr, double loss, double gradNorm, double[] params)
      throws IOException {
    line.setLength(0);
    Csv.appendRow(line, run, step, lr, loss, gradNorm, params, null);
    out.append(line);
  }

  /** Moves the finished file into place. */
  void commit() throws IOException {
    out.close();
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
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
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // A leftover hidden .part file is harmless and names itself.
      }
    }
  }
}

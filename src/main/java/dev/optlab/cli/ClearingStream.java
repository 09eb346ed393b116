package dev.optlab.cli;

import dev.optlab.console.Progress;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Standard output that first erases the progress line on the terminal, so the two never mix. */
final class ClearingStream extends FilterOutputStream {
  private final Progress progress;

  ClearingStream(OutputStream out, Progress progress) {
    super(out);
    this.progress = progress;
  }

  @Override
  public void write(int b) throws IOException {
    progress.restart();
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    progress.restart();
    out.write(b, off, len);
  }
}

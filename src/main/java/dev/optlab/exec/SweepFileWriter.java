package dev.optlab.exec;

import dev.optlab.io.WriteErrors;
import dev.optlab.plan.SweepCsv;
import dev.optlab.plan.SweepPlan;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The sweep's file, written as trials finish: the header first, then each row in one write, so
 * a sweep killed at any moment leaves a CSV of whole rows. A resumed sweep appends to the file
 * it read, after cutting a last row a killed sweep left without its newline.
 */
final class SweepFileWriter implements AutoCloseable {
  private final Source source;
  private final SweepPlan plan;
  private final FileChannel channel;

  private SweepFileWriter(Source source, SweepPlan plan, FileChannel channel) {
    this.source = source;
    this.plan = plan;
    this.channel = channel;
  }

  static SweepFileWriter open(Source source, SweepPlan plan) {
    SweepFileWriter w = null;
    try {
      FileChannel ch = FileChannel.open(plan.file().path(), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.READ);
      w = new SweepFileWriter(source, plan, ch);
      // resume: the checker read the file and found this sweep's header (or nothing yet)
      ch.truncate(plan.file().resume() ? lastLineEnd(ch) : 0);
      ch.position(ch.size());
      if (ch.size() == 0) {
        w.append(SweepCsv.header(plan));
      }
      return w;
    } catch (IOException e) {
      if (w != null) {
        w.closeQuietly();
      }
      throw error(source, plan, e);
    }
  }

  /** The size of the file up to its last newline: a row without one is cut. */
  private static long lastLineEnd(FileChannel ch) throws IOException {
    long size = ch.size();
    ByteBuffer one = ByteBuffer.allocate(1);
    for (long at = size - 1; at >= 0; at--) {
      one.clear();
      ch.read(one, at);
      if (one.get(0) == '\n') {
        return at + 1;
      }
    }
    return 0;
  }

  void append(List<String> fields) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(SweepCsv.line(fields).getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  OptlabError error(IOException e) {
    return error(source, plan, e);
  }

  private static OptlabError error(Source source, SweepPlan plan, IOException e) {
    return new OptlabError(source, plan.file().span(), "cannot write sweep file \""
        + plan.file().written() + "\": " + WriteErrors.why(e));
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  void closeQuietly() {
    try {
      channel.close();
    } catch (IOException e) {
      // closing after a failure that is already being reported
    }
  }
}

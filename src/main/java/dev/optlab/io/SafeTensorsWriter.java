package dev.optlab.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.optlab.io.SafeTensors.Tensor;
import java.util.Map;

/**
 * Writes {@link SafeTensors} files: the header with each tensor's dtype ({@code F64} or {@code
 * F32}), shape and byte range, padded so the data starts 8-byte aligned, then the data.
 */
final class SafeTensorsWriter {
  private SafeTensorsWriter() {}

  /** Writes the tensors, in the order given, whole or not at all ({@link WholeFile}). */
  static void write(Path target, Map<String, String> metadata,
      Map<String, Tensor> tensors) throws IOException {
    Path temp = WholeFile.temporaryBeside(target);
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        write(out, metadata, tensors);
      }
      WholeFile.publish(temp, target);
    } finally {
      WholeFile.discard(temp);
    }
  }

  /** The file's bytes to {@code out}. */
  static void write(OutputStream out, Map<String, String> metadata,
      Map<String, Tensor> tensors) throws IOException {
    StringBuilder h = new StringBuilder("{\"__metadata__\":{");
    String sep = "";
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      h.append(sep).append(HeaderJson.quote(e.getKey())).append(':')
          .append(HeaderJson.quote(e.getValue()));
      sep = ",";
    }
    h.append('}');
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      long[] shape = e.getValue().shape();
      StringBuilder dims = new StringBuilder();
      for (int i = 0; i < shape.length; i++) {
        dims.append(i == 0 ? "" : ",").append(shape[i]);
      }
      long end = offset + (long) e.getValue().width() * e.getValue().data().length;
      h.append(',').append(HeaderJson.quote(e.getKey())).append(":{\"dtype\":\"")
          .append(e.getValue().dtype()).append("\",\"shape\":[")
          .append(dims).append("],\"data_offsets\":[").append(offset).append(',').append(end)
          .append("]}");
      offset = end;
    }
    h.append('}');
    byte[] text = h.toString().getBytes(StandardCharsets.UTF_8);
    // the data starts 8-byte aligned, as the reference writer pads it (with spaces)
    byte[] header = java.util.Arrays.copyOf(text, (text.length + 7) / 8 * 8);
    java.util.Arrays.fill(header, text.length, header.length, (byte) ' ');
    ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(header.length);
    out.write(b.array(), 0, 8);
    out.write(header);
    for (Tensor t : tensors.values()) {
      double[] d = t.data();
      for (int i = 0; i < d.length; ) {
        b.clear();
        while (i < d.length && b.remaining() >= 8) {
          if (t.float32()) {
            b.putFloat((float) d[i++]);
          } else {
            b.putDouble(d[i++]);
          }
        }
        out.write(b.array(), 0, b.position());
      }
    }
  }
}

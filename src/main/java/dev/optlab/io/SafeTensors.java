package dev.optlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (huggingface/safetensors, "format"): an 8-byte little-endian header
 * length, a JSON header naming each tensor's dtype, shape and byte range, string metadata under
 * {@code __metadata__}, then the raw little-endian data. Nothing in it executes, unlike a pickle,
 * which is why checkpoints use it. optlab writes and reads float64 ({@code F64}) and float32
 * ({@code F32}, a {@code dtype = float32} run's state) tensors, and reads strictly: the ranges must tile the data exactly, as the reference implementation requires,
 * so a file cut short or a header that lies is refused before any tensor is used.
 */
public final class SafeTensors {
  private SafeTensors() {}

  /** A header larger than this is refused unread: real ones are kilobytes (the reference: 100 MB). */
  public static final long MAX_HEADER = 16L << 20;

  /** The largest file read: one Java array holds it. */
  public static final long MAX_FILE = Integer.MAX_VALUE - 64;

  /**
   * A tensor: its shape ({@code []} for a scalar) and its elements in row-major order; {@code
   * float32} ones ({@code F32}) hold floats, each widened exactly to a double here.
   */
  public record Tensor(long[] shape, double[] data, boolean float32) {
    /** A float64 ({@code F64}) tensor. */
    public Tensor(long[] shape, double[] data) {
      this(shape, data, false);
    }

    /** A float32 tensor of {@code values}. */
    public static Tensor of(long[] shape, float[] values) {
      double[] d = new double[values.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = values[i];
      }
      return new Tensor(shape, d, true);
    }

    /** Its dtype as the header names it. */
    public String dtype() {
      return float32 ? "F32" : "F64";
    }

    /** Bytes an element takes in the file. */
    int width() {
      return float32 ? 4 : 8;
    }
  }

  /** What a file holds, tensors and metadata in the file's order. */
  public record Contents(Map<String, String> metadata, Map<String, Tensor> tensors) {}

  /** The file is not a safetensors file optlab can read; the message says why, for a person. */
  public static final class Invalid extends Exception {
    public Invalid(String message) {
      super(message);
    }
  }

  /** A name or text from a file, fit for a message: control characters as '?', long text cut. */
  public static String printable(String s) {
    return HeaderJson.Printable.of(s);
  }

  /** Reads {@code file}, checking its size before reading anything large. */
  public static Contents read(Path file) throws IOException, Invalid {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size >= 8) {
        ByteBuffer first = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (first.hasRemaining() && ch.read(first) >= 0) {
          // read all eight bytes
        }
        headerLength(first.flip().getLong(), size); // a lying length fails before the big read
      }
      if (size > MAX_FILE) {
        throw new Invalid("the file is " + size + " bytes; optlab reads checkpoints up to 2 GB");
      }
      ByteBuffer all = ByteBuffer.allocate((int) size);
      ch.position(0);
      while (all.hasRemaining() && ch.read(all) >= 0) {
        // until the end
      }
      return parse(all.array());
    }
  }

  /** The header's length, checked against the file's size. */
  private static int headerLength(long n, long size) throws Invalid {
    if (n < 2 || n > MAX_HEADER) {
      throw new Invalid("not a safetensors file: its first 8 bytes give a header length of "
          + Long.toUnsignedString(n) + " bytes, " + (n < 2 ? "too short for one"
          : "more than the 16 MB a checkpoint's header may have"));
    }
    if (n > size - 8) {
      throw new Invalid("the file is cut short: its header needs " + n + " bytes, "
          + (size - 8) + " follow the length");
    }
    return (int) n;
  }

  /** The contents of a whole file's bytes. */
  public static Contents parse(byte[] bytes) throws Invalid {
    if (bytes.length < 8) {
      throw new Invalid("not a safetensors file: " + bytes.length + " bytes, fewer than the "
          + "8 of a header length");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int n = headerLength(b.getLong(0), bytes.length);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 8, n))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Invalid("not a safetensors file: its header is not UTF-8 text");
    }
    Map<String, Object> header;
    try {
      header = HeaderJson.parseObject(text);
    } catch (HeaderJson.BadHeader e) {
      throw new Invalid("not a safetensors file: its header is not valid: " + e.getMessage());
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Object> e : header.entrySet()) {
      if (e.getKey().equals("__metadata__")) {
        metadata = metadata(e.getValue());
      } else {
        entries.add(entry(e.getKey(), e.getValue()));
      }
    }
    long data = bytes.length - 8L - n;
    List<Entry> byStart = new ArrayList<>(entries);
    byStart.sort(Comparator.comparingLong(Entry::begin));
    long next = 0;
    for (Entry e : byStart) {
      if (e.begin != next) {
        throw new Invalid("the header lies: tensor " + e.shown() + " starts at byte " + e.begin
            + " of the data, where " + (e.begin < next ? "another tensor's bytes are"
            : "byte " + next + " was expected (tensors fill the data without gaps)"));
      }
      if (e.end > data) {
        throw new Invalid("the file is cut short: tensor " + e.shown() + " ends at byte "
            + e.end + " of the data, which has " + data);
      }
      next = e.end;
    }
    if (next != data) {
      throw new Invalid("the header lies: the tensors end at byte " + next + " of the data, "
          + "which has " + data);
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Entry e : entries) {
      int width = e.float32 ? 4 : 8;
      double[] values = new double[(int) ((e.end - e.begin) / width)];
      b.position((int) (8 + n + e.begin));
      ByteBuffer at = b.slice().order(ByteOrder.LITTLE_ENDIAN);
      if (e.float32) {
        for (int i = 0; i < values.length; i++) {
          values[i] = at.getFloat(4 * i);
        }
      } else {
        at.asDoubleBuffer().get(values);
      }
      tensors.put(e.name, new Tensor(e.shape, values, e.float32));
    }
    return new Contents(metadata, tensors);
  }

  private record Entry(String name, long[] shape, long begin, long end, boolean float32) {
    String shown() {
      return "'" + HeaderJson.Printable.of(name) + "'";
    }
  }

  private static Map<String, String> metadata(Object value) throws Invalid {
    Map<String, String> m = new LinkedHashMap<>();
    if (!(value instanceof Map<?, ?> map)) {
      throw new Invalid("the header's __metadata__ is not an object of strings");
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw new Invalid("the header's __metadata__ value '"
            + HeaderJson.Printable.of((String) e.getKey()) + "' is not a string");
      }
      m.put((String) e.getKey(), s);
    }
    return m;
  }

  private static Entry entry(String name, Object value) throws Invalid {
    String shown = "'" + HeaderJson.Printable.of(name) + "'";
    if (!(value instanceof Map<?, ?> m) || !(m.get("dtype") instanceof String dtype)
        || !(m.get("shape") instanceof List<?> shape)
        || !(m.get("data_offsets") instanceof List<?> offsets) || m.size() != 3) {
      throw new Invalid("the header's entry for tensor " + shown + " is not {\"dtype\", "
          + "\"shape\", \"data_offsets\"}");
    }
    if (!dtype.equals("F64") && !dtype.equals("F32")) {
      throw new Invalid("tensor " + shown + " is " + HeaderJson.Printable.of(dtype)
          + "; optlab checkpoints hold float64 (F64) or float32 (F32) tensors");
    }
    int width = dtype.equals("F32") ? 4 : 8;
    long[] dims = new long[shape.size()];
    long elements = 1;
    for (int i = 0; i < dims.length; i++) {
      if (!(shape.get(i) instanceof Long d)) {
        throw new Invalid("tensor " + shown + "'s shape is not a list of whole numbers");
      }
      dims[i] = d;
      elements = d == 0 ? 0 : elements > MAX_FILE / width / d ? MAX_FILE : elements * d;
    }
    if (offsets.size() != 2 || !(offsets.get(0) instanceof Long begin)
        || !(offsets.get(1) instanceof Long end) || end < begin) {
      throw new Invalid("tensor " + shown + "'s data_offsets are not [begin, end]");
    }
    if (end - begin != elements * width) {
      throw new Invalid("the header lies: tensor " + shown + "'s offsets hold "
          + (end - begin) + " bytes, its shape " + java.util.Arrays.toString(dims) + " of "
          + dtype + " needs " + (elements >= MAX_FILE ? "more than 2 GB" : elements * width + ""));
    }
    return new Entry(name, dims, begin, end, width == 4);
  }

  /** Writes the tensors, in the order given, whole or not at all ({@link WholeFile}). */
  public static void write(Path target, Map<String, String> metadata,
      Map<String, Tensor> tensors) throws IOException {
    SafeTensorsWriter.write(target, metadata, tensors);
  }

  /** The file's bytes to {@code out}. */
  public static void write(OutputStream out, Map<String, String> metadata,
      Map<String, Tensor> tensors) throws IOException {
    SafeTensorsWriter.write(out, metadata, tensors);
  }
}

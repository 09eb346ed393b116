package dev.optlab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an IDX file, the format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/):
 * two zero bytes, a type code, the number of dimensions, each dimension as a big-endian 32-bit
 * count, then the values big-endian in row-major order. A gzipped file (as Debian ships them) is
 * recognised by its first bytes and inflated while it is read: the values stream through a small
 * buffer straight into one {@code double[]}, so the file's bytes are never all held at once.
 */
public final class IdxReader {
  private IdxReader() {}

  private static final int CHUNK = 1 << 20;

  /**
   * @param shown the path as the user wrote it, for messages
   * @param limit read at most this many rows (the first dimension); 0 for all
   * @throws DataError for a missing file, a bad magic number or type, truncated data
   */
  public static NumericArray read(Path file, String shown, long limit) {
    return read(file, shown, limit, false);
  }

  /** @param float32 whether to hold the values as floats (each rounded once), never as doubles */
  public static NumericArray read(Path file, String shown, long limit, boolean float32) {
    return read(file, shown, limit, float32, false);
  }

  /**
   * @param bytes whether a file of unsigned bytes (8-bit images) is held as its bytes ({@link
   *     NumericArray#bytes}): what a data set's features are read as unless in float32
   */
  public static NumericArray read(Path file, String shown, long limit, boolean float32,
      boolean bytes) {
    try (InputStream in = open(file, shown)) {
      byte[] head = new byte[4];
      if (in.readNBytes(head, 0, 4) < 4 || head[0] != 0 || head[1] != 0) {
        throw new DataError(shown + " is not an IDX file: bad magic number " + hex(head)
            + " (an IDX file starts 00 00, then its type code and dimension count)");
      }
      int type = head[2] & 0xff;
      int size = switch (type) {
        case 0x08, 0x09 -> 1;
        case 0x0B -> 2;
        case 0x0C, 0x0D -> 4;
        case 0x0E -> 8;
        default -> throw new DataError(shown + " is not an IDX file: bad magic number "
            + hex(head) + " (type code 0x" + Integer.toHexString(type) + " is none of 08 "
            + "ubyte, 09 byte, 0B short, 0C int, 0D float, 0E double)");
      };
      int dims = head[3] & 0xff;
      if (dims == 0) {
        throw new DataError(shown + ": an IDX file of no dimensions holds no examples");
      }
      byte[] dimBytes = new byte[4 * dims];
      if (in.readNBytes(dimBytes, 0, dimBytes.length) < dimBytes.length) {
        throw new DataError(shown + " is truncated: it ends inside its header");
      }
      ByteBuffer db = ByteBuffer.wrap(dimBytes).order(ByteOrder.BIG_ENDIAN);
      long[] shape = new long[dims];
      long cols = 1;
      for (int i = 0; i < dims; i++) {
        shape[i] = Integer.toUnsignedLong(db.getInt());
        if (i > 0) {
          cols *= shape[i];
        }
      }
      boolean asBytes = bytes && !float32 && type == 0x08;
      int rows = NumericArray.rowsToRead(shape[0], cols, limit, shown, asBytes ? 1 : Double.BYTES);
      int count = (int) (rows * cols);
      if (asBytes) { // straight from the stream into the array: no conversion, no chunk
        byte[] all = new byte[count];
        int got = in.readNBytes(all, 0, count);
        if (got < count) {
          throw truncated(shown, shape, cols, got);
        }
        long fileRows = shape[0];
        shape[0] = rows;
        return new NumericArray(shape, null, fileRows, null, all);
      }
      double[] values = float32 ? null : new double[count];
      float[] floats = float32 ? new float[count] : null;
      readValues(in, type, size, values, floats, count, shown, shape, cols);
      long fileRows = shape[0];
      shape[0] = rows;
      return new NumericArray(shape, values, fileRows, floats);
    } catch (ZipException e) {
      throw new DataError(shown + " is a damaged gzip file: " + e.getMessage());
    } catch (EOFException e) {
      throw new DataError(shown + " is truncated: the gzip stream ends early");
    } catch (IOException e) {
      throw Files2.unreadable(shown, e);
    }
  }

  private static InputStream open(Path file, String shown) throws IOException {
    InputStream raw = new BufferedInputStream(Files2.open(file, shown), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  /**
   * Fills {@code values} (or {@code floats}) from the stream, chunk by chunk, converting the
   * big-endian values through a chunk-sized buffer of doubles.
   */
  private static void readValues(InputStream in, int type, int size, double[] target,
      float[] floats, int count, String shown, long[] shape, long cols) throws IOException {
    byte[] chunk = new byte[Math.max(size, CHUNK - CHUNK % size)];
    ByteBuffer bb = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
    double[] values = new double[chunk.length / size];
    int done = 0;
    while (done < count) {
      int want = (int) Math.min(chunk.length, (long) (count - done) * size);
      int got = in.readNBytes(chunk, 0, want);
      if (got < want) {
        throw truncated(shown, shape, cols, done + got / size);
      }
      int n = want / size;
      switch (type) {
        case 0x08 -> {
          for (int i = 0; i < n; i++) {
            values[i] = chunk[i] & 0xff;
          }
        }
        case 0x09 -> {
          for (int i = 0; i < n; i++) {
            values[i] = chunk[i];
          }
        }
        case 0x0B -> {
          for (int i = 0; i < n; i++) {
            values[i] = bb.getShort(2 * i);
          }
        }
        case 0x0C -> {
          for (int i = 0; i < n; i++) {
            values[i] = bb.getInt(4 * i);
          }
        }
        case 0x0D -> {
          for (int i = 0; i < n; i++) {
            values[i] = bb.getFloat(4 * i);
          }
        }
        default -> {
          for (int i = 0; i < n; i++) {
            values[i] = bb.getDouble(8 * i);
          }
        }
      }
      if (floats != null) {
        for (int i = 0; i < n; i++) {
          floats[done + i] = (float) values[i];
        }
      } else {
        System.arraycopy(values, 0, target, done, n);
      }
      done += n;
    }
  }

  private static DataError truncated(String shown, long[] shape, long cols, long have) {
    return new DataError(shown + " is truncated: its header promises " + describe(shape) + " = "
        + (shape[0] * cols) + " values, the file holds only " + have);
  }

  private static String describe(long[] shape) {
    return new NumericArray(shape, null, shape[0]).describeShape();
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(sb.isEmpty() ? "" : " ").append(String.format("%02X", x & 0xff));
    }
    return sb.toString();
  }
}

package dev.optlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads NumPy's {@code .npy} arrays, alone or inside an {@code .npz} archive (a zip of {@code
 * NAME.npy} files, stored or deflated), as the format's specification describes it
 * (numpy.lib.format): the magic {@code \x93NUMPY}, a version, a header length (2 bytes in
 * version 1, 4 in versions 2 and 3), a Python dict literal with {@code descr}, {@code
 * fortran_order} and {@code shape}, then the raw values in C order.
 *
 * <p>Numeric dtypes are read: floats ({@code f2} is not), signed and unsigned integers of 1 to 8
 * bytes and booleans, little- or big-endian, each converted to a double. Fortran-ordered arrays
 * and object arrays (pickled Python objects, which would mean running a pickle) are refused
 * with the NumPy call that fixes the file.
 */
public final class NpyReader {
  private NpyReader() {}

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*('([^']*)'|\\[)");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /** Reads one {@code .npy} file. */
  public static NumericArray read(Path file, String shown, long limit) {
    try (InputStream in = new BufferedInputStream(Files2.open(file, shown), 1 << 16)) {
      return read(in, shown, limit);
    } catch (IOException e) {
      throw Files2.unreadable(shown, e);
    }
  }

  /**
   * Reads one {@code .npy} file that must hold float64 values: a tensor parameter's starting
   * values, where another dtype would not be the weights of a float64 PyTorch run (an error
   * saying how to convert).
   */
  public static NumericArray readFloat64(Path file, String shown) {
    try (InputStream in = new BufferedInputStream(Files2.open(file, shown), 1 << 16)) {
      return read(in, shown, 0, true);
    } catch (IOException e) {
      throw Files2.unreadable(shown, e);
    }
  }

  /**
   * Reads the arrays {@code keys} (without {@code .npy}) from an {@code .npz} archive, in one
   * pass over it; a key absent from it is an error naming the keys it has.
   */
  public static List<NumericArray> readArchive(Path file, String shown, List<String> keys,
      long limit) {
    NumericArray[] found = new NumericArray[keys.size()];
    List<String> present = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(
        Files2.open(file, shown), 1 << 16))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        String key = e.getName().endsWith(".npy")
            ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
        present.add(key);
        int at = keys.indexOf(key);
        if (at >= 0) {
          found[at] = read(zip, shown + "[\"" + key + "\"]", limit);
          for (int j = at + 1; j < keys.size(); j++) {
            if (keys.get(j).equals(key)) {
              found[j] = found[at];
            }
          }
        }
      }
    } catch (ZipException e) {
      throw new DataError(shown + " is not an .npz archive (a zip of .npy files): "
          + e.getMessage());
    } catch (IOException e) {
      throw Files2.unreadable(shown, e);
    }
    if (present.isEmpty()) {
      throw new DataError(shown + " is not an .npz archive (a zip of .npy files): no entries");
    }
    for (int i = 0; i < keys.size(); i++) {
      if (found[i] == null) {
        throw new DataError(shown + " has no array \"" + keys.get(i) + "\" (it has "
            + String.join(", ", present) + ")");
      }
    }
    return List.of(found);
  }

  /** Reads one array from a stream positioned at its magic. */
  static NumericArray read(InputStream in, String shown, long limit) throws IOException {
    return read(in, shown, limit, false);
  }

  private static NumericArray read(InputStream in, String shown, long limit, boolean float64)
      throws IOException {
    byte[] pre = in.readNBytes(8);
    for (int i = 0; i < MAGIC.length; i++) {
      if (pre.length < 8 || pre[i] != MAGIC[i]) {
        throw new DataError(shown + " is not a .npy file: it does not start with \\x93NUMPY");
      }
    }
    int major = pre[6] & 0xff;
    if (major < 1 || major > 3) {
      throw new DataError(shown + ": .npy format version " + major + " is not one optlab "
          + "reads (1, 2 or 3)");
    }
    byte[] lenBytes = in.readNBytes(major == 1 ? 2 : 4);
    ByteBuffer lb = ByteBuffer.wrap(lenBytes).order(ByteOrder.LITTLE_ENDIAN);
    if (lenBytes.length < (major == 1 ? 2 : 4)) {
      throw new DataError(shown + " is truncated: it ends inside its header");
    }
    long headerLength = major == 1 ? Short.toUnsignedInt(lb.getShort())
        : Integer.toUnsignedLong(lb.getInt());
    if (headerLength > 1 << 20) {
      throw new DataError(shown + ": its header claims " + headerLength + " bytes; not a .npy "
          + "file optlab can read");
    }
    byte[] headerBytes = in.readNBytes((int) headerLength);
    if (headerBytes.length < headerLength) {
      throw new DataError(shown + " is truncated: it ends inside its header");
    }
    String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8
        : StandardCharsets.ISO_8859_1);
    Dtype dtype = dtype(header, shown);
    if (float64 && (dtype.kind() != 'f' || dtype.size() != 8)) {
      String name = dtype.kind() == 'b' ? "bool" : (dtype.kind() == 'f' ? "float"
          : dtype.kind() == 'i' ? "int" : "uint") + 8 * dtype.size();
      throw new DataError(shown + " holds " + name + " values; starting values must be float64, "
          + "as a float64 PyTorch run's weights are: save a.astype(np.float64)");
    }
    Matcher f = FORTRAN.matcher(header);
    if (f.find() && f.group(1).equals("True")) {
      throw new DataError(shown + " is stored in Fortran (column-major) order; optlab reads "
          + "C order: save np.ascontiguousarray(a) instead");
    }
    long[] shape = shape(header, shown);
    long cols = 1;
    for (int i = 1; i < shape.length; i++) {
      cols *= shape[i];
    }
    long rowsInFile = shape.length == 0 ? 1 : shape[0];
    int rows = NumericArray.rowsToRead(rowsInFile, cols, limit, shown);
    double[] values = new double[(int) (rows * cols)];
    fill(in, dtype, values, shown, rowsInFile * cols);
    if (shape.length > 0) {
      shape[0] = rows;
    }
    return new NumericArray(shape, values, rowsInFile);
  }

  /** A numeric dtype: its kind ({@code f}, {@code i}, {@code u}, {@code b}), size and order. */
  private record Dtype(char kind, int size, ByteOrder order) {}

  private static Dtype dtype(String header, String shown) {
    Matcher m = DESCR.matcher(header);
    if (!m.find()) {
      throw new DataError(shown + ": its header names no dtype ('descr')");
    }
    if (m.group(2) == null) {
      throw new DataError(shown + " holds a structured array (a record dtype); optlab reads "
          + "plain numeric arrays: save each field as its own array");
    }
    String d = m.group(2);
    if (d.length() >= 2 && d.substring(1).startsWith("O")) {
      throw new DataError(shown + " holds an object array (pickled Python objects, dtype "
          + "'" + printable(d) + "'), which optlab does not unpickle: save a numeric array, for "
          + "example np.save(path, a.astype(np.float64))");
    }
    if (d.length() >= 3 && "<>|=".indexOf(d.charAt(0)) >= 0) {
      char kind = d.charAt(1);
      int size;
      try {
        size = Integer.parseInt(d.substring(2));
      } catch (NumberFormatException e) {
        size = -1;
      }
      ByteOrder order = d.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      boolean ok = switch (kind) {
        case 'f' -> size == 4 || size == 8;
        case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
        case 'b' -> size == 1;
        default -> false;
      };
      if (ok) {
        return new Dtype(kind, size, order);
      }
    }
    throw new DataError(shown + " has dtype '" + printable(d) + "', which optlab does not read "
        + "(it reads float32, float64, signed and unsigned integers and bool): save it as "
        + "a.astype(np.float64)");
  }

  /** Header text as it prints in a message: control characters (a terminal escape) as '?'. */
  private static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      b.append(Character.isISOControl(ch) || ch == '\uFFFD' ? '?' : ch);
    }
    return b.toString();
  }

  private static long[] shape(String header, String shown) {
    Matcher m = SHAPE.matcher(header);
    if (!m.find()) {
      throw new DataError(shown + ": its header has no shape");
    }
    List<Long> dims = new ArrayList<>();
    for (String part : m.group(1).split(",")) {
      String t = part.strip().replace("L", "");
      if (!t.isEmpty()) {
        try {
          dims.add(Long.parseLong(t));
        } catch (NumberFormatException e) {
          throw new DataError(shown + ": its header's shape (" + printable(m.group(1))
              + ") is not a tuple of counts");
        }
      }
    }
    long[] shape = new long[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = dims.get(i);
    }
    return shape;
  }

  private static void fill(InputStream in, Dtype t, double[] values, String shown, long promised)
      throws IOException {
    int size = t.size();
    byte[] chunk = new byte[(1 << 20) - (1 << 20) % size];
    ByteBuffer bb = ByteBuffer.wrap(chunk).order(t.order());
    int done = 0;
    while (done < values.length) {
      int want = (int) Math.min(chunk.length, (long) (values.length - done) * size);
      int got = in.readNBytes(chunk, 0, want);
      if (got < want) {
        throw new DataError(shown + " is truncated: its header promises " + promised
            + " values, the file holds only " + (done + got / size));
      }
      int n = want / size;
      switch (t.kind() + "" + size) {
        case "f8" -> {
          for (int i = 0; i < n; i++) {
            values[done + i] = bb.getDouble(8 * i);
          }
        }
        case "f4" -> {
          for (int i = 0; i < n; i++) {
            values[done + i] = bb.getFloat(4 * i);
          }
        }
        case "i8" -> {
          for (int i = 0; i < n; i++) {
            values[done + i] = bb.getLong(8 * i);
          }
        }
        case "u8" -> {
          for (int i = 0; i < n; i++) {
            long v = bb.getLong(8 * i);
            values[done + i] = v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
          }
        }
        case "i4" -> {
          for (int i = 0; i < n; i++) {
            values[done + i] = bb.getInt(4 * i);
          }
        }
        case "u4" -> {
          for (int i = 0; i < n; i++) {
            values[done + i] = Integer.toUnsignedLong(bb.getInt(4 * i));
          }
        }
        case "i2" -> {
          for (int i = 0; i < n; i++) {
            values[done + i] = bb.getShort(2 * i);
          }
        }
        case "u2" -> {
          for (int i = 0; i < n; i++) {
            values[done + i] = Short.toUnsignedInt(bb.getShort(2 * i));
          }
        }
        case "i1" -> {
          for (int i = 0; i < n; i++) {
            values[done + i] = chunk[i];
          }
        }
        default -> { // u1 and b1
          for (int i = 0; i < n; i++) {
            values[done + i] = chunk[i] & 0xff;
          }
        }
      }
      done += n;
    }
  }
}

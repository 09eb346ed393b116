package dev.optlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a CSV file record by record straight from its bytes (RFC 4180: fields may be quoted, a
 * quote inside one doubled, a quoted field may hold commas and line breaks; CR before LF is
 * dropped; blank lines are skipped), through a 1 MB buffer: the file's text is never held whole.
 * A record's cells are byte ranges of one reused buffer, stripped of surrounding whitespace; a
 * number is parsed from its bytes without making a string ({@link #number}).
 */
final class CsvRecords {
  private static final int CHUNK = 1 << 20;

  private final InputStream in;
  private final String shown;
  private final byte[] buf = new byte[CHUNK];
  private int pos;
  private int lim;
  private boolean first = true;

  /** The current record: its cells' bytes, one after another, and where each starts and ends. */
  private byte[] rec = new byte[256];
  private int recLen;
  private int[] start = new int[16];
  private int[] end = new int[16];
  private int cells;
  private int line = 1;
  private int recordLine;

  CsvRecords(InputStream in, String shown) {
    this.in = in;
    this.shown = shown;
  }

  /** Reads the next record that is not blank; false at the end of the file. */
  boolean next() throws IOException {
    while (true) {
      if (peek() < 0) {
        return false;
      }
      read();
      if (cells != 1 || end[0] > start[0]) {
        return true;
      }
    }
  }

  /** The number of cells of the current record. */
  int cells() {
    return cells;
  }

  /** About how many bytes of the file the current record took (its cells and separators). */
  int bytes() {
    return recLen + cells;
  }

  /** The line the current record starts on (1-based). */
  int line() {
    return recordLine;
  }

  boolean isEmpty(int j) {
    return end[j] == start[j];
  }

  /** The cell as text, strictly UTF-8. */
  String text(int j) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(rec, start[j], end[j] - start[j])).toString();
    } catch (CharacterCodingException e) {
      throw new DataError("cannot read \"" + shown + "\": not UTF-8 text");
    }
  }

  /** The cell as it prints in a message: malformed bytes and control characters as '?'. */
  String printable(int j) {
    String s = new String(rec, start[j], end[j] - start[j], StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      b.append(Character.isISOControl(ch) || ch == '\uFFFD' ? '?' : ch);
    }
    return b.toString();
  }

  /**
   * The cell's decimal number ({@code 3}, {@code -0.5}, {@code .5}, {@code 1e-3}; no NaN, no
   * infinity written out), exactly as {@link Double#parseDouble} reads it; NaN when the cell is
   * not such a number. Up to 15 significant digits and a power of ten up to 22 take Clinger's fast
   * path (both exact in a double, so one correctly rounded operation); the rest go through {@code
   * Double.parseDouble}.
   */
  double number(int j) {
    int i = start[j];
    int n = end[j];
    boolean negative = false;
    if (i < n && (rec[i] == '+' || rec[i] == '-')) {
      negative = rec[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int scale = 0; // the decimal exponent the digits' value is to be multiplied by
    int digits = 0;
    boolean exact = true;
    while (i < n && rec[i] >= '0' && rec[i] <= '9') {
      if (significant > 0 || rec[i] != '0') {
        if (++significant > 15) {
          exact = false;
        } else {
          mantissa = mantissa * 10 + (rec[i] - '0');
        }
      }
      if (significant > 15) {
        scale++;
      }
      i++;
      digits++;
    }
    if (i < n && rec[i] == '.') {
      i++;
      while (i < n && rec[i] >= '0' && rec[i] <= '9') {
        if (significant > 0 || rec[i] != '0') {
          if (++significant > 15) {
            exact = false;
          } else {
            mantissa = mantissa * 10 + (rec[i] - '0');
            scale--;
          }
        } else {
          scale--;
        }
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < n && (rec[i] == 'e' || rec[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < n && (rec[i] == '+' || rec[i] == '-')) {
        negativeExponent = rec[i] == '-';
        i++;
      }
      int from = i;
      int exponent = 0;
      while (i < n && rec[i] >= '0' && rec[i] <= '9') {
        exponent = Math.min(exponent * 10 + (rec[i] - '0'), 100_000);
        i++;
      }
      if (i == from) {
        return Double.NaN;
      }
      scale += negativeExponent ? -exponent : exponent;
    }
    if (i != n) {
      return Double.NaN;
    }
    if (exact && scale >= -22 && scale <= 22) {
      double v = mantissa;
      v = scale >= 0 ? v * POWERS[scale] : v / POWERS[-scale];
      return negative ? -v : v;
    }
    return Double.parseDouble(new String(rec, start[j], n - start[j],
        StandardCharsets.ISO_8859_1));
  }

  private static final double[] POWERS = new double[23];

  static {
    POWERS[0] = 1;
    for (int k = 1; k < POWERS.length; k++) {
      POWERS[k] = POWERS[k - 1] * 10; // exact up to 1e22
    }
  }

  private void read() throws IOException {
    recLen = 0;
    cells = 0;
    recordLine = line;
    while (true) { // one cell
      if (cells == start.length) {
        start = Arrays.copyOf(start, cells * 2);
        end = Arrays.copyOf(end, cells * 2);
      }
      start[cells] = recLen;
      int c = peek();
      if (c == '"') {
        pos++;
        while (true) {
          c = next1();
          if (c < 0) {
            throw new DataError(shown + ", line " + recordLine + ": a quoted cell never ends");
          }
          if (c == '"') {
            if (peek() == '"') {
              pos++;
              append('"');
              continue;
            }
            break;
          }
          if (c == '\n') {
            line++;
          }
          append(c);
        }
      }
      c = unquoted();
      end[cells] = recLen;
      strip(cells);
      cells++;
      if (c == ',') {
        pos++;
        continue;
      }
      if (c == '\n') {
        pos++;
      }
      line++;
      return;
    }
  }

  /**
   * Copies the rest of an unquoted cell (up to a comma, a line break or the end) into the record,
   * a run of bytes at a time, dropping carriage returns; returns the byte that ended it, or -1.
   */
  private int unquoted() throws IOException {
    while (true) {
      if (pos == lim && !fill()) {
        return -1;
      }
      byte[] b = buf;
      int p = pos;
      int l = lim;
      while (p < l) {
        byte c = b[p];
        if (c == ',' || c == '\n' || c == '\r') {
          break;
        }
        p++;
      }
      int n = p - pos;
      if (recLen + n > rec.length) {
        rec = Arrays.copyOf(rec, Math.max(rec.length * 2, recLen + n));
      }
      System.arraycopy(b, pos, rec, recLen, n);
      recLen += n;
      pos = p;
      if (p == l) {
        continue; // the buffer ended inside the cell
      }
      if (b[p] == '\r') {
        pos++;
        continue;
      }
      return b[p];
    }
  }

  /** Whitespace around a cell is not part of it (ASCII's, as {@link String#strip()} sees it). */
  private void strip(int j) {
    while (start[j] < end[j] && space(rec[start[j]])) {
      start[j]++;
    }
    while (end[j] > start[j] && space(rec[end[j] - 1])) {
      end[j]--;
    }
  }

  /** Tab, line feed, vertical tab, form feed, carriage return, 0x1C-0x1F and space: not ESC. */
  private static boolean space(byte b) {
    return b == ' ' || (b >= 9 && b <= 13) || (b >= 0x1C && b <= 0x1F);
  }

  private void append(int c) {
    if (recLen == rec.length) {
      rec = Arrays.copyOf(rec, rec.length * 2);
    }
    rec[recLen++] = (byte) c;
  }

  private int peek() throws IOException {
    if (pos == lim && !fill()) {
      return -1;
    }
    return buf[pos] & 0xff;
  }

  private int next1() throws IOException {
    int c = peek();
    if (c >= 0) {
      pos++;
    }
    return c;
  }

  private boolean fill() throws IOException {
    int n = in.readNBytes(buf, 0, buf.length);
    pos = 0;
    lim = Math.max(n, 0);
    if (first && lim >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB
        && (buf[2] & 0xff) == 0xBF) {
      pos = 3; // a byte-order mark is not part of the first name
    }
    first = false;
    return pos < lim;
  }
}

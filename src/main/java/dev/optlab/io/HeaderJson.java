package dev.optlab.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a safetensors header, and nothing more: objects, arrays, strings and whole
 * non-negative numbers, nested at most {@link #MAX_DEPTH} deep. The project has no JSON library
 * and needs none; a strict reader of this one shape is small enough to own and to fuzz (a header
 * comes from a file anyone may hand over). Every fault is a {@link BadHeader} saying where.
 */
final class HeaderJson {
  /** The top object, a tensor's object, its array: deeper is not a safetensors header. */
  static final int MAX_DEPTH = 3;

  /** Thrown for any text that is not such JSON; the message says what and at which byte. */
  static final class BadHeader extends Exception {
    BadHeader(String message) {
      super(message);
    }
  }

  private final String text;
  private int at;

  private HeaderJson(String text) {
    this.text = text;
  }

  /** The value {@code text} holds, which must be an object: maps keep the file's key order. */
  static Map<String, Object> parseObject(String text) throws BadHeader {
    HeaderJson r = new HeaderJson(text);
    r.space();
    if (r.at >= text.length() || text.charAt(r.at) != '{') {
      throw r.bad("the header is not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> top = (Map<String, Object>) r.value(1);
    r.space();
    if (r.at != text.length()) {
      throw r.bad("text after the header's object");
    }
    return top;
  }

  private Object value(int depth) throws BadHeader {
    space();
    if (at >= text.length()) {
      throw bad("the header ends inside a value");
    }
    char c = text.charAt(at);
    if ((c == '{' || c == '[') && depth > MAX_DEPTH) {
      throw bad("the header nests deeper than a safetensors header does");
    }
    if (c == '{') {
      return object(depth);
    } else if (c == '[') {
      return array(depth);
    } else if (c == '"') {
      return string();
    } else if (c >= '0' && c <= '9') {
      return number();
    }
    throw bad("unexpected '" + printable(c) + "' (a header holds objects, arrays, strings and "
        + "whole numbers)");
  }

  private Map<String, Object> object(int depth) throws BadHeader {
    at++;
    Map<String, Object> m = new LinkedHashMap<>();
    space();
    if (peek('}')) {
      at++;
      return m;
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw bad("expected a quoted key");
      }
      String key = string();
      space();
      expect(':');
      if (m.put(key, value(depth + 1)) != null) {
        throw bad("the key \"" + Printable.of(key) + "\" appears twice");
      }
      space();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return m;
      }
    }
  }

  private List<Object> array(int depth) throws BadHeader {
    at++;
    List<Object> list = new ArrayList<>();
    space();
    if (peek(']')) {
      at++;
      return list;
    }
    while (true) {
      list.add(value(depth + 1));
      space();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  /** A whole number up to 2^53, the most a header needs and the most a double says exactly. */
  private Long number() throws BadHeader {
    long v = 0;
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      v = v * 10 + (text.charAt(at++) - '0');
      if (v > (1L << 53)) {
        throw bad("a number too large for a header");
      }
    }
    if (at < text.length() && ".eE-+".indexOf(text.charAt(at)) >= 0) {
      throw bad("numbers in a header are whole and not negative");
    }
    if (at - start > 1 && text.charAt(start) == '0') {
      throw bad("a number with a leading zero");
    }
    return v;
  }

  private String string() throws BadHeader {
    at++; // the opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw bad("a string is not closed");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return sb.toString();
      } else if (c < 0x20) {
        throw bad("a control character inside a string");
      } else if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw bad("a string is not closed");
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw bad("a \\u escape is cut short");
          }
          try {
            sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException x) {
            throw bad("a \\u escape that is not four hex digits");
          }
          at += 4;
        }
        default -> throw bad("an unknown escape \\" + printable(e));
      }
    }
  }

  /** {@code s} as a JSON string, quotes included; control characters escaped. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private void space() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) throws BadHeader {
    if (!peek(c)) {
      throw bad(at >= text.length() ? "the header ends where '" + c + "' was expected"
          : "expected '" + c + "', found '" + printable(text.charAt(at)) + "'");
    }
    at++;
  }

  private BadHeader bad(String what) {
    return new BadHeader(what + " (at character " + at + " of the header)");
  }

  private static String printable(char c) {
    return Printable.of(String.valueOf(c));
  }

  /** Text from a file shown in a message: control characters as '?', long text cut. */
  static final class Printable {
    static String of(String s) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < s.length() && i < 80; i++) {
        char c = s.charAt(i);
        sb.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c);
      }
      return s.length() > 80 ? sb + "..." : sb.toString();
    }
  }
}

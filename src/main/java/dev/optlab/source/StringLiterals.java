package dev.optlab.source;

/**
 * The language's string literals ({@code "..."}, a backslash escaping the character after it), as
 * the places that rewrite file names inside a script's text read and write them ({@code :save},
 * a sweep's script shipped to Spark).
 */
public final class StringLiterals {
  private StringLiterals() {}

  /** The value of {@code literal}, quotes included in the argument. */
  public static String unquote(String literal) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char ch = literal.charAt(i);
      sb.append(ch == '\\' && i + 2 < literal.length() ? literal.charAt(++i) : ch);
    }
    return sb.toString();
  }

  /** A literal whose value is {@code value}. */
  public static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}

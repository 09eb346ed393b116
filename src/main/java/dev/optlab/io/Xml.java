package dev.optlab.io;

/**
 * The one XML escaper, for the SVG files and the HTML report: markup characters escaped and the
 * characters XML 1.0 cannot hold replaced, so that no user text (a run's name, a class label)
 * can break a file or inject markup.
 */
public final class Xml {
  private Xml() {}

  /** Text for an element or attribute: markup escaped, characters XML cannot hold replaced. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> i = appendXmlChar(sb, s, i);
      }
    }
    return sb.toString();
  }

  /** Already escaped markup (an SVG), with the characters XML cannot hold replaced. */
  public static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      i = appendXmlChar(sb, s, i);
    }
    return sb.toString();
  }

  /**
   * Appends the character at {@code i}, or U+FFFD for one XML 1.0 forbids (control characters
   * other than tab and line breaks, unpaired surrogates, U+FFFE and U+FFFF); returns the index of
   * the last char used.
   */
  private static int appendXmlChar(StringBuilder sb, String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c) && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1))) {
      sb.append(c).append(s.charAt(i + 1));
      return i + 1;
    }
    boolean allowed = c == '\t' || c == '\n' || c == '\r'
        || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
    sb.append(allowed ? c : '\uFFFD');
    return i;
  }
}

package dev.optlab.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An example script split into the numbers its comments state and the numbers its code holds.
 * A comment runs from a {@code #} outside a string to the end of its line (whole comment lines
 * and comments after a statement alike); the rest of a line is code.
 */
record Script(List<Written> said, List<Double> literals, List<String> commentLines) {

  /**
   * A number as written in a comment: its text, its value, how far a true value may lie from it
   * and still round to it ({@code halfUlp}), the 1-based line, and whether it was written as
   * {@code +-N}, so that either sign is meant; {@code start} is where it begins in its comment.
   */
  record Written(String text, double value, double halfUlp, int line, int start,
      boolean eitherSign) {
    /** Whether {@code v} rounds to this number at the precision it was written. */
    boolean matches(double v) {
      double slack = halfUlp + 1e-9 * Math.abs(value); // the rounding of a computed value
      return Math.abs(v - value) <= slack || eitherSign && Math.abs(v + value) <= slack;
    }

    @Override
    public String toString() {
      return "'" + text + "' (line " + line + ")";
    }
  }

  /**
   * A number: not glued to a word or a decimal point before it ({@code r4}, {@code W1} and
   * {@code 1.5}'s {@code 5} are no numbers of their own), a sign only where a sign can start
   * ({@code 01-07} and {@code 64-128-10} are ranges and shapes, not negative numbers), thousands
   * written {@code 60,000}, an exponent, a percent sign.
   */
  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\w.])(?<sign>(?:(?<=^|[\\s(\\[=,~])[-+])|\\+-|±)?"
          + "(?<digits>\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?)(?:e(?<exp>[-+]?\\d+))?(?<pct>%)?");

  /** A ratio in words: "a hundred times", "five times". Counting words (two runs) are not read. */
  private static final Pattern RATIO_WORDS = Pattern.compile(
      "\\b(?<word>two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred|a thousand|a million)"
          + " times\\b", Pattern.CASE_INSENSITIVE);

  private static final Map<String, Double> WORDS = Map.ofEntries(Map.entry("two", 2.0),
      Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0),
      Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0),
      Map.entry("nine", 9.0), Map.entry("ten", 10.0), Map.entry("twenty", 20.0),
      Map.entry("a hundred", 100.0), Map.entry("a thousand", 1000.0),
      Map.entry("a million", 1e6));

  /** Words before a number that make its trailing zeros approximate: "~200" is 200 to one digit. */
  private static final Pattern APPROXIMATE = Pattern.compile("(?:~|\\babout |\\baround )$");

  static Script parse(String text) {
    List<Written> said = new ArrayList<>();
    List<Double> literals = new ArrayList<>();
    List<String> commentLines = new ArrayList<>();
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = commentStart(line);
      // a file name's digits are no literal
      String code = (hash < 0 ? line : line.substring(0, hash)).replaceAll("\"[^\"]*\"", "\"\"");
      for (Written w : numbers(code, i + 1)) {
        literals.add(w.value());
      }
      if (hash >= 0) {
        String comment = line.substring(hash + 1);
        commentLines.add(comment);
        said.addAll(numbers(comment, i + 1));
      } else {
        commentLines.add("");
      }
    }
    return new Script(List.copyOf(said), List.copyOf(literals), List.copyOf(commentLines));
  }

  /** The numbers in one piece of text, in order; the line number is carried along. */
  static List<Written> numbers(String text, int line) {
    List<Written> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String sign = m.group("sign") == null ? "" : m.group("sign");
      String digits = m.group("digits");
      boolean either = sign.equals("+-") || sign.equals("±");
      int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
      int exp = m.group("exp") == null ? 0 : Integer.parseInt(m.group("exp"));
      int scale = exp - decimals; // the last written digit is worth 10^scale
      String plain = digits.replace(",", "");
      boolean approximate = APPROXIMATE.matcher(text.substring(0, m.start())).find();
      if (decimals == 0 && approximate) {
        int zeros = plain.length() - plain.replaceAll("0+$", "").length();
        scale += Math.min(zeros, plain.length() - 1);
      }
      double value = Double.parseDouble(plain) * Math.pow(10, exp);
      // An integer is a count (steps, rows, epochs) and exact; a rounded figure shows its
      // decimals ("x = -6.05"), an exponent ("3e-12"), a percent sign, a "~" / "about", or is
      // a ratio ("67 times lower").
      boolean ratio = text.startsWith(" times", m.end());
      boolean exact = decimals == 0 && m.group("exp") == null && m.group("pct") == null
          && !approximate && !ratio;
      double half = exact ? 0 : 0.5 * Math.pow(10, scale);
      if (m.group("pct") != null) {
        value /= 100;
        half /= 100;
      }
      if (sign.equals("-")) {
        value = -value;
      }
      out.add(new Written(m.group(), value, half, line, m.start(), either));
    }
    Matcher w = RATIO_WORDS.matcher(text);
    while (w.find()) {
      double value = WORDS.get(w.group("word").toLowerCase());
      out.add(new Written(w.group(), value, 0.5, line, w.start(), false));
    }
    out.sort(java.util.Comparator.comparingInt(Written::start));
    return out;
  }

  /** Where a line's comment starts: the first {@code #} outside a double-quoted string, or -1. */
  static int commentStart(String line) {
    boolean inString = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        inString = !inString;
      } else if (c == '#' && !inString) {
        return i;
      }
    }
    return -1;
  }
}

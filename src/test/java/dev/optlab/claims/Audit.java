package dev.optlab.claims;

import dev.optlab.claims.Script.Written;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accounts for every number an example's comments state. A number is accounted for when
 * <ol>
 *   <li>a row of the claims table names it (by a phrase of its comment) and the row's check
 *       computes a value that rounds to it at the precision written: derived quantities ("67
 *       times lower"), figures of another example's output, facts of a data file, definitions;
 *   <li>it is the example's own number in the title line ({@code # 03 — ...}), or a two-digit
 *       {@code 0N} naming an example that exists ("see 01");
 *   <li>it equals a literal of the script's code (an lr, a start, a step count);
 *   <li>or it rounds, at the precision written, from a number the example's golden output prints
 *       ("1.4e-4" from 0.000142108, "90%" from 0.9, "step 1482" from 1482).
 * </ol>
 * A table row is checked strictly: when its number is wrong the row fails, even if some other
 * printed number would happen to match.
 */
final class Audit {

  /**
   * A row of the claims table: in {@code example}'s comments, the first number of
   * {@code phrase} must round from {@code value}, which {@code checks} describes.
   */
  record Claim(String example, String phrase, String checks, ToDoubleFunction<Evidence> value) {}

  /** What a check may read: any example's golden output, and files of the repository. */
  static class Evidence {
    private final Map<String, Golden> goldens = new HashMap<>();

    Golden golden(String example) {
      return goldens.computeIfAbsent(example, Golden::of);
    }
  }

  /** How one number was accounted for ({@code how}), or null when it was not. */
  record Finding(Written number, String how) {}

  private static final Pattern TITLE = Pattern.compile("^ (\\d\\d) — ");
  private static final Pattern EXAMPLE_REFERENCE = Pattern.compile("0\\d");

  private final List<String> problems = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  List<String> problems() {
    return problems;
  }

  List<Finding> findings() {
    return findings;
  }

  /**
   * Audits one example: its name (the file name without {@code .opt}), its text, its golden
   * output (null when it has none), the table's rows for it, and the two-digit numbers of the
   * examples that exist.
   */
  static Audit of(String example, String text, Golden golden, List<Claim> rows,
      Evidence evidence, Set<String> exampleNumbers) {
    Audit a = new Audit();
    Script script = Script.parse(text);
    Map<Written, Claim> claimed = new HashMap<>();
    for (Claim row : rows) {
      Written w = locate(script, row.phrase());
      if (w == null) {
        a.problems.add("the table's row '" + row.phrase() + "' (" + row.checks()
            + ") matches no comment of " + example + ": update or remove it");
      } else {
        claimed.put(w, row);
      }
    }
    double[] printed = golden == null ? new double[0] : golden.numbers();
    for (Written w : script.said()) {
      String how = a.account(example, w, script, claimed, evidence, exampleNumbers, printed);
      a.findings.add(new Finding(w, how));
      if (how == null) {
        a.problems.add(example + ": " + w + " is not accounted for: no literal of the script,"
            + " no number of the output at that precision, no row of the claims table; in \""
            + script.commentLines().get(w.line() - 1).trim() + "\"");
      }
    }
    return a;
  }

  private String account(String example, Written w, Script script, Map<Written, Claim> claimed,
      Evidence evidence, Set<String> exampleNumbers, double[] printed) {
    Claim row = claimed.get(w);
    if (row != null) {
      double v = row.value().applyAsDouble(evidence);
      if (!w.matches(v)) {
        problems.add(example + ": " + w + " claims " + row.checks() + ", which is " + v);
      }
      return "table: " + row.checks() + " = " + v;
    }
    Matcher title = TITLE.matcher(script.commentLines().get(w.line() - 1));
    if (w.line() == 1 && title.find() && w.start() == title.start(1)) {
      if (!example.startsWith(title.group(1) + "_")) {
        problems.add(example + ": its title line says it is example " + w.text());
      }
      return "the example's own number";
    }
    if (EXAMPLE_REFERENCE.matcher(w.text()).matches()) {
      if (!exampleNumbers.contains(w.text())) {
        problems.add(example + ": " + w + " names no example (no examples/" + w.text()
            + "_*.opt)");
      }
      return "names example " + w.text();
    }
    for (double literal : script.literals()) {
      if (literal == w.value() || w.eitherSign() && literal == -w.value()) {
        return "a literal of the script";
      }
    }
    for (double v : printed) {
      if (w.matches(v)) {
        return "printed: " + v;
      }
    }
    return null;
  }

  /** The number a row's phrase points at: the first number of the phrase, on its line. */
  private static Written locate(Script script, String phrase) {
    List<Written> inPhrase = Script.numbers(phrase, 0);
    if (inPhrase.isEmpty()) {
      return null;
    }
    int offset = inPhrase.get(0).start();
    for (int i = 0; i < script.commentLines().size(); i++) {
      int at = script.commentLines().get(i).indexOf(phrase);
      if (at < 0) {
        continue;
      }
      for (Written w : script.said()) {
        if (w.line() == i + 1 && w.start() == at + offset) {
          return w;
        }
      }
    }
    return null;
  }
}

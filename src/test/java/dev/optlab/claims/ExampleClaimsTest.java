package dev.optlab.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.claims.Audit.Claim;
import dev.optlab.claims.Script.Written;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number an example's comment states is checked by its test: {@link Audit} accounts for
 * each number of each {@code examples/*.opt} comment by the script's code, the example's golden
 * output at the precision written, or a row of {@link ExampleClaims}. The synthetic cases below
 * show that a wrong figure fails. {@code examples/long/} has no golden output (its runs take
 * minutes), so it is not audited here.
 */
class ExampleClaimsTest {
  static final Path EXAMPLES = Path.of("examples");

  static Stream<String> examples() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".opt"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
    }
  }

  static Set<String> exampleNumbers() throws IOException {
    Set<String> out = new TreeSet<>();
    examples().forEach(n -> out.add(n.substring(0, 2)));
    return out;
  }

  static Audit audit(String example, String text) throws IOException {
    List<Claim> rows = ExampleClaims.ROWS.stream().filter(r -> r.example().equals(example))
        .toList();
    return Audit.of(example, text, Golden.of(example), rows, new Audit.Evidence(),
        exampleNumbers());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyNumberACommentStatesIsAccountedFor(String example) throws IOException {
    Audit a = audit(example, Files.readString(EXAMPLES.resolve(example + ".opt")));
    assertFalse(a.findings().isEmpty(), example + ": no numbers found in its comments");
    assertTrue(a.problems().isEmpty(), String.join("\n", a.problems()));
  }

  @Test
  void everyRowOfTheTableBelongsToAnExample() throws IOException {
    Set<String> names = new TreeSet<>(examples().toList());
    for (Claim row : ExampleClaims.ROWS) {
      assertTrue(names.contains(row.example()), "no example " + row.example() + " for the row '"
          + row.phrase() + "'");
    }
  }

  /**
   * The real examples with one figure of a comment changed: each figure that the output or the
   * table accounts for, written with two or more significant digits, has its last digit moved
   * by 3 ("67 times" becomes "60 times", "step 1482" becomes "step 1485"), and the audit must
   * fail. A change that still passes lands on another number the same output prints (before the
   * table pinned them, 9 of 125 did: Adam's "97.2%" changed to "97.5%" is momentum's accuracy);
   * pin such a figure to its cell with a row of {@link ExampleClaims}.
   */
  @Test
  void changingAFigureInAnExampleFailsItsAudit() throws IOException {
    List<String> survivors = new ArrayList<>();
    int mutants = 0;
    for (String example : examples().toList()) {
      String text = Files.readString(EXAMPLES.resolve(example + ".opt"));
      String[] lines = text.split("\n", -1);
      for (Audit.Finding f : audit(example, text).findings()) {
        Written w = f.number();
        String mantissa = w.text().replaceAll("e.*", "").replaceAll("[^0-9]", "")
            .replaceFirst("^0+", "");
        if (f.how() == null || f.how().startsWith("a literal") || f.how().startsWith("names")
            || f.how().startsWith("the example's") || mantissa.length() < 2) {
          continue;
        }
        int last = lastDigit(w.text());
        String changed = w.text().substring(0, last)
            + (char) ('0' + (w.text().charAt(last) - '0' + 3) % 10) + w.text().substring(last + 1);
        String[] mutated = lines.clone();
        String line = lines[w.line() - 1];
        int at = Script.commentStart(line) + 1 + w.start();
        mutated[w.line() - 1] = line.substring(0, at) + changed
            + line.substring(at + w.text().length());
        mutants++;
        if (audit(example, String.join("\n", mutated)).problems().isEmpty()) {
          survivors.add(example + " " + w + " -> '" + changed + "'");
        }
      }
    }
    assertTrue(mutants >= 100, "only " + mutants + " figures changed");
    assertTrue(survivors.isEmpty(), survivors.size() + " of " + mutants + " changed figures"
        + " still pass (pin each to its cell with a row of ExampleClaims): " + survivors);
  }

  private static int lastDigit(String s) {
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    for (int i = mantissa.length() - 1; i >= 0; i--) {
      if (Character.isDigit(mantissa.charAt(i))) {
        return i;
      }
    }
    throw new AssertionError(s);
  }

  // ------------------------------------------------------------------------------------------
  // Synthetic examples: the matching rules, each shown passing and failing

  private static final String OUTPUT = """
      sgd on f from (x = 3): SGD(lr=0.1, momentum=0.9)
      step            lr          loss      accuracy             x
         0           0.1           4.5      0.266667             3
      1482           0.1   0.000142108           0.9     -6.04785
      sgd: final loss 0.000142108 at (x = -6.04785) after 1482 steps (TIME)
      """;

  private static Audit synthetic(String comment, List<Claim> rows) {
    String script = "# 05 — a synthetic example\n# " + comment + "\n"
        + "objective f(x = 3) = 0.5 * x^2\nrun SGD(lr = 0.1, momentum = 0.9) on f for 1482 steps\n";
    return Audit.of("05_synthetic", script, Golden.parse("05_synthetic", OUTPUT), rows,
        new Audit.Evidence(), Set.of("01", "05"));
  }

  private static void passes(String comment) {
    Audit a = synthetic(comment, List.of());
    assertTrue(a.problems().isEmpty(), comment + ": " + a.problems());
  }

  private static void fails(String comment, String naming) {
    Audit a = synthetic(comment, List.of());
    assertFalse(a.problems().isEmpty(), comment + ": passed");
    assertTrue(a.problems().get(0).contains(naming), a.problems().toString());
  }

  @Test
  void aPrintedFigureMatchesAtThePrecisionWrittenAndNoLooser() {
    passes("the loss ends at 1.4e-4, 0.00014, 1.42e-4");
    fails("the loss ends at 1.5e-4", "'1.5e-4'");
    fails("the loss ends at 1.43e-4", "'1.43e-4'");
    passes("x ends at -6.05, about -6, ~-6");
    fails("x ends at -6.1", "'-6.1'");
    fails("x ends at 6.05", "'6.05'"); // the sign is part of the figure
  }

  @Test
  void anIntegerIsACountAndExact() {
    passes("it stops at step 1482");
    fails("it stops at step 1483", "'1483'");
    fails("x ends at -6", "'-6'"); // a rounded figure shows its decimals, or says "about"
  }

  @Test
  void aPercentIsAFractionOfOne() {
    passes("90% of the held-out rows right, 27% at the start");
    fails("80% of the held-out rows right", "'80%'");
  }

  @Test
  void aLiteralOfTheCodeIsAccountedForExactly() {
    passes("lr = 0.1 with momentum 0.9 from x = 3, half of x^2 (0.5)");
    fails("lr = 0.11", "'0.11'");
  }

  @Test
  void aDerivedFigureIsCheckedByItsRow() {
    Claim ratio = new Claim("05_synthetic", "5 times", "the loss at step 0 over the accuracy",
        e -> 4.5 / 0.9);
    assertTrue(synthetic("the loss is 5 times the accuracy", List.of(ratio)).problems().isEmpty());
    Claim wrong = new Claim("05_synthetic", "5 times", "the loss at step 0 over 0.75",
        e -> 4.5 / 0.75);
    assertEquals(1, synthetic("the loss is 5 times the accuracy", List.of(wrong)).problems().size());
    // a row is checked even where a printed number would match by accident (0.9 is printed)
    Claim factor = new Claim("05_synthetic", "0.9 per step", "x's factor 1 - lr", e -> 1 - 0.1);
    assertTrue(synthetic("x shrinks by 0.9 per step", List.of(factor)).problems().isEmpty());
    Claim bad = new Claim("05_synthetic", "0.9 per step", "x's factor 1 - 2 lr", e -> 1 - 0.2);
    assertFalse(synthetic("x shrinks by 0.9 per step", List.of(bad)).problems().isEmpty());
  }

  @Test
  void aRowWhosePhraseIsGoneFails() {
    Claim row = new Claim("05_synthetic", "67 times lower", "a ratio", e -> 67);
    List<String> problems = synthetic("the loss falls a lot", List.of(row)).problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("matches no comment"), problems.toString());
  }

  @Test
  void aRatioInWordsIsANumberToo() {
    fails("the loss falls a hundred times", "'a hundred times'");
    passes("two runs, three optimizers"); // counting words are not read
  }

  @Test
  void exampleReferencesMustNameAnExample() {
    passes("as in 01 (see 01)");
    fails("as in 09", "names no example");
  }

  @Test
  void numbersGluedToNamesAndRangesAreReadAsWritten() {
    List<Written> w = Script.numbers("r4 = mul W1 r5; files 01-07; 64-128-10; x = -1.5; +-1; 60,000; "
        + "(1, 3)", 1);
    assertEquals(List.of("01", "07", "64", "128", "10", "-1.5", "+-1", "60,000", "1", "3"),
        w.stream().map(Written::text).toList());
    assertEquals(60000, w.get(7).value());
    assertTrue(w.get(6).matches(-1) && w.get(6).matches(1));
  }

  @Test
  void aCommentStartsAtAHashOutsideAString() {
    Script s = Script.parse("data d = csv(\"a#1.csv\", test = 0.2)  # 20% held out\n");
    assertEquals(List.of(0.2), s.literals());
    assertEquals(List.of("20%"), s.said().stream().map(Written::text).toList());
  }
}

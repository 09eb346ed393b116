package dev.optlab.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fast.ai's four suggestion rules on fixed loss curves, against the project's reference written
 * from fast.ai's source ({@code src/test/resources/lrfind/lrfind_reference.py}), bit for bit.
 */
class SuggestionsTest {
  static final Path DIR = Path.of("src/test/resources/lrfind");

  static List<String[]> csv(Path file) throws IOException {
    return Files.readAllLines(file).stream().skip(1).map(l -> l.split(",")).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"clean", "noisy", "flat"})
  void eachRuleOnAFixedCurveIsFastAisAnswer(String curve) throws IOException {
    List<String[]> points = csv(DIR.resolve("curve_" + curve + ".csv"));
    // the window lr_find reads: num_it // 10 to the fifth from last
    List<String[]> window = points.subList(points.size() / 10, points.size() - 5);
    double[] x = window.stream().mapToDouble(r -> Double.parseDouble(r[0])).toArray();
    double[] y = window.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray();
    for (String[] want : csv(DIR.resolve("curve_" + curve + "_suggest.csv"))) {
      LrFinder.Suggestion s = Suggestions.of(LrFinder.Rule.valueOf(want[0].toUpperCase()), x, y);
      assertBits(want[1], s.lr(), curve + " " + want[0] + " lr");
      assertBits(want[2], s.markLr(), curve + " " + want[0] + " mark lr");
      assertBits(want[3], s.markLoss(), curve + " " + want[0] + " mark loss");
    }
  }

  static void assertBits(String want, double got, String what) {
    assertEquals(Double.doubleToLongBits(Double.parseDouble(want)), Double.doubleToLongBits(got),
        what + ": want " + want + ", got " + got);
  }
}

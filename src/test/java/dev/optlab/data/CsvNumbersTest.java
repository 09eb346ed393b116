package dev.optlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming loader parses numbers from bytes (Clinger's fast path, else the JDK): every cell
 * must read exactly as {@link Double#parseDouble} reads it, bit for bit.
 */
class CsvNumbersTest {
  @TempDir Path dir;

  private static String randomNumber(Random r) {
    StringBuilder s = new StringBuilder();
    if (r.nextInt(3) == 0) {
      s.append(r.nextBoolean() ? '-' : '+');
    }
    int intDigits = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(12);
    for (int i = 0; i < intDigits; i++) {
      s.append((char) ('0' + r.nextInt(10)));
    }
    if (intDigits == 0 || r.nextBoolean()) {
      s.append('.');
      int frac = 1 + r.nextInt(intDigits == 0 ? 20 : 12);
      for (int i = 0; i < frac; i++) {
        s.append((char) ('0' + r.nextInt(10)));
      }
    }
    if (r.nextInt(3) == 0) {
      s.append(r.nextBoolean() ? 'e' : 'E').append(r.nextBoolean() ? "-" : "")
          .append(r.nextInt(r.nextBoolean() ? 25 : 320));
    }
    return s.toString();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void everyCellReadsAsParseDoubleReadsIt(long seed) throws Exception {
    Random r = new Random(seed);
    List<String> cells = new ArrayList<>(List.of("0", "-0", "0.1", "0.30000000000000004",
        "9007199254740993", "123456789012345", "1234567890123456", "1e22", "1e23", "4.9e-324",
        "2.2250738585072014E-308", "1.7976931348623157e308", ".5", "5.", "00012.500", "1e-22"));
    while (cells.size() < 20_000) {
      String c = randomNumber(r);
      if (Double.isFinite(Double.parseDouble(c))) {
        cells.add(c);
      }
    }
    StringBuilder text = new StringBuilder("v,y\n");
    for (String c : cells) {
      text.append(c).append(",1\n");
    }
    Path file = dir.resolve("n.csv");
    Files.writeString(file, text);
    Dataset d = CsvLoader.load(file, "n.csv", "d", "y", 0, 0, Preparation.Scale.NONE);
    double[] x = d.train().x();
    for (int i = 0; i < cells.size(); i++) {
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cells.get(i))),
          Double.doubleToRawLongBits(x[i]), cells.get(i));
    }
  }
}

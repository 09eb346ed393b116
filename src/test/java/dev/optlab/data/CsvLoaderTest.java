package dev.optlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV parser on inputs the error table cannot hold comfortably: very wide headers. */
class CsvLoaderTest {
  private static String wideHeader(int columns, String last) {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < columns; j++) {
      b.append('c').append(j).append(',');
    }
    return b.append(last).append('\n').toString();
  }

  private static Dataset load(Path dir, String text, String target) throws Exception {
    Path file = dir.resolve("wide.csv");
    Files.writeString(file, text);
    return CsvLoader.load(file, "wide.csv", "d", target, 0, 0, Preparation.Scale.NONE);
  }

  /**
   * 200,000 columns took 43 s when each name was looked up with indexOf (quadratic). The bound
   * is a hang guard, 20x what the linear check needs on a loaded machine, not a speed claim.
   */
  @Test
  void aDuplicateNameInAWideHeaderIsFoundWithoutQuadraticWork(@TempDir Path dir) {
    String text = wideHeader(200_000, "c7") + "1\n";
    DataError e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(DataError.class, () -> load(dir, text, "c7")));
    assertEquals("wide.csv, line 1: column \"c7\" appears twice", e.getMessage());
  }

  @Test
  void aWideHeaderOfUniqueNamesParses(@TempDir Path dir) {
    StringBuilder row = new StringBuilder();
    for (int j = 0; j <= 200_000; j++) {
      row.append(j == 0 ? "" : ",").append(j % 10);
    }
    String text = wideHeader(200_000, "label") + row + "\n";
    Dataset d = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(dir, text, "label"));
    assertEquals(200_000, d.cols());
    assertEquals(1, d.train().rows());
    assertEquals(0.0, d.train().y()[0]); // 200000 % 10
    assertEquals(9.0, d.train().x()[199_999]);
  }

  @Test
  void aMissingTargetInAWideFileListsOnlyTheFirstColumns(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("wide.csv");
    Files.writeString(file, wideHeader(200_000, "label") + "0,".repeat(200_000) + "1\n");
    DataError e = assertThrows(DataError.class, () -> CsvLoader.load(file, "wide.csv", "d",
        "lable", 0, 0, Preparation.Scale.NONE));
    assertTrue(e.getMessage().startsWith("no column \"lable\" in wide.csv (its columns are c0, c1,"),
        e.getMessage());
    assertTrue(e.getMessage().contains("c9 and 199991 more)"), e.getMessage());
    assertTrue(e.getMessage().endsWith("did you mean \"label\"?"), e.getMessage());
  }
}

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

  /**
   * 200,000 columns took 43 s when each name was looked up with indexOf (quadratic). The bound
   * is a hang guard, 20x what the linear check needs on a loaded machine, not a speed claim.
   */
  @Test
  void aDuplicateNameInAWideHeaderIsFoundWithoutQuadraticWork() {
    String text = wideHeader(200_000, "c7") + "1\n";
    DataError e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(DataError.class, () -> CsvLoader.parse(text, "wide.csv")));
    assertEquals("wide.csv, line 1: column \"c7\" appears twice", e.getMessage());
  }

  @Test
  void aWideHeaderOfUniqueNamesParses() {
    StringBuilder row = new StringBuilder();
    for (int j = 0; j <= 200_000; j++) {
      row.append(j == 0 ? "" : ",").append(j % 10);
    }
    String text = wideHeader(200_000, "label") + row + "\n";
    CsvLoader.Table t = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> CsvLoader.parse(text, "wide.csv"));
    assertEquals(200_001, t.header().size());
    assertEquals("label", t.header().get(200_000));
    assertEquals(1, t.rows().size());
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

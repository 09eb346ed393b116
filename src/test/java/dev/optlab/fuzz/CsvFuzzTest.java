package dev.optlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.optlab.data.CsvLoader;
import dev.optlab.data.DataError;
import dev.optlab.data.Preparation;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the streaming CSV reader: any bytes load, or fail with a
 * {@link DataError} (a message for the user), in under 2 s; no other exception. In {@code mvn
 * verify} it replays {@code CsvFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class CsvFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyBytesLoadOrFailWithAMessage(byte[] bytes) throws Exception {
    Path file = Files.createTempFile("fuzz", ".csv");
    try {
      Files.write(file, bytes);
      long start = System.nanoTime();
      try {
        CsvLoader.load(file, "fuzz.csv", "d", "y", 0.2, 0, Preparation.Scale.STANDARD);
      } catch (DataError e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        assertTrue(e.getMessage().indexOf('\u001b') < 0, "raw escape: " + e.getMessage());
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < 2000, "took " + ms + " ms");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}

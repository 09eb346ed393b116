package dev.optlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.optlab.data.CsvLoader;
import dev.optlab.data.DataError;
import dev.optlab.data.Preparation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the streaming CSV reader: any bytes load, or fail with a
 * {@link DataError} (a one-line message for the user, no raw control characters), in under 2 s;
 * no other exception, no out-of-memory, nothing left in the working directory. In {@code mvn
 * verify} it replays {@code CsvFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class CsvFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyBytesLoadOrFailWithAMessage(byte[] bytes) throws Exception {
    Set<String> before = FuzzHarness.workingDirectory();
    Path sandbox = FuzzHarness.sandbox();
    long start;
    try {
      Path file = sandbox.resolve("fuzz.csv");
      Files.write(file, bytes);
      start = System.nanoTime();
      try {
        CsvLoader.load(file, "fuzz.csv", "d", "y", 0.2, 0, Preparation.Scale.STANDARD);
      } catch (DataError e) {
        String m = e.getMessage();
        assertTrue(m != null && !m.isBlank(), "no message");
        assertTrue(m.chars().noneMatch(c -> c < 0x20 && c != '\n' || c == 0x7f),
            "raw control character: " + m);
      }
    } finally {
      FuzzHarness.delete(sandbox);
    }
    FuzzHarness.assertClean(start, before);
  }
}

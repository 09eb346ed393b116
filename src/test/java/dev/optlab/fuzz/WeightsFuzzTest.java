package dev.optlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.optlab.data.CsvArray;
import dev.optlab.data.DataError;
import dev.optlab.data.NpyReader;
import dev.optlab.data.NumericArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the starting-value files of tensor parameters ({@code W[4, 3] =
 * csv("w.csv")} or {@code npy("w.npy")}): the first byte picks the reader (even: the headerless
 * CSV, odd: the float64 .npy), the rest is the file. Any bytes read as an array whose values
 * fill its shape, or fail with a {@link DataError}, in under 2 s. {@code mvn verify} replays
 * {@code WeightsFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes for real (bench/fuzz.sh).
 */
class WeightsFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyBytesReadAsWeightsOrFailWithAMessage(byte[] bytes) throws Exception {
    if (bytes.length == 0) {
      return;
    }
    boolean npy = (bytes[0] & 1) == 1;
    Path file = Files.createTempFile("fuzz", npy ? ".npy" : ".csv");
    try {
      Files.write(file, Arrays.copyOfRange(bytes, 1, bytes.length));
      long start = System.nanoTime();
      try {
        NumericArray a = npy ? NpyReader.readFloat64(file, "w.npy") : CsvArray.read(file, "w.csv");
        long size = Arrays.stream(a.shape()).reduce(1, (x, y) -> x * y);
        assertTrue(size == a.values().length, "shape " + Arrays.toString(a.shape()) + " but "
            + a.values().length + " values");
        if (!npy) {
          assertTrue(Arrays.stream(a.values()).allMatch(Double::isFinite), "a CSV's are finite");
        }
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

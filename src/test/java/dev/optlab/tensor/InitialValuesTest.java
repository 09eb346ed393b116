package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.trace.TraceRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Tensor parameters that start from given values, so a run can start from PyTorch's weights:
 * torch draws W and b (src/test/resources/tensor/init/make_init.py), saves them as .npy and CSV,
 * and trains 20 steps; optlab starts from the same files and must trace the same losses (within
 * 1e-12: the matrix product sums in another order than torch's).
 */
class InitialValuesTest {
  private static final String DIR = "src/test/resources/tensor/init/";
  private static final String LOGREG = "data iris = csv(\"examples/data/iris.csv\", target = "
      + "\"species\")\nobjective logreg(W[4, 3] = npy(\"" + DIR + "W.npy\"), b[3] = csv(\"" + DIR
      + "b.csv\")) = cross_entropy(iris.x @ W + b, iris.y)\n";

  @ParameterizedTest
  @CsvSource({"sgd, 'SGD(lr = 0.05, momentum = 0.9)'", "adam, Adam(lr = 0.05)"})
  void aRunFromTorchsWeightsTracesTorchsLosses(String run, String optimizer) throws Exception {
    List<TraceRow> rows = Capture.run(LOGREG + "run " + optimizer
        + " on logreg for 20 steps every 1\n").rows;
    List<String[]> torch = Files.readAllLines(Path.of(DIR, "torch_losses.csv")).stream().skip(1)
        .map(l -> l.split(",")).filter(r -> r[0].equals(run)).toList();
    assertEquals(21, torch.size());
    assertEquals(21, rows.size());
    for (int k = 0; k <= 20; k++) {
      double want = Double.parseDouble(torch.get(k)[2]);
      assertEquals(want, rows.get(k).loss(), 1e-12 * want, run + " step " + k);
    }
  }

  @Test
  void aListLiteralIsReadRowMajor() {
    Capture c = Capture.run("objective f(W[2, 3] = [[1, 2, 3], [4, 5, 6]]) = sum(W * W)\n"
        + "print grad(f)\n");
    assertEquals("grad f at its initial weights (seed 0):\n  W[2, 3] = [2.0, 4.0, 6.0, 8.0,"
        + " 10.0, 12.0]", c.printed.get(0));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "W[3, 4] = npy(\"" + DIR + "W.npy\")|W is declared [3, 4] but " + DIR
          + "W.npy has shape [4, 3]",
      "W[2, 2] = [[1, 2], [3]]|the list is ragged: 1 item where the first list at this depth has 2",
      // once accepted: three values for four, the last left at 0
      "W[2, 2] = [1, [2, 3]]|the list is ragged: a list where a number was expected",
      "W[2, 2] = [[1, 2], 3]|the list is ragged: a number where a list of 2 was expected",
      "W[2] = csv(\"" + DIR + "nope.csv\")|cannot read \"" + DIR + "nope.csv\": no such file",
      "W[2] = npy(42)|npy takes the file: W = npy(\"FILE.npy\")"})
  void badValuesAreLocatedErrors(String param, String message) {
    OptlabError e = assertThrows(OptlabError.class,
        () -> Capture.run("objective f(" + param + ") = sum(W)\n"));
    String shown = DiagnosticRenderer.render(e);
    assertTrue(shown.startsWith("test.opt:1:") && shown.contains("error: " + message), shown);
  }
}

package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.exec.RunControl;
import dev.optlab.source.Source;
import dev.optlab.trace.TraceRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 4-8-3 tanh MLP on iris started from PyTorch's own weights: make_mlp.py (beside mlp.opt in
 * src/test/resources/tensor/init) drew them with nn.Linear's default init, saved them as .npy and
 * CSV, and wrote torch's gradient there and 20 full-batch steps of SGD with momentum and of
 * Adam. mlp.opt names the files relative to itself. optlab agrees within a relative 1e-12, not
 * to the bit: its matrix products and cross_entropy's sums add in another order than torch's
 * BLAS and vectorised kernels, which moves the last bits (measured worst: printed by the tests,
 * 1.1e-15 for the gradient, 1.4e-14 for the traces, 2026-12-05).
 */
class MlpFromTorchWeightsTest {
  private static final Path DIR = Path.of("src/test/resources/tensor/init");
  private static final double TOLERANCE = 1e-12;
  private static Capture c;

  @BeforeAll
  static void run() throws IOException {
    c = new Capture();
    Path script = DIR.resolve("mlp.opt");
    // the script's own directory, not the working directory, anchors its relative paths
    new Engine().run(new Source("mlp.opt", Files.readString(script),
        script.toAbsolutePath().getParent()), false, c, RunControl.none());
  }

  private static double relative(double actual, double expected) {
    return Math.abs(actual - expected) / Math.max(1e-3, Math.abs(expected));
  }

  @Test
  void printGradShowsTorchsGradientAtItsWeights() throws IOException {
    Map<String, List<Double>> torch = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DIR.resolve("mlp_grad.csv")).subList(1, 68)) {
      String[] r = line.split(",");
      torch.computeIfAbsent(r[0], k -> new ArrayList<>()).add(Double.parseDouble(r[2]));
    }
    String[] lines = c.printed.get(0).split("\n");
    assertEquals("grad mlp at its initial weights (seed 0), over the 150 training rows of iris:",
        lines[0]);
    assertEquals(5, lines.length);
    double worst = 0;
    int k = 1;
    for (Map.Entry<String, List<Double>> e : torch.entrySet()) {
      String line = lines[k++];
      assertTrue(line.startsWith("  " + e.getKey() + "["), line);
      String[] cells = line.substring(line.indexOf("= [") + 3).split(", ");
      List<Double> want = e.getValue();
      for (int i = 0; i < Math.min(8, want.size()); i++) {
        double error = relative(Double.parseDouble(cells[i].replace("]", "")), want.get(i));
        worst = Math.max(worst, error);
        assertTrue(error <= TOLERANCE, e.getKey() + "[" + i + "]: " + cells[i] + " vs torch "
            + want.get(i));
      }
      if (want.size() > 8) {
        double norm = Math.sqrt(want.stream().mapToDouble(v -> v * v).sum());
        String shown = line.substring(line.indexOf("norm ") + 5, line.length() - 2);
        assertTrue(line.contains("... (" + want.size() + " values, norm "), line);
        assertTrue(relative(Double.parseDouble(shown), norm) <= TOLERANCE, line);
      }
    }
    System.out.println("mlp gradient: largest relative difference from torch " + worst);
  }

  @Test
  void sgdAndAdamFromTorchsWeightsTraceTorchsLosses() throws IOException {
    List<String> torch = Files.readAllLines(DIR.resolve("mlp_losses.csv"));
    assertEquals(43, torch.size());
    assertEquals(42, c.rows.size());
    double worst = 0;
    for (int k = 0; k < 42; k++) {
      String[] want = torch.get(k + 1).split(",");
      TraceRow row = c.rows.get(k);
      assertEquals(Long.parseLong(want[1]), row.step());
      double[] actual = {row.loss(), row.gradNorm()};
      for (int j = 0; j < 2; j++) {
        double error = relative(actual[j], Double.parseDouble(want[j + 2]));
        worst = Math.max(worst, error);
        assertTrue(error <= TOLERANCE, want[0] + " step " + want[1] + ": " + actual[j]
            + " vs torch " + want[j + 2]);
      }
    }
    System.out.println("mlp traces: largest relative difference from torch " + worst);
  }
}

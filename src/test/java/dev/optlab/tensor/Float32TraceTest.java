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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code dtype = float32} against PyTorch's float32 (make_mlp32.py beside mlp32.opt in
 * src/test/resources/tensor/init): the 4-8-3 tanh MLP on iris from the same starting weights,
 * 30 full-batch steps of every built-in optimizer (SGD with momentum, and with Nesterov momentum
 * and weight decay, Adam, AdamW, centered RMSprop with momentum, Adagrad, Adamax, Adadelta,
 * NAdam, RAdam, Rprop, options away from their defaults). Losses and gradient norms agree
 * within a relative 3e-5: products and sums add in another order than torch's BLAS and
 * vectorised kernels, float32 keeps 24 bits, and 30 steps compound ulp-sized differences.
 * Measured worst (printed by the test, 2026-12-05): 1.1e-5 for centered RMSprop, which divides
 * each gradient element by its own running RMS, so an element near zero that differs in its last
 * bits moves its parameter by a whole step; 3.0e-6 for SGD; 2e-7 to 2e-6 for the others. The
 * step-0 loss must equal torch's float32 number to the bit, which float64 arithmetic would not.
 */
class Float32TraceTest {
  private static final Path DIR = Path.of("src/test/resources/tensor/init");
  static final double TOLERANCE = 3e-5;
  private static Capture c;

  @BeforeAll
  static void run() throws IOException {
    c = new Capture();
    Path script = DIR.resolve("mlp32.opt");
    new Engine().run(new Source("mlp32.opt", Files.readString(script),
        script.toAbsolutePath().getParent()), false, c, RunControl.none());
  }

  @Test
  void everyOptimizerTracesTorchsFloat32LossesAndGradientNorms() throws IOException {
    List<String> torch = Files.readAllLines(DIR.resolve("mlp32_losses.csv"));
    assertEquals(342, torch.size());
    assertEquals(341, c.rows.size());
    double worst = 0;
    for (int k = 0; k < 341; k++) {
      String[] want = torch.get(k + 1).split(",");
      TraceRow row = c.rows.get(k);
      assertEquals(Long.parseLong(want[1]), row.step());
      double[] actual = {row.loss(), row.gradNorm()};
      for (int j = 0; j < 2; j++) {
        double expected = Double.parseDouble(want[j + 2]);
        double error = Math.abs(actual[j] - expected) / Math.max(1e-3, Math.abs(expected));
        worst = Math.max(worst, error);
        assertTrue(error <= TOLERANCE, want[0] + " step " + want[1] + ": " + actual[j]
            + " vs torch " + want[j + 2]);
      }
    }
    System.out.println("float32 traces: largest relative difference from torch " + worst);
  }

  @Test
  void theFirstLossIsTorchsFloat32Number() throws IOException {
    String[] want = Files.readAllLines(DIR.resolve("mlp32_losses.csv")).get(1).split(",");
    // a float32 value: rounding it to float changes nothing, and it is torch's to the bit
    assertEquals((float) c.rows.get(0).loss(), c.rows.get(0).loss());
    assertEquals(Double.parseDouble(want[2]), c.rows.get(0).loss());
  }
}

package dev.optlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.exec.RunControl;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import dev.optlab.trace.TraceRow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parameter groups against PyTorch 1.13 with one optimizer per param_group (src/test/resources/
 * optim/groups/make_groups.py wrote the goldens; each golden's first line is the script). On
 * scalar objectives every traced value is bit-exact, as the built-ins are; the trace's lr is the
 * first group's. The MLP agrees within a relative 1e-12, as MlpFromTorchWeightsTest does without
 * groups (matrix products summed in another order than torch's BLAS).
 */
class ParamGroupsGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/optim/groups");

  @ParameterizedTest
  @ValueSource(strings = {"rosen_sgd_adam", "rosen_adam_step_nesterov"})
  void scalarGroupsAreBitExact(String name) {
    Golden.Table golden = Golden.csv("groups/" + name + ".csv");
    Capture c = run(name);
    assertEquals(golden.rows().size(), c.rows.size(), name + ": rows");
    for (int k = 0; k < c.rows.size(); k++) {
      double[] want = golden.rows().get(k);
      TraceRow row = c.rows.get(k);
      String where = name + " step " + row.step();
      assertEquals((long) want[golden.column("step")], row.step(), where);
      Golden.assertExact(want[golden.column("lr")], row.lr(), where + " lr");
      Golden.assertExact(want[golden.column("loss")], row.loss(), where + " loss");
      Golden.assertExact(want[golden.column("grad_norm")], row.gradNorm(), where + " grad_norm");
      Golden.assertExact(want[golden.column("x")], row.params()[0], where + " x");
      Golden.assertExact(want[golden.column("y")], row.params()[1], where + " y");
    }
  }

  @Test
  void mlpWithSgdForMatricesAndScheduledAdamForBiasesMatchesTorch() {
    String name = "mlp_sgd_adam_cosine";
    Golden.Table golden = Golden.csv("groups/" + name + ".csv");
    Capture c = run(name);
    assertEquals(golden.rows().size(), c.rows.size(), name + ": rows");
    double worst = 0;
    for (int k = 0; k < c.rows.size(); k++) {
      double[] want = golden.rows().get(k);
      TraceRow row = c.rows.get(k);
      Golden.assertExact(want[golden.column("lr")], row.lr(), name + " step " + k + " lr");
      double[] got = {row.loss(), row.gradNorm(), row.params()[1], row.params()[2],
          row.params()[3], row.params()[4]};
      double[] expected = {want[golden.column("loss")], want[golden.column("grad_norm")],
          want[golden.column("W1_norm")], want[golden.column("b1_norm")],
          want[golden.column("W2_norm")], want[golden.column("b2_norm")]};
      for (int j = 0; j < got.length; j++) {
        double error = Math.abs(got[j] - expected[j]) / Math.max(1e-3, Math.abs(expected[j]));
        worst = Math.max(worst, error);
        assertTrue(error <= 1e-12, name + " step " + k + ": " + got[j] + " vs torch "
            + expected[j]);
      }
    }
    System.out.println(name + ": largest relative difference from torch " + worst);
  }

  /** Runs NAME.opt beside the golden, its relative paths anchored at its directory. */
  private static Capture run(String name) {
    Capture c = new Capture();
    new Engine().run(new Source(name + ".opt", Golden.text("groups/" + name + ".opt"),
        DIR.toAbsolutePath()), false, c, RunControl.none());
    return c;
  }
}

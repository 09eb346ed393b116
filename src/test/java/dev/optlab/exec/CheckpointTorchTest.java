package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optlab.Engine;
import dev.optlab.io.SafeTensors;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PyTorch round trip (src/test/resources/checkpoint/make_goldens.py, run once with torch
 * 1.13): optlab's checkpoint after 30 steps, loaded into torch.optim by tools/optlab_checkpoint.py
 * and continued 40 steps there, matched PyTorch's own 70 steps bit for bit; here, optlab still
 * writes exactly that file, and resumes PyTorch's own 30-step state (written by the same tool)
 * to the same 70-step trace.
 */
class CheckpointTorchTest {
  static final Path DIR = Path.of("src/test/resources/checkpoint");
  static final int N = 30;
  static final int M = 40;

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "adam; Adam(lr = 0.05)",
      "sgd_momentum; SGD(lr = 1e-3, momentum = 0.9)",
      "rmsprop_centered; RMSprop(lr = 1e-3, momentum = 0.5, centered = true)",
      "adagrad; Adagrad(lr = 0.1)"})
  void roundTripsThroughPyTorch(String name, String optimizer) throws Exception {
    List<String> golden = Files.readAllLines(DIR.resolve(name + "_golden.csv"));
    assertEquals(N + M + 2, golden.size());
    // torch continued from optlab's file exactly as it trains straight (checked when generated)
    assertEquals(golden.subList(N + 1, golden.size()),
        Files.readAllLines(DIR.resolve(name + "_torch_continued.csv")).subList(1, M + 2));

    Path ours = dir.resolve("ours.safetensors");
    Path fromTorch = DIR.resolve(name + "_torch_30.safetensors").toAbsolutePath();
    String script = "objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n"
        + "run " + optimizer + " on rosenbrock for " + N + " steps checkpoint \"" + ours + "\"\n"
        + "run " + optimizer + " on rosenbrock for " + (N + M) + " steps trace \""
        + dir.resolve("straight.csv") + "\"\n"
        + "run " + optimizer + " on rosenbrock resume \"" + fromTorch + "\" for " + M
        + " more steps trace \"" + dir.resolve("resumed.csv") + "\"\n";
    new Engine().run(new Source("t.opt", script), false, new Capture(), RunControl.none());

    SafeTensors.Contents now = SafeTensors.read(ours);
    SafeTensors.Contents fed = SafeTensors.read(DIR.resolve(name + "_optlab_30.safetensors"));
    assertEquals(fed.tensors().keySet(), now.tensors().keySet());
    for (Map.Entry<String, SafeTensors.Tensor> e : fed.tensors().entrySet()) {
      assertArrayEquals(e.getValue().data(), now.tensors().get(e.getKey()).data(), e.getKey());
    }
    assertEquals(fed.metadata(), now.metadata());

    assertEquals(golden.subList(1, golden.size()), columns(dir.resolve("straight.csv")));
    assertEquals(golden.subList(N + 1, golden.size()), columns(dir.resolve("resumed.csv")),
        "optlab resumed PyTorch's state");
  }

  /** step,loss,x,y of an optlab trace file (run,step,lr,loss,grad_norm,x,y), no header. */
  private static List<String> columns(Path trace) throws Exception {
    return Files.readAllLines(trace).stream().skip(1).map(l -> {
      String[] c = l.split(","); // the run column may hold commas: count from the end
      int n = c.length;
      return String.join(",", c[n - 6], c[n - 4], c[n - 2], c[n - 1]);
    }).toList();
  }
}

package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.io.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dtype = float32} runs write their state as float32 ({@code F32}) tensors and resume
 * from them bit for bit: N + M steps straight and N, checkpoint, M more give the same trace, for
 * every optimizer (with the options that add buffers) in minibatch training stopped mid-epoch,
 * with every metric traced and schedules stepped per update and per epoch.
 */
class CheckpointFloat32Test {
  @TempDir
  Path dir;

  private static final String MLP = CheckpointResumeTest.MLP;
  private static final String CLAUSES = "batch 30 seed 3 every 1 dtype = float32 "
      + CheckpointResumeTest.METRICS;

  static Stream<String> optimizers() {
    return CheckpointResumeTest.OPTIMIZERS.stream();
  }

  @ParameterizedTest
  @MethodSource("optimizers")
  void everyOptimizerResumesBitForBitMidEpoch(String optimizer) throws Exception {
    new ResumeTraces(dir).assertResumes(MLP + "optimizer o = " + optimizer + "\n", "mlp",
        CLAUSES, 17, 19);
  }

  @Test
  void schedulesResumeInFloat32PerUpdateAndPerEpoch() throws Exception {
    ResumeTraces r = new ResumeTraces(dir);
    r.assertResumes(MLP + "optimizer o = SGD(lr = 0.05, momentum = 0.9, schedule = cyclic("
        + "base_lr = 0.01, max_lr = 0.1, step_size_up = 6))\n", "mlp", CLAUSES, 17, 25);
    r.assertResumes(MLP + "optimizer o = Adam(lr = 0.01, schedule = plateau(patience = 1, "
        + "threshold = 0.2))\n", "mlp", CLAUSES + " per epoch", 17, 35);
  }

  @Test
  void theFileHoldsFloat32TensorsAndSaysSo() throws Exception {
    Path ckpt = dir.resolve("f.safetensors");
    ResumeTraces.run(MLP + "run NAdam(lr = 0.01) on mlp for 9 steps " + CLAUSES
        + " checkpoint \"" + ckpt + "\"\n");
    SafeTensors.Contents c = SafeTensors.read(ckpt);
    assertEquals("float32", c.metadata().get("dtype"));
    assertEquals(List.of("param/W1", "param/b1", "param/W2", "param/b2", "state/W1/exp_avg",
        "state/W1/exp_avg_sq", "state/W1/mu_product"), c.tensors().keySet().stream().limit(7)
        .toList());
    for (Map.Entry<String, SafeTensors.Tensor> e : c.tensors().entrySet()) {
      assertTrue(e.getValue().float32(), e.getKey());
      for (double v : e.getValue().data()) {
        assertEquals(v, (float) v, e.getKey() + " holds floats");
      }
    }
    // (2*8 + 8 + 8*2 + 2) = 42 parameters, each with exp_avg and exp_avg_sq, and mu_product per
    // tensor: 4 bytes each
    long header = 8 + java.nio.ByteBuffer.wrap(Files.readAllBytes(ckpt))
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(header + 4 * (3 * 42 + 4), Files.size(ckpt));
  }

  @Test
  void aFloat64RunStartsFromAFloat32CheckpointsParameters() throws Exception {
    // a warm start takes any dtype: the parameters are the float32 run's, widened exactly
    Path ckpt = dir.resolve("f.safetensors");
    ResumeTraces.run(MLP + "run Adam(lr = 0.01) on mlp for 9 steps " + CLAUSES + " trace \""
        + dir.resolve("f32.csv") + "\" checkpoint \"" + ckpt + "\"\n"
        + "run SGD(lr = 0.1) on mlp for 3 steps batch 30 seed 3 every 1 trace \""
        + dir.resolve("warm.csv") + "\" from \"" + ckpt + "\"\n");
    List<String> f32 = Files.readAllLines(dir.resolve("f32.csv"));
    List<String> warm = Files.readAllLines(dir.resolve("warm.csv"));
    // the parameter norms of step 9 in float32 are those of step 0 of the warm start
    String[] last = f32.get(10).split(",");
    String[] start = warm.get(1).split(",");
    assertEquals(List.of(last).subList(6, 10), List.of(start).subList(6, 10));
  }
}

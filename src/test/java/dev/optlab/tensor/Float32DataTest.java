package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.data.Dataset;
import dev.optlab.data.IdxReader;
import dev.optlab.data.NumericArray;
import dev.optlab.trace.TraceRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A data set declared with {@code dtype = "float32"} holds its features as floats only (IDX
 * images read straight into them: no float64 copy is ever made), each the float64 value rounded
 * once, so a float32 run on it traces exactly what a float32 run on the float64 data set does.
 */
class Float32DataTest {
  private static final String DIR = "src/test/resources/data/arrays/";

  @Test
  void idxImagesReadAsFloatsAreTheFloat64ValuesRounded() {
    NumericArray d = IdxReader.read(Path.of(DIR + "images.idx"), "images.idx", 0);
    NumericArray f = IdxReader.read(Path.of(DIR + "images.idx"), "images.idx", 0, true);
    assertNull(f.values());
    assertEquals(d.values().length, f.floats().length);
    for (int i = 0; i < d.values().length; i++) {
      assertEquals((float) d.values()[i], f.floats()[i]);
    }
  }

  @Test
  void aFloat32RunOnFloat32DataTracesAsOnFloat64Data() {
    for (String source : List.of("moons(n = 120, test = 0.25, seed = 3, scale = \"standard\"",
        "idx(images = \"" + DIR + "images.idx\", labels = \"" + DIR + "labels.idx.gz\", "
            + "scale = \"standard\"")) {
      String model = "\ndef layer(x, W, b) = relu(x @ W + b)\n"
          + "objective f(W1[COLS, 8] ~ he, b1[8] = 0, W2[8, 3] ~ xavier, b2[3] = 0) = "
          + "cross_entropy(layer(d.x, W1, b1) @ W2 + b2, d.y)\n"
          + "run Adam(lr = 0.01) on f batch 2 for 3 epochs every 1 seed 4 dtype = float32";
      int cols = source.startsWith("moons") ? 2 : 4;
      Capture wide = Capture.run("data d = " + source + ")" + model.replace("COLS", "" + cols));
      Capture narrow = Capture.run("data d = " + source + ", dtype = \"float32\")"
          + model.replace("COLS", "" + cols));
      assertTrue(wide.rows.size() > 3, source);
      assertEquals(wide.rows.size(), narrow.rows.size());
      for (int i = 0; i < wide.rows.size(); i++) {
        TraceRow a = wide.rows.get(i);
        TraceRow b = narrow.rows.get(i);
        assertEquals(a.loss(), b.loss(), 0, source + " row " + i);
        assertEquals(a.gradNorm(), b.gradNorm(), 0, source + " row " + i);
        assertArrayEquals(a.params(), b.params(), 0);
      }
    }
  }

  @Test
  void aFullBatchOverManyChunksAgreesWithFloat64() {
    // 6,000 rows: a float32 pass takes them in chunks of 2,048, its gradient summed over chunks
    String script = "data pts = moons(n = 6000, seed = 1)\n"
        + "objective fit(W1[2, 16] ~ he, b1[16] = 0, W2[16, 2] ~ xavier, b2[2] = 0) = "
        + "cross_entropy(relu(pts.x @ W1 + b1) @ W2 + b2, pts.y)\n"
        + "run Adam(lr = 0.01) on fit for 5 steps every 1\n"
        + "run Adam(lr = 0.01) on fit for 5 steps every 1 dtype = float32";
    Capture c = Capture.run(script);
    assertEquals(12, c.rows.size());
    for (int i = 0; i < 6; i++) {
      TraceRow wide = c.rows.get(i);
      TraceRow narrow = c.rows.get(6 + i);
      assertEquals(wide.loss(), narrow.loss(), 1e-5 * wide.loss(), "row " + i);
      assertEquals(wide.gradNorm(), narrow.gradNorm(), 1e-5 * wide.gradNorm(), "row " + i);
    }
  }
}

package dev.optlab.check;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.tensor.Capture;
import org.junit.jupiter.api.Test;

/** print grad(MODEL) that cannot fit in the heap is refused at the call, before allocating. */
class TensorGradientMemoryTest {
  @Test
  void aGradientTooLargeForTheHeapIsRefusedWithItsSize() {
    // 1e8 weights (1.6 GB with their gradient) and eight products of 1e8 values each in the
    // graph: over 12 GB, more than any test heap here (the compare test assumes 14 GB too)
    String script = "objective big(W[10000, 10000] ~ he) = sum(W * W * W * W * W * W * W * W)\n"
        + "print grad(big)\n";
    OptlabError e = assertThrows(OptlabError.class, () -> Capture.run(script));
    String shown = DiagnosticRenderer.render(e);
    assertTrue(shown.startsWith("test.opt:2:7: error: grad(big) over all 1 training rows at once"
        + " needs about "), shown);
    assertTrue(shown.contains(" MB of memory as float64, but only ")
        && shown.contains("OPTLAB_HEAP"), shown);
  }

  @Test
  void aGradientThatFitsIsPrinted() {
    Capture c = Capture.run("objective small(W[2, 2] = 1) = sum(W * W)\nprint grad(small)\n");
    assertTrue(c.printed.toString().contains("W[2, 2] = [2.0, 2.0, 2.0, 2.0]"), c.printed.toString());
  }
}

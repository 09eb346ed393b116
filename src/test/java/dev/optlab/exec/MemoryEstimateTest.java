package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.source.DiagnosticRenderer;
import dev.optlab.source.OptlabError;
import dev.optlab.tensor.Capture;
import org.junit.jupiter.api.Test;

/** A training statement that cannot fit in the heap is refused at its location, before it runs. */
class MemoryEstimateTest {
  @Test
  void aCompareTooLargeForTheHeapIsRefusedWithItsSizeAndTheHint() {
    // 3 runs of 1e8 weights: at least 3 x 6 x 800 MB, more than any test heap here
    String script = "objective big(W[10000, 10000] ~ he) = sum(W * W)\n"
        + "compare SGD(lr = 0.1), Adam(lr = 0.1), RMSprop(lr = 0.1) on big for 1 steps\n";
    OptlabError e = assertThrows(OptlabError.class, () -> Capture.run(script));
    String shown = DiagnosticRenderer.render(e);
    assertTrue(shown.startsWith("test.opt:2:1: error: this compare of 3 runs on big "
        + "(100000000 weights, "), shown);
    assertTrue(shown.matches("(?s).* needs about \\d{5,} MB of memory as float64, but only \\d+ MB"
        + " of the \\d+ MB heap is free; raise the limit with OPTLAB_HEAP \\(for example "
        + "OPTLAB_HEAP=\\d+g \\./optlab \\.\\.\\.\\)\n.*"), shown);
    assertTrue(!shown.contains("java.") && !shown.contains("Error"), shown);
  }

  @Test
  void theSameRunThatFitsIsNotRefused() {
    Capture c = Capture.run("objective small(W[10, 10] ~ he) = sum(W * W)\n"
        + "compare SGD(lr = 0.1), Adam(lr = 0.1) on small for 1 steps\n");
    assertTrue(c.ranked.size() == 2);
  }
}

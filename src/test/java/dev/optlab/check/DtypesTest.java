package dev.optlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optlab.optim.Optimizers;
import org.junit.jupiter.api.Test;

/**
 * Every registered optimizer has a float32 kernel, so {@code dtype = float32} runs any of them
 * (Float32TraceTest compares each with PyTorch). A new optimizer without one fails here: add its
 * kernel, or this test's list of exceptions, whose runs the checker then refuses by name.
 */
class DtypesTest {
  @Test
  void everyOptimizerRunsInFloat32() {
    assertEquals(Optimizers.names(), Dtypes.withFloat32());
  }
}

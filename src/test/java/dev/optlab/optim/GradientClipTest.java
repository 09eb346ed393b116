package dev.optlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The clipping arithmetic on hand-made gradients; the PyTorch goldens are the conformance cases
 * clip_*.opt (conformance/grad_clip.py) and TensorGoldenTest's clipped runs.
 */
class GradientClipTest {

  @Test
  void normIsTheNormOfEachTensorsNorm() {
    // tensors [3, 4] and [12]: norms 5 and 12, total 13; max_norm 6.5 halves (to rounding)
    double[] g = {3, 4, 12};
    GradientClip.norm(6.5, new int[] {2, 3}).apply(g);
    double coef = 1 / (13 + 1e-6) * 6.5;
    assertArrayEquals(new double[] {3 * coef, 4 * coef, 12 * coef}, g);
  }

  @Test
  void aGradientWithinTheNormIsMultipliedByExactlyOne() {
    double[] g = {0.1, -0.2, 0.3};
    GradientClip.norm(1, new int[] {1, 2, 3}).apply(g);
    assertArrayEquals(new double[] {0.1, -0.2, 0.3}, g);
  }

  @Test
  void aNonFiniteNormMakesEveryGradientNaNOrZeroAsPyTorchDoes() {
    // total = inf: coef = 1 / inf * 1 = 0, and inf * 0 = NaN
    double[] g = {Double.POSITIVE_INFINITY, 2};
    GradientClip.norm(1, new int[] {1, 2}).apply(g);
    assertArrayEquals(new double[] {Double.NaN, 0}, g);
  }

  @Test
  void valueClampsEachGradientAndKeepsNaN() {
    double[] g = {-3, -0.5, 0.25, 7, Double.NaN};
    GradientClip.value(1).apply(g);
    assertArrayEquals(new double[] {-1, -0.5, 0.25, 1, Double.NaN}, g);
  }

  @Test
  void printsAsTheRunTitleShowsIt() {
    assertEquals("clip_grad_norm=1", GradientClip.norm(1, new int[] {1}).toString());
    assertEquals("clip_grad_value=0.5", GradientClip.value(0.5).toString());
  }
}

package dev.optlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Pins the rounding of each primitive to what torch 1.13 computed for operands where the
 * candidate formulas differ (results from torch, float64, 0-dim tensors; see {@link TorchOps}).
 */
class TorchOpsTest {

  @Test
  void addWithAlphaIsOneFusedMultiplyAdd() {
    double a = 0.7047151227967001;
    double b = -2.2398046046983815;
    double alpha = 0.7428094894485642;
    assertNotEquals(a + alpha * b, TorchOps.add(a, b, alpha), "operands must tell the two apart");
    assertEquals(-0.9590329920838477, TorchOps.add(a, b, alpha));
    assertEquals(-0.27939078133079803,
        TorchOps.add(-1.264168993518441, 2.768867933700501, 0.3556609545011846));
  }

  @Test
  void addcmulRoundsValueTimesFirstThenFuses() {
    assertEquals(3.7259951940618294, TorchOps.addcmul(-1.771322912797243, 2.6458560065279944,
        2.2266048527672706, 0.9331286246343908));
    assertEquals(3.494033728915594, TorchOps.addcmul(2.362450065458871, -1.2072666128767935,
        1.4029748368059605, -0.6680878857405088));
  }

  @Test
  void addcdivMultipliesTheNumeratorByValueBeforeDividing() {
    double a = 0.14821092415871995;
    double b = 1.653618088193972;
    double c = 0.7701321726620822;
    double value = 0.49679611296932613;
    assertNotEquals(a + value * (b / c), TorchOps.addcdiv(a, b, c, value));
    assertEquals(1.2149252723086643, TorchOps.addcdiv(a, b, c, value));
    assertEquals(5.036047689227401, TorchOps.addcdiv(1.7833600655479973, 2.1581659151254806,
        0.5915789498570687, 0.8916003700843675));
  }

  @Test
  void numberDividedByTensorIsReciprocalTimesNumber() {
    // What RAdam's sqrt(bias_correction2) / denom computes; RAdam spells it this way.
    double t = -0.9602428402449323;
    double number = 1.8628600927455972;
    assertNotEquals(-1.9399885265173458, number / t);
    assertEquals(-1.9399885265173458, (1 / t) * number);
    assertEquals(2.907547367087726, (1 / 0.5637613241597812) * 1.6391627537266618);
  }

  @Test
  void signIsZeroForNaNAsInTorch() {
    assertEquals(0.0, TorchOps.sign(Double.NaN));
    assertEquals(1.0, TorchOps.sign(1e-300));
    assertEquals(-1.0, TorchOps.sign(-2));
    assertEquals(0.0, TorchOps.sign(-0.0));
  }

  @Test
  void movingAveragesFollowTorchsMulThenAdd() {
    double avg = 0.3;
    double x = -1.7;
    assertEquals(Math.fma(1 - 0.9, x, avg * 0.9), TorchOps.ema(avg, x, 0.9, 1 - 0.9));
    assertEquals(Math.fma((1 - 0.999) * x, x, avg * 0.999),
        TorchOps.emaSquare(avg, x, 0.999, 1 - 0.999));
    assertEquals(1 - 0.9 * 0.9 * 0.9, TorchOps.biasCorrection(0.9, 3), 1e-16);
  }
}

package dev.optlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {
  private static String labels(Axis axis, int maxTicks) {
    return String.join(" ", Arrays.stream(axis.ticks(maxTicks))
        .mapToObj(t -> axis.label(t, maxTicks)).toList());
  }

  @Test
  void looseLinearAxesWidenToRoundTicks() {
    Axis axis = Axis.loose(0.13, 4.2, false, 6);
    assertEquals(0, axis.lo);
    assertEquals(5, axis.hi);
    assertEquals("0 1 2 3 4 5", labels(axis, 6));
  }

  @Test
  void logAxesRunFromDecadeToDecadeAndLabelEveryKthDecade() {
    Axis axis = Axis.loose(3.2e-9, 41, true, 6);
    assertEquals(1e-9, axis.lo, 1e-24);
    assertEquals(100, axis.hi);
    assertEquals("1e-8 1e-6 1e-4 0.01 1 100", labels(axis, 6));
    assertEquals("1e-9 1e-6 0.001 1", labels(axis, 4));
  }

  /** Issue #15: a loss reaching exactly 0 turned the axis linear and the plot into a flat line. */
  @Test
  void aLossOfExactlyZeroKeepsTheLogAxisAndSitsOnItsFloor() {
    Series loss = new Series("adam", new double[] {0, 1, 2, 3}, new double[] {12.5, 1e-3, 1e-9, 0});
    assertTrue(Figure.wantsLog(List.of(loss)));
    Axis axis = Axis.loose(1e-9, 12.5, true, 6);
    assertEquals(0, axis.fraction(0));
    assertEquals(0, axis.fraction(1e-9), 1e-12);
    Series negative = new Series("m", new double[] {0, 1}, new double[] {12.5, -1e-3});
    assertFalse(Figure.wantsLog(List.of(negative)));
  }

  @Test
  void exactAxesKeepTheirRangeAndStillShowAtLeastTwoTicks() {
    Axis axis = Axis.exact(-1, 1);
    assertArrayEquals(new double[] {-1, 0, 1}, axis.ticks(2));
    assertEquals("-1.0 -0.5 0 0.5 1.0", labels(axis, 5));
  }

  @Test
  void hugeAndTinyValuesGetExponents() {
    assertEquals("2.5e6", Axis.number(2.5e6, 5e5));
    assertEquals("3e-5", Axis.number(3e-5, 1e-5));
    assertEquals("1e12", Axis.decade(1e12));
    assertEquals("0.01", Axis.decade(0.01));
  }

  @Test
  void lossesNearOverflowStillMakeAFiniteAxis() {
    Axis axis = Axis.loose(1e-3, 1.7e308, true, 5);
    assertEquals(Double.MAX_VALUE, axis.hi);
    assertEquals(1.0, axis.fraction(Double.MAX_VALUE), 1e-12);
  }
}

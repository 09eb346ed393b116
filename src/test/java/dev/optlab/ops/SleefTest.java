package dev.optlab.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SLEEF port against PyTorch's own exp, log, sin, cos, tan and tanh
 * ({@code src/test/resources/diff/torch_libm.txt}, written by {@code torch_libm.py}), bit for bit,
 * including special values. Also shows why the port exists: java.lang.Math disagrees with
 * PyTorch on some of the same arguments.
 */
class SleefTest {
  private static final Map<String, DoubleUnaryOperator> PORT = Map.of(
      "exp", Sleef::exp, "log", Sleef::log, "sin", Sleef::sin, "cos", Sleef::cos,
      "tan", Sleef::tan, "tanh", Sleef::tanh);
  private static final Map<String, DoubleUnaryOperator> JAVA = Map.of(
      "exp", Math::exp, "log", Math::log, "sin", Math::sin, "cos", Math::cos,
      "tan", Math::tan, "tanh", Math::tanh);

  @ParameterizedTest
  @ValueSource(strings = {"exp", "log", "sin", "cos", "tan", "tanh"})
  void matchesPyTorchBitForBit(String name) throws IOException {
    int points = 0;
    int javaDiffers = 0;
    try (InputStream in = SleefTest.class.getResourceAsStream("/diff/torch_libm.txt")) {
      assertNotNull(in);
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        String[] f = line.split(" ");
        if (!f[0].equals(name)) {
          continue;
        }
        double x = Double.longBitsToDouble(Long.parseUnsignedLong(f[1], 16));
        double want = Double.longBitsToDouble(Long.parseUnsignedLong(f[2], 16));
        double got = PORT.get(name).applyAsDouble(x);
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got),
            name + "(" + x + "): want " + want + " got " + got);
        if (Double.doubleToLongBits(JAVA.get(name).applyAsDouble(x))
            != Double.doubleToLongBits(want)) {
          javaDiffers++;
        }
        points++;
      }
    }
    assertTrue(points > 400, "too few points for " + name);
    assertTrue(javaDiffers > 0, "java.lang.Math agrees everywhere; is the port still needed?");
  }
}

package dev.optlab.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values and gradients against PyTorch 1.13 ({@code src/test/resources/diff/torch_golden.txt},
 * written by {@code torch_golden.py} from {@code torch_cases.txt}). {@code case} lines must match
 * bit for bit, through both the interpreter and the bytecode translation; {@code approx} lines
 * call functions whose last bit differs between java.lang.Math and glibc, and must match to a
 * few ulps.
 */
class TorchGoldenTest {
  record Case(String name, boolean exact, List<String> variables, String expr, double[] point,
      String[] expected, TestScope scope) {
    @Override
    public String toString() {
      return name + Arrays.toString(point);
    }
  }

  static Stream<Case> cases() throws IOException {
    Map<String, String[]> golden = new HashMap<>();
    for (String line : lines("torch_golden.txt")) {
      String[] f = line.trim().split(" ");
      golden.put(f[0] + " " + f[1], Arrays.copyOfRange(f, 2, f.length));
    }
    List<Case> out = new ArrayList<>();
    TestScope scope = new TestScope();
    for (String raw : lines("torch_cases.txt")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("let ")) {
        String[] kv = line.substring(4).split("=", 2);
        String text = kv[1].trim();
        scope.let(kv[0].trim(),
            ExprCompiler.evaluate(TestParse.source(text), TestParse.expr(text), scope));
        continue;
      }
      if (line.startsWith("def ")) {
        scope.def(line);
        continue;
      }
      String[] head = line.split(" ", 2);
      String[] f = head[1].split("\\|");
      String name = f[0].trim();
      List<String> vars = Arrays.stream(f[1].split(",")).map(String::trim).toList();
      String[] points = f[3].split(";");
      for (int i = 0; i < points.length; i++) {
        double[] x = Arrays.stream(points[i].split(",")).map(String::trim)
            .mapToDouble(Double::parseDouble).toArray();
        String[] expected = golden.get(name + " " + i);
        assertNotNull(expected, "no golden line for " + name + " " + i);
        out.add(new Case(name, head[0].equals("case"), vars, f[2].trim(), x, expected, scope));
      }
    }
    return out.stream();
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = TorchGoldenTest.class.getResourceAsStream("/diff/" + resource)) {
      assertNotNull(in, resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static double fromHex(String s) {
    return s.equals("none") ? 0.0 : Double.longBitsToDouble(Long.parseUnsignedLong(s, 16));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTorch(Case c) {
    CompiledFunction f = ExprCompiler.compile(
        TestParse.source(c.expr()), TestParse.expr(c.expr()), c.variables(), c.scope());
    double[] grad = new double[c.variables().size()];
    double value = f.interpretValueAndGradient(c.point(), grad);
    check(c, "interpreter", value, grad);

    Fused fused = f.fuseNow();
    assertNotNull(fused, "bytecode translation failed");
    double[] grad2 = new double[grad.length];
    double value2 = fused.valueAndGradient(c.point(), grad2);
    check(c, "bytecode", value2, grad2);
    assertEquals(Double.doubleToRawLongBits(value2),
        Double.doubleToRawLongBits(fused.value(c.point())));
  }

  private static void check(Case c, String path, double value, double[] grad) {
    List<String> labels = new ArrayList<>(List.of("value"));
    c.variables().forEach(v -> labels.add("d/d" + v));
    double[] actual = new double[grad.length + 1];
    actual[0] = value;
    System.arraycopy(grad, 0, actual, 1, grad.length);
    for (int i = 0; i < actual.length; i++) {
      double want = fromHex(c.expected()[i]);
      String what = path + " " + c + " " + labels.get(i) + ": want " + want + " got " + actual[i];
      if (c.exact()) {
        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(actual[i]),
            what);
      } else if (Double.isNaN(want) || Double.isInfinite(want) || want == 0) {
        assertEquals(want, actual[i], what);
      } else {
        assertTrue(Math.abs(want - actual[i]) <= 16 * Math.ulp(want), what);
      }
    }
  }
}

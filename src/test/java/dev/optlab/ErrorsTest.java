package dev.optlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of bad scripts: each {@code errors/NAME.opt} must fail with exactly the diagnostics
 * in {@code errors/NAME.err} (followed by its exit status), print nothing on standard output and
 * never a Java stack trace.
 */
class ErrorsTest {
  static final Path DIR = Path.of("src/test/resources/errors");

  static Stream<String> scripts() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".opt")).sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void rendersExactDiagnostics(String script) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path path = DIR.resolve(script);
    int code = Main.run(new String[] {path.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String expected = Files.readString(DIR.resolve(script.replace(".opt", ".err")),
        StandardCharsets.UTF_8);
    String actual = err.toString(StandardCharsets.UTF_8) + "exit " + code + "\n";
    assertEquals(expected, actual, script);
    assertEquals("", out.toString(StandardCharsets.UTF_8), script + " printed to stdout");
    assertFalse(actual.contains("\tat "), "stack trace");
  }

  @Test
  void everyScriptHasItsExpectedDiagnostics() throws IOException {
    for (String script : scripts().toList()) {
      assertEquals(true, Files.exists(DIR.resolve(script.replace(".opt", ".err"))), script);
    }
    assertEquals(true, scripts().count() >= 30);
  }
}

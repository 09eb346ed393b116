package dev.optlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way (README, "Architecture"): each package of dev.optlab sits in a layer
 * and may use only packages of lower layers. The test reads the main sources' imports and
 * fully-qualified names, so a new arrow pointing up, or sideways inside a layer, fails here with
 * the file that draws it. A new package must be given its layer in {@link #LAYERS}.
 */
class ArchitectureTest {
  /** Bottom first. {@code main} is the class dev.optlab.Main, the process entry point on top. */
  static final List<List<String>> LAYERS = List.of(
      List.of("source", "hyper", "trace", "io", "ops"), // spans, errors, hyperparameters,
      // numbers, files, the one table of scalar operations
      List.of("ast", "data", "optim", "schedule"),
      List.of("diff", "syntax", "tensor", "rules"), // objective and rule compilers, the parser
      List.of("plan"),                       // what a checked statement will do; immutable
      List.of("check", "plot"),              // AST -> plans; figures -> text, SVG, PNG
      List.of("exec"),                       // runs plans (and plot statements)
      List.of("text"),                       // tables and lines people read
      List.of("report"),                     // the HTML report of a script's runs
      List.of("root"),                       // Engine and its Output interface
      List.of("console"),                    // the table output both front ends print with
      List.of("repl"),
      List.of("cli"),
      List.of("main"));

  private static final Path SOURCES = Path.of("src", "main", "java", "dev", "optlab");
  private static final Pattern PACKAGE = Pattern.compile("^package dev\\.optlab(?:\\.(\\w+))?;",
      Pattern.MULTILINE);
  /** {@code dev.optlab.pkg.Type}, {@code dev.optlab.pkg.sub.*}, {@code dev.optlab.Type}: pkg. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.optlab\\.(?:([a-z]\\w*)\\.(?:[a-z]\\w*\\.)*)?(?:[A-Z]|\\*)");
  private static final Pattern COMMENT_OR_STRING =
      Pattern.compile("//[^\\n]*|/\\*[\\s\\S]*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"");

  @Test
  void noArrowPointsUpOrSideways() throws IOException {
    Map<String, Integer> layer = new HashMap<>();
    for (int i = 0; i < LAYERS.size(); i++) {
      for (String p : LAYERS.get(i)) {
        layer.put(p, i);
      }
    }
    List<String> violations = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (Path file : javaFiles()) {
      String text = Files.readString(file);
      String from = unitOf(file, text);
      seen.add(from);
      if (!layer.containsKey(from)) {
        violations.add(file + ": package '" + from + "' has no layer in ArchitectureTest.LAYERS");
        continue;
      }
      String code = COMMENT_OR_STRING.matcher(text).replaceAll(" ");
      Matcher m = REFERENCE.matcher(code);
      while (m.find()) {
        String to = m.group(1) == null ? "root" : m.group(1);
        if (to.equals(from) || (from.equals("main") && to.equals("root"))) {
          continue;
        }
        Integer target = layer.get(to);
        if (target == null || target >= layer.get(from)) {
          violations.add(file + ": " + from + " -> " + to + " (" + m.group() + "...) points "
              + (target != null && target.equals(layer.get(from)) ? "sideways" : "up"));
        }
      }
    }
    assertEquals(List.of(), violations);
    assertTrue(seen.containsAll(List.of("plan", "check", "exec", "plot", "cli", "repl")),
        "the scan found the sources: " + seen);
  }

  /** The layer name of a source file: its package's last part, root, or main for Main.java. */
  private static String unitOf(Path file, String text) {
    Matcher m = PACKAGE.matcher(text);
    if (!m.find()) {
      return "?";
    }
    if (m.group(1) == null) {
      return file.getFileName().toString().equals("Main.java") ? "main" : "root";
    }
    return m.group(1);
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> s = Files.walk(SOURCES)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}

package dev.optlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests for {@code examples/*.opt}: each example, run as {@code optlab examples/NAME.opt},
 * must exit with 0, print nothing on standard error, and print exactly
 * {@code src/test/resources/examples/NAME.out} on standard output once wall times such as
 * {@code (9.2 ms)} or {@code (1.23 s)} are masked as {@code (TIME)} on both sides. The examples
 * are read from the project directory (Maven runs the tests there), so the files under test are
 * the ones a user runs. How to regenerate the goldens: {@code src/test/resources/examples/README.md}.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static final Path GOLDENS = Path.of("src", "test", "resources", "examples");

    /** A closing line's wall time: {@code (9.2 ms)}, {@code (1.23 s)}; a comma for locales that use one. */
    private static final Pattern WALL_TIME = Pattern.compile("\\(\\d+(?:[.,]\\d+)? m?s\\)");

    private static final String CSV_HEADER_START = "run,step,lr,loss,grad_norm";

    // ----------------------------------------------------------------------------------------
    // The cases

    static Stream<String> examples() throws IOException {
        return namesWithSuffix(EXAMPLES, ".opt").stream();
    }

    @Test
    void everyExampleHasAGoldenAndEveryGoldenAnExample() throws IOException {
        TreeSet<String> scripts = namesWithSuffix(EXAMPLES, ".opt");
        TreeSet<String> goldens = namesWithSuffix(GOLDENS, ".out");
        assertFalse(scripts.isEmpty(), "no examples/*.opt found from " + Path.of("").toAbsolutePath());
        TreeSet<String> noGolden = new TreeSet<>(scripts);
        noGolden.removeAll(goldens);
        TreeSet<String> noScript = new TreeSet<>(goldens);
        noScript.removeAll(scripts);
        assertTrue(noGolden.isEmpty(), "examples without a golden " + GOLDENS + "/NAME.out: " + noGolden);
        assertTrue(noScript.isEmpty(), "goldens without an example examples/NAME.opt: " + noScript);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @Timeout(60)
    void examplePrintsItsGolden(String name) throws IOException {
        Path golden = GOLDENS.resolve(name + ".out");
        assertTrue(Files.isRegularFile(golden), () -> name + ": no golden " + golden);

        Result r = run(EXAMPLES.resolve(name + ".opt").toString());
        assertEquals(0, r.code(), () -> name + ": exit code " + r.code() + ", stderr:\n" + r.err());
        assertTrue(r.err().isEmpty(), () -> name + ": expected no output on stderr, got:\n" + r.err());

        String expected = maskWallTimes(Files.readString(golden, StandardCharsets.UTF_8));
        String actual = maskWallTimes(r.out());
        if (!expected.equals(actual)) {
            fail(name + ": output differs from " + golden + firstDifference(expected, actual));
        }
    }

    /** A sweep's trials (docs/language.md, "sweep"): numbered rows, a status, numbers after it. */
    private static void assertSweepDocument(String name, List<List<String>> records) {
        List<String> header = records.get(0);
        int status = header.indexOf("status");
        assertTrue(status > 0 && header.get(header.size() - 1).equals("config"), name + ": " + header);
        assertTrue(records.size() > 1, () -> name + ": a header but no rows");
        for (int i = 1; i < records.size(); i++) {
            List<String> row = records.get(i);
            assertEquals(header.size(), row.size(), name + ": record " + (i + 1) + ": " + row);
            assertEquals(Integer.toString(i - 1), row.get(0), name + ": trials in order");
            for (int c = status + 1; c < row.size() - 1; c++) {
                assertTrue(isNumber(row.get(c)), name + ": record " + (i + 1) + ": " + row);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @Timeout(60)
    void exampleAsCsvIsOneWellFormedCsvDocument(String name) {
        // Under --format csv, print/explain output and divergence notes go to stderr, so only
        // stdout is checked here.
        Result r = run("--format", "csv", EXAMPLES.resolve(name + ".opt").toString());
        assertEquals(0, r.code(), () -> name + ": exit code " + r.code() + ", stderr:\n" + r.err());

        List<List<String>> records = parseCsv(name, r.out());
        assertFalse(records.isEmpty(), () -> name + ": no CSV on stdout");
        List<String> header = records.get(0);
        if (header.get(0).equals("trial")) {
            assertSweepDocument(name, records);
            return;
        }
        assertTrue(String.join(",", header).startsWith(CSV_HEADER_START + ","),
                () -> name + ": header does not start with " + CSV_HEADER_START + ": " + header);
        assertTrue(records.size() > 1, () -> name + ": a header but no rows");
        for (int i = 1; i < records.size(); i++) {
            List<String> row = records.get(i);
            int line = i + 1;
            assertEquals(header.size(), row.size(),
                    () -> name + ": CSV record " + line + " has " + row.size() + " fields, the header "
                            + header.size() + ": " + row);
            assertFalse(row.get(0).isEmpty(), () -> name + ": CSV record " + line + " has an empty run");
            for (int c = 1; c < row.size(); c++) {
                String cell = row.get(c);
                String column = header.get(c);
                assertTrue(isNumber(cell),
                        () -> name + ": CSV record " + line + ", column " + column + ": not a number: '" + cell + "'");
            }
        }
    }

    // ----------------------------------------------------------------------------------------
    // Helpers

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, out, err);
        }
        return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    static String maskWallTimes(String text) {
        return WALL_TIME.matcher(text.replace("\r\n", "\n")).replaceAll("(TIME)");
    }

    private static TreeSet<String> namesWithSuffix(Path dir, String suffix) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(suffix))
                    .forEach(f -> names.add(f.substring(0, f.length() - suffix.length())));
        }
        return names;
    }

    /** Where two texts first differ, by line, with the expected and actual lines. */
    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of output>";
            String al = i < a.length ? a[i] : "<end of output>";
            if (!el.equals(al)) {
                return "\nfirst difference at line " + (i + 1) + ":\n  expected: " + el + "\n  actual:   " + al;
            }
        }
        return "";
    }

    /**
     * RFC 4180 records: fields separated by commas, a field in double quotes may hold commas,
     * newlines and doubled quotes. Fails on an unterminated quote or text after a closing quote.
     */
    static List<List<String>> parseCsv(String name, String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        boolean atRecordStart = true;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    if (i >= n) {
                        fail(name + ": CSV record " + (records.size() + 1) + ": unterminated quoted field");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    fail(name + ": CSV record " + (records.size() + 1) + ": text after a closing quote");
                }
                atRecordStart = false;
                continue;
            }
            if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
                atRecordStart = false;
                i++;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                i++;
                if (atRecordStart) {
                    fail(name + ": an empty line after CSV record " + records.size()
                            + " (the output should be a single CSV document)");
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                atRecordStart = true;
            } else {
                field.append(ch);
                atRecordStart = false;
                i++;
            }
        }
        if (!atRecordStart) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** A number as optlab's CSV writes it, including {@code inf}, {@code -inf} and {@code nan}. */
    private static boolean isNumber(String cell) {
        switch (cell) {
            case "inf", "-inf", "nan" -> {
                return true;
            }
            default -> {
                if (cell.isEmpty() || !cell.matches("[-+0-9.eE]+")) {
                    return false;
                }
                try {
                    Double.parseDouble(cell);
                    return true;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
    }
}

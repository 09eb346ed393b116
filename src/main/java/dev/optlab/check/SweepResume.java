package dev.optlab.check;

import dev.optlab.io.WriteErrors;
import dev.optlab.plan.SweepCsv;
import dev.optlab.plan.SweepPlan;
import dev.optlab.source.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the trials a sweep's file already holds, for {@code resume}: its header must be the one
 * this sweep writes (else the error says which columns differ), and each complete row is a
 * finished trial, known by its key. A last line without its newline is a row a killed sweep was
 * writing: it is not counted, and its trial runs again.
 */
final class SweepResume {
  private SweepResume() {}

  static Map<String, List<String>> read(Values values, SweepPlan plan, Span resume) {
    SweepPlan.SweepFile file = plan.file();
    if (!Files.exists(file.path())) {
      return Map.of(); // nothing done yet: the sweep starts the file
    }
    String text;
    try {
      if (Files.size(file.path()) > 1L << 30) {
        throw values.error(resume, "\"" + file.written() + "\" is larger than 1 GB: not a "
            + "sweep's file");
      }
      text = Files.readString(file.path(), StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw values.error(resume, "cannot read \"" + file.written() + "\" to resume: "
          + WriteErrors.why(e instanceof java.io.UncheckedIOException u ? u.getCause() : e));
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.remove(lines.size() - 1); // after the last newline: empty, or a torn row
    List<String> expected = SweepCsv.header(plan);
    if (lines.isEmpty()) {
      return Map.of();
    }
    List<String> header = SweepCsv.fields(strip(lines.get(0)));
    if (!expected.equals(header)) {
      throw values.error(resume, "\"" + file.written() + "\" is not this sweep's file: "
          + difference(header == null ? List.of() : header, expected));
    }
    int columns = plan.columns().size();
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> row = SweepCsv.fields(strip(line));
      if (row != null && row.size() == expected.size()) {
        rows.put(SweepCsv.key(row, columns), row);
      }
    }
    return rows;
  }

  private static String strip(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** Which columns the file has that the sweep does not, and the other way round. */
  static String difference(List<String> found, List<String> expected) {
    List<String> extra = found.stream().filter(h -> !expected.contains(h)).toList();
    List<String> missing = expected.stream().filter(h -> !found.contains(h)).toList();
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("it lacks " + String.join(", ", missing));
    }
    if (!extra.isEmpty()) {
      parts.add("it has " + String.join(", ", extra) + ", which this sweep does not");
    }
    if (parts.isEmpty()) {
      parts.add("its columns are in another order (" + String.join(",", found) + ")");
    }
    return String.join("; ", parts) + " (write to another file, or leave resume out to start "
        + "it anew)";
  }
}

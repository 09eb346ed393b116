package dev.optlab.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the reference's small CSV files (header skipped, cells split at commas). */
final class SuggestionsTestAccess {
  private SuggestionsTestAccess() {}

  static List<String[]> csv(Path file) throws IOException {
    return Files.readAllLines(file).stream().skip(1).map(l -> l.split(",")).toList();
  }
}

package dev.optlab.repl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jline.reader.Candidate;

/**
 * File names for {@code :load} and {@code :save}: the entries of the directory typed so far
 * (relative to the working directory, or absolute, or under {@code ~/}) whose names start with
 * the rest. A directory completes to {@code name/} and completion goes on inside it; hidden
 * entries show only once a {@code .} is typed.
 */
final class PathCompletion {
  private PathCompletion() {}

  /** @param files which file names to offer (directories are always offered) */
  static List<Candidate> complete(Path workingDirectory, String typed,
      java.util.function.Predicate<String> files) {
    int slash = typed.lastIndexOf('/');
    String dirPart = typed.substring(0, slash + 1);
    String namePrefix = typed.substring(slash + 1);
    Path dir;
    if (dirPart.startsWith("~/")) {
      dir = Path.of(System.getProperty("user.home")).resolve(dirPart.substring(2));
    } else {
      dir = workingDirectory.resolve(dirPart.isEmpty() ? "." : dirPart);
    }
    List<Candidate> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      List<Path> sorted = StreamSupport.stream(entries.spliterator(), false)
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
      for (Path p : sorted) {
        String name = p.getFileName().toString();
        if (!name.startsWith(namePrefix) || (name.startsWith(".") && !namePrefix.startsWith("."))) {
          continue;
        }
        boolean directory = Files.isDirectory(p);
        if (!directory && !files.test(name)) {
          continue; // pictures, reports and data files are not scripts
        }
        String shown = directory ? name + "/" : name;
        out.add(new Candidate(dirPart + shown, shown, "files", null, null, null, !directory));
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable directory completes to nothing
    }
    return out;
  }
}

package dev.optlab.check;

import dev.optlab.io.WriteErrors;
import dev.optlab.source.Span;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Files a statement will write ({@code trace "FILE"}, {@code plot ... to "FILE"}), checked before
 * anything runs, so a long run never ends with nowhere to put its result.
 */
final class OutputFiles {
  private OutputFiles() {}

  /**
   * The absolute path of {@code written}, if a file can be written there.
   *
   * @param what how errors name the file: "trace file", "plot file"
   */
  static Path writable(Values values, String written, Span span, String what) {
    if (written.isEmpty()) {
      throw values.error(span, "the " + what + " name is empty: write a file name between the quotes");
    }
    if (written.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      // "\n" or "\t" in a string would end up inside the file name, invisible in a listing
      throw values.error(span, "a " + what + " name cannot hold a newline, tab or other control"
          + " character");
    }
    Path path;
    try {
      path = values.source().resolve(written).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw values.error(span, "cannot write " + what + " \"" + written + "\": not a valid path");
    }
    Path dir = path.getParent();
    if (written.isBlank() || Files.isDirectory(path)) {
      throw values.error(span, "cannot write " + what + " \"" + written + "\": it is a directory");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      Path parent = Path.of(written).getParent();
      throw values.error(span, "cannot write " + what + " \"" + written
          + "\": no such directory '" + (parent == null ? dir : parent) + "'");
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      // files are written beside the target and renamed over it, which would replace a device
      // node or a FIFO by a regular file (as root, trace "/dev/full" did)
      throw values.error(span, "cannot write " + what + " \"" + written
          + "\": it is a device, pipe or other special file; optlab writes regular files only");
    }
    if (!Files.isWritable(dir)) {
      throw values.error(span, "cannot write " + what + " \"" + written + "\": "
          + WriteErrors.whyNotWritable(dir));
    }
    if (Files.exists(path) && !Files.isWritable(path)) {
      throw values.error(span, "cannot write " + what + " \"" + written + "\": "
          + WriteErrors.whyNotWritable(path));
    }
    return path;
  }
}

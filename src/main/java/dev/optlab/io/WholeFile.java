package dev.optlab.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way optlab writes a file the user named (trace, plot, report, {@code :save}): whole or
 * not at all. The bytes go to a hidden temporary file beside the target, which is then renamed
 * over it, so a reader never sees half a file and an interrupted write leaves the old one. A
 * replaced file keeps its permissions; a new one gets rw-r--r-- (a temporary file starts as
 * rw-------, which would otherwise leak into the result).
 */
public final class WholeFile {
  private WholeFile() {}

  /** Writes {@code bytes} to {@code target} whole or not at all. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path temp = temporaryBeside(target);
    try {
      Files.write(temp, bytes);
      publish(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * A new hidden temporary file beside {@code target} ({@code .NAME…part}), for a writer that
   * streams into it and then calls {@link #publish}.
   */
  public static Path temporaryBeside(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    return Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
  }

  /** Gives the finished {@code temp} the target's mode and renames it over {@code target}. */
  public static void publish(Path temp, Path target) throws IOException {
    if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(temp, Files.exists(target)
          ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
    }
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

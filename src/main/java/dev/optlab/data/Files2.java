package dev.optlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening a data file, with the messages a user understands when it cannot be read. */
final class Files2 {
  private Files2() {}

  static InputStream open(Path file, String shown) throws IOException {
    if (Files.isDirectory(file)) {
      throw new DataError("cannot read \"" + shown + "\": it is a directory");
    }
    return Files.newInputStream(file);
  }

  static DataError unreadable(String shown, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new DataError("cannot read \"" + shown + "\": no such file");
    }
    if (e instanceof AccessDeniedException) {
      return new DataError("cannot read \"" + shown + "\": permission denied");
    }
    return new DataError("cannot read \"" + shown + "\": " + e.getMessage());
  }
}

package dev.optlab.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * Why a file could not be written, in the words a person acts on: "read-only file system" (remount
 * or write elsewhere) is not "permission denied" (change the mode or the owner). The JDK reports
 * EROFS as a {@link FileSystemException} whose reason is the C library's text, EACCES and EPERM as
 * {@link AccessDeniedException}, and a read-only {@link java.nio.file.FileSystem} of its own (a
 * zip file's) as the unchecked {@link ReadOnlyFileSystemException}.
 */
public final class WriteErrors {
  private WriteErrors() {}

  public static final String READ_ONLY = "read-only file system";
  public static final String DENIED = "permission denied";

  /** Why writing failed with {@code e}: a short phrase, without the temporary file's name. */
  public static String why(Exception e) {
    if (e instanceof ReadOnlyFileSystemException) {
      return READ_ONLY;
    }
    if (e instanceof AccessDeniedException) {
      return DENIED;
    }
    if (e instanceof NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      String reason = f.getReason().toLowerCase(Locale.ROOT);
      return reason.contains("read-only file system") ? READ_ONLY : reason;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Why {@code dir}, which {@link Files#isWritable} says cannot be written, cannot be: its file
   * system is mounted read-only, or the permissions deny it.
   */
  public static String whyNotWritable(Path dir) {
    try {
      return Files.getFileStore(dir).isReadOnly() ? READ_ONLY : DENIED;
    } catch (IOException | RuntimeException e) {
      return DENIED;
    }
  }
}

package dev.optlab.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way optlab writes a file the user named (trace, plot, report, {@code :save}): whole or
 * not at all. The bytes go to a hidden temporary file beside the target, which is then renamed
 * over it, so a reader never sees half a file and an interrupted write leaves the old one. A
 * replaced file keeps its permissions; a new one gets rw-r--r-- (a temporary file starts as
 * rw-------, which would otherwise leak into the result).
 */
public final class WholeFile {
  private WholeFile() {}

  /** Temporary files not yet published or discarded: removed if the JVM exits (Ctrl-C, TERM). */
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  /** A leftover temporary file untouched for this long belongs to a process that is gone. */
  static final Duration STALE = Duration.ofMinutes(1);

  /**
   * Guards making a temporary file against the shutdown hook: the run goes on while the hook
   * runs (the JVM does not stop it), and a checkpoint written every step made a new temporary
   * after the hook had looked (CheckpointIntegrityTest found one left in three kills of four).
   */
  private static final Object LOCK = new Object();
  /** Set by the shutdown hook, under {@link #LOCK}: no temporary file is made after it. */
  private static boolean exiting;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (LOCK) {
        exiting = true; // every temporary made before is in PENDING now
      }
      for (Path temp : PENDING) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the JVM is exiting; a leftover is cleaned by the next write to the same target
        }
      }
    }, "optlab-temporary-files"));
  }

  /** Writes {@code bytes} to {@code target} whole or not at all. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path temp = temporaryBeside(target);
    try {
      Files.write(temp, bytes);
      publish(temp, target);
    } finally {
      discard(temp);
    }
  }

  /**
   * A new hidden temporary file beside {@code target} ({@code .NAME…part}), for a writer that
   * streams into it and then calls {@link #publish}.
   */
  public static Path temporaryBeside(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    cleanStale(absolute);
    synchronized (LOCK) {
      if (exiting) {
        throw new IOException("optlab is exiting");
      }
      Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(),
          ".part");
      PENDING.add(temp);
      return temp;
    }
  }

  /** Deletes {@code temp} if it is still there (the write failed or was interrupted). */
  public static void discard(Path temp) throws IOException {
    try {
      Files.deleteIfExists(temp);
    } finally {
      PENDING.remove(temp);
    }
  }

  /**
   * Removes our own temporary files for {@code target} that a killed process left behind
   * ({@code .NAME…part}, untouched for {@link #STALE}); a live writer touches its file as it goes.
   */
  static void cleanStale(Path target) {
    String prefix = "." + target.getFileName();
    Instant before = Instant.now().minus(STALE);
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(),
        p -> p.getFileName().toString().startsWith(prefix)
            && p.getFileName().toString().endsWith(".part"))) {
      for (Path p : leftovers) {
        if (!PENDING.contains(p) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException ignored) {
      // cleaning is a courtesy; the write itself reports what matters
    }
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
    PENDING.remove(temp);
  }
}

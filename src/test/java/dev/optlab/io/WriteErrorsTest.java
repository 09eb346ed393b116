package dev.optlab.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read-only file system is said to be one, not "permission denied". */
class WriteErrorsTest {
  @TempDir Path dir;

  /** The JDK's three shapes of the two failures (EROFS, EACCES, a read-only FileSystem). */
  @Test
  void readOnlyAndDeniedAreToldApartByTheException() {
    assertEquals("read-only file system", WriteErrors.why(
        new FileSystemException("/mnt/.t.csv123.part", null, "Read-only file system")));
    assertEquals("read-only file system", WriteErrors.why(new ReadOnlyFileSystemException()));
    assertEquals("permission denied", WriteErrors.why(
        new AccessDeniedException("/mnt/.t.csv123.part")));
    assertEquals("no space left on device", WriteErrors.why(
        new FileSystemException("/mnt/.t.csv123.part", null, "No space left on device")));
  }

  /** A zip file opened read-only is a read-only file system the test can make without root. */
  @Test
  void aReadOnlyFileSystemIsReportedAsSuchWhenCheckedAndWhenWritten() throws Exception {
    Path zip = dir.resolve("ro.zip");
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
        Map.of("create", "true"))) {
      Files.createDirectory(fs.getPath("/out"));
    }
    try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("accessMode", "readOnly"))) {
      Path out = fs.getPath("/out");
      assertEquals("read-only file system", WriteErrors.whyNotWritable(out));
      Exception e = assertThrows(Exception.class,
          () -> WholeFile.write(out.resolve("t.csv"), "x".getBytes(UTF_8)));
      assertEquals("read-only file system", WriteErrors.why(e));
    }
    assertEquals("permission denied", WriteErrors.whyNotWritable(dir));
  }

  /**
   * The real thing where the machine allows it (root with mount namespaces): a trace, plot and
   * report into a tmpfs mounted read-only are refused as such before anything runs.
   */
  @Test
  void aReadOnlyMountIsNamedInTheCheckersMessage() throws Exception {
    Path mount = Files.createDirectory(dir.resolve("ro"));
    Path script = Files.writeString(dir.resolve("t.opt"), """
        objective q(x = 3) = x^2
        run Adam on q for 2 steps trace "ro/t.csv"
        plot run Adam on q for 2 steps to "ro/p.svg"
        report "ro/r.html"
        """);
    String java = ProcessHandle.current().info().command().orElse("java");
    String inner = "mount -t tmpfs -o ro tmpfs '" + mount + "' || exit 97; exec '" + java
        + "' -cp '" + System.getProperty("java.class.path") + "' dev.optlab.Main '" + script
        + "'";
    Process p;
    try {
      p = new ProcessBuilder("unshare", "-m", "sh", "-c", inner).directory(dir.toFile())
          .redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "no unshare: " + e.getMessage());
      return;
    }
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assumeTrue(p.exitValue() != 97 && !out.contains("unshare:"), "cannot mount here: " + out);
    for (String what : new String[] {"trace file \"ro/t.csv\"", "plot file \"ro/p.svg\"",
        "report file \"ro/r.html\""}) {
      assertTrue(out.contains("cannot write " + what + ": read-only file system"), out);
    }
    assertTrue(!out.contains("permission denied"), out);
  }
}

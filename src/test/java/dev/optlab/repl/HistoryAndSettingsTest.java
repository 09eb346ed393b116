package dev.optlab.repl;

import static dev.optlab.repl.ReplDriver.BANNER;
import static dev.optlab.repl.ReplDriver.session;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History that persists across sessions, and what the environment decides. */
class HistoryAndSettingsTest {
  @TempDir Path dir;

  @Test
  void historyPersistsAcrossSessionsAndHistoryShowsThisSessionsOnly() throws IOException {
    Path file = dir.resolve("state/optlab/history");
    Repl.Settings settings = new Repl.Settings(file, false, dir);
    session("print 41 + 1\nlet a = 1\n", settings);
    String saved = Files.readString(file);
    assertTrue(saved.contains("print 41 + 1") && saved.contains("let a = 1"), saved);
    String out = session("print 2\n:history\n", settings);
    assertEquals(BANNER + """
        optlab> 2.0
        optlab> 1  print 2
        2  :history
        optlab> \n""", out);
    assertTrue(Files.readString(file).contains("print 2"));
  }

  @Test
  void anUnwritableHistoryDirectoryLeavesTheSessionWorking() throws IOException {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "");
    String out = session("print 1\n", new Repl.Settings(blocker.resolve("optlab/history"), false,
        dir));
    assertEquals(BANNER + "optlab> 1.0\noptlab> \n", out);
  }

  @Test
  void anUnreadableHistoryFileIsLeftAloneAndSaidSoInOneLine() throws IOException {
    Path file = dir.resolve("optlab/history");
    Files.createDirectories(file.getParent());
    byte[] corrupt = {'x', '\n', (byte) 0xff, (byte) 0xfe, '\n'};
    Files.write(file, corrupt);
    String out = session("print 1\n:history\n", new Repl.Settings(file, false, dir));
    assertEquals(BANNER + "optlab: cannot read the history file " + file
        + " (MalformedInputException); this session's history will not be saved\n"
        + "optlab> 1.0\noptlab> 1  print 1\n2  :history\noptlab> \n", out);
    assertArrayEquals(corrupt, Files.readAllBytes(file));
  }

  @Test
  void historyLivesUnderTheStateDirectory() {
    assertEquals(Path.of("/s/optlab/history"), Repl.Settings.fromEnvironment(
        Map.of("XDG_STATE_HOME", "/s", "HOME", "/h")).historyFile());
    assertEquals(Path.of("/h/.local/state/optlab/history"), Repl.Settings.fromEnvironment(
        Map.of("HOME", "/h")).historyFile());
    assertEquals(Path.of("/h/.local/state/optlab/history"), Repl.Settings.fromEnvironment(
        Map.of("XDG_STATE_HOME", "relative", "HOME", "/h")).historyFile(),
        "the XDG spec says to ignore a relative path");
    assertNull(Repl.Settings.fromEnvironment(Map.of()).historyFile());
  }

  @Test
  void noColorTurnsColourOff() {
    assertTrue(Repl.Settings.fromEnvironment(Map.of()).color());
    assertTrue(Repl.Settings.fromEnvironment(Map.of("NO_COLOR", "")).color());
    assertFalse(Repl.Settings.fromEnvironment(Map.of("NO_COLOR", "1")).color());
  }
}

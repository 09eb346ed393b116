package dev.optlab.repl;

import static dev.optlab.repl.ReplDriver.session;
import static dev.optlab.repl.ReplDriver.settings;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code :save} rewrites the files of tensor parameters' starting values ({@code = npy("...")},
 * {@code = csv("...")}) as it does a data statement's, so the saved script reads the same weights.
 */
class SavedWeightFilesTest {
  @TempDir Path dir;

  @Test
  void saveRewritesStartingValueFilesForTheSavedScriptsDirectory() throws IOException {
    Files.createDirectories(dir.resolve("project/w"));
    Files.writeString(dir.resolve("project/w/b.csv"), "1,2,3\n");
    Files.createDirectories(dir.resolve("saved"));
    String out = session("objective f(b[3] = csv(\"project/w/b.csv\")) = sum(b * b)\n"
        + ":save saved/s.opt\n", settings(dir));
    assertTrue(!out.contains("error"), out);
    String saved = Files.readString(dir.resolve("saved/s.opt"));
    assertTrue(saved.contains("objective f(b[3] = csv(\"../project/w/b.csv\")) = sum(b * b)"),
        saved);
    String back = session(":load " + dir.resolve("saved/s.opt") + "\nprint grad(f)\n",
        settings(dir.resolve("saved")));
    assertTrue(back.contains("b[3] = [2.0, 4.0, 6.0]"), back);
  }
}

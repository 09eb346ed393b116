package dev.optlab.repl;

import static dev.optlab.repl.ReplDriver.session;
import static dev.optlab.repl.ReplDriver.settings;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one rule for relative paths (docs/language.md): a script's are relative to its own
 * directory, whatever the working directory; typed input's to the session's working directory;
 * {@code :load} follows the script's rule and {@code :save} rewrites file names to keep naming the
 * same files from the saved script's directory.
 */
class RelativePathsTest {
  @TempDir Path dir;

  private static final String DATA = "x,y\n1,0\n2,1\n3,0\n4,1\n";

  private Path project() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.createDirectories(project.resolve("data"));
    Files.writeString(project.resolve("data/d.csv"), DATA);
    Files.writeString(project.resolve("train.opt"), """
        data d = csv("data/d.csv", target = "y")
        objective f(w[1, 2] ~ normal(0, 0.1)) = cross_entropy(d.x @ w, d.y)
        run SGD(lr = 0.1) on f for 2 epochs trace "out/trace.csv"
        """);
    Files.createDirectories(project.resolve("out"));
    return project;
  }

  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new String[] {Integer.toString(code), out.toString(UTF_8), err.toString(UTF_8)};
  }

  @Test
  void aScriptReadsAndWritesBesideItselfFromAnyWorkingDirectory() throws IOException {
    Path project = project();
    // the test's working directory is the Maven project, not the script's
    String[] r = run(project.resolve("train.opt").toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(Files.readString(project.resolve("out/trace.csv")).startsWith("run,step,"));
    assertTrue(!Files.exists(Path.of("out/trace.csv")), "nothing written to the working dir");
  }

  @Test
  void typedInputIsRelativeToTheSessionsDirectoryAndLoadToTheScripts() throws IOException {
    Path project = project();
    String typed = session("data d = csv(\"project/data/d.csv\", target = \"y\")\n"
        + ":load project/train.opt\n", settings(dir));
    assertTrue(typed.contains("data d = csv(\"project/data/d.csv\""), typed);
    assertTrue(!typed.contains("error"), typed);
    assertTrue(Files.exists(project.resolve("out/trace.csv")), "the loaded script wrote beside"
        + " itself, as running it does");
  }

  @Test
  void saveRewritesFileNamesForTheSavedScriptsDirectory() throws IOException {
    project();
    Files.createDirectories(dir.resolve("saved/deeper"));
    session("data d = csv(\"project/data/d.csv\", target = \"y\")\n"
        + "data e = csv(\"" + dir.resolve("project/data/d.csv") + "\", target = \"y\")\n"
        + ":save saved/deeper/s.opt\n", settings(dir));
    String saved = Files.readString(dir.resolve("saved/deeper/s.opt"));
    assertTrue(saved.contains("data d = csv(\"../../project/data/d.csv\", target = \"y\")\n"),
        saved);
    assertTrue(saved.contains("data e = csv(\"" + dir.resolve("project/data/d.csv") + "\""),
        "absolute paths stay: " + saved);
    // and it loads back from anywhere: the saved script names the same file
    String back = session(":load " + dir.resolve("saved/deeper/s.opt") + "\n",
        settings(dir.resolve("saved")));
    assertTrue(!back.contains("error"), back);
    assertTrue(back.contains("data d = "), back);
  }
}

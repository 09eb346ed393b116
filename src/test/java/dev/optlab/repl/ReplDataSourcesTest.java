package dev.optlab.repl;

import static dev.optlab.repl.ReplDriver.session;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * IDX and NumPy data sources at the prompt: a bad file is an error at the statement, the
 * session goes on, and nothing of the failed data set is declared; a good one echoes what was
 * loaded.
 */
class ReplDataSourcesTest {
  static final String DIR = "src/test/resources/data/arrays/";

  @Test
  void aBadFileLeavesNothingDeclaredAndTheSessionGoesOn() {
    String out = session("data d = npy(x = \"" + DIR + "fortran.npy\", y = \"" + DIR
        + "y.npy\")\nprint d\ndata d = npz(\"" + DIR + "arrays.npz\", test_x = \"x_test\", "
        + "test_y = \"y_test\")\n");
    assertTrue(out.contains("error: " + DIR + "fortran.npy is stored in Fortran"), out);
    assertTrue(out.contains("error: unknown name 'd'"), out);
    assertTrue(out.contains("d: 6 rows (4 train, 2 test) x 3 features, labels 0 to 1"), out);
    assertFalse(out.contains("\tat "), out);
  }
}

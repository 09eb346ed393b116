package dev.optlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IDX, .npy and .npz files written by NumPy (src/test/python/make_arrays.py) read back value for
 * value; the broken ones are in the error table (errors/data_*.opt).
 */
class ArrayDataSourcesTest {
  static final String DIR = "src/test/resources/data/arrays/";
  static final double[] X = {1.5, -2, 3, 4, 5, 6.25, 0, 0, 1, 7, 8, 9};

  private static NumericArray idx(String file, long limit) {
    return IdxReader.read(Path.of(DIR + file), file, limit);
  }

  private static NumericArray npy(String file) {
    return NpyReader.read(Path.of(DIR + file), file, 0);
  }

  @Test
  void idxImagesAndGzippedLabelsReadEveryValue() {
    NumericArray images = idx("images.idx", 0);
    assertArrayEquals(new long[] {5, 2, 2}, images.shape());
    assertEquals(5, images.rows());
    assertEquals(4, images.cols());
    for (int i = 0; i < 20; i++) {
      assertEquals(i * 13 % 256, images.values()[i], "value " + i);
    }
    assertArrayEquals(new double[] {0, 1, 2, 1, 0}, idx("labels.idx.gz", 0).values());
  }

  @Test
  void rowsLimitReadsOnlyTheFirstRows() {
    NumericArray two = idx("images.idx", 2);
    assertArrayEquals(new long[] {2, 2, 2}, two.shape());
    assertEquals(8, two.values().length);
    assertEquals(7 * 13, two.values()[7]);
  }

  @Test
  void npyFloat32Int64AndBigEndianFloat64() {
    NumericArray x = npy("x.npy");
    assertArrayEquals(new long[] {4, 3}, x.shape());
    assertArrayEquals(X, x.values());
    assertArrayEquals(X, npy("x_big_endian.npy").values());
    assertArrayEquals(new double[] {1, 0, 1, 0}, npy("y.npy").values());
  }

  @Test
  void npzCompressedArchiveReadsTheNamedArrays() {
    List<NumericArray> a = NpyReader.readArchive(Path.of(DIR + "arrays.npz"), "arrays.npz",
        List.of("x", "y", "x_test", "y_test"), 0);
    assertArrayEquals(X, a.get(0).values());
    assertArrayEquals(new double[] {1, 0, 1, 0}, a.get(1).values());
    assertArrayEquals(new double[] {3, -4, 6, 8, 10, 12.5}, a.get(2).values());
    assertArrayEquals(new double[] {0, 1}, a.get(3).values());
  }

  @Test
  void heldOutFilesMakeTheTestPartInFileOrderAndScaleWithTrainingStatistics() {
    NumericArray x = npy("x.npy");
    NumericArray y = npy("y.npy");
    NumericArray tx = npy("x.npy");
    Dataset d = ArrayData.make("d", x, y, tx, npy("y.npy"), List.of("x", "y", "tx", "ty"), 0, 0,
        Preparation.Scale.STANDARD, "npy");
    assertEquals(4, d.train().rows());
    assertEquals(4, d.test().rows());
    assertArrayEquals(d.train().x(), d.test().x()); // same rows, same scaling
    double mean0 = (1.5 + 4 + 0 + 7) / 4;
    double sd0 = Math.sqrt((Math.pow(1.5 - mean0, 2) + Math.pow(4 - mean0, 2)
        + Math.pow(0 - mean0, 2) + Math.pow(7 - mean0, 2)) / 4);
    assertEquals((1.5 - mean0) / sd0, d.train().x()[0], 1e-15);
    assertTrue(d.describe().startsWith("d: 8 rows (4 train, 4 test) x 3 features"),
        d.describe());
  }

  @Test
  void aDataSetTooLargeForTheHeapIsRefusedBeforeLoadingWithWhatItNeeds() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--check", "-e", "data d = idx(images = \"" + DIR
        + "huge.idx\", labels = \"" + DIR + "labels.idx.gz\")"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String e = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, e);
    assertTrue(e.contains("error: " + DIR + "huge.idx (2000000000 values) needs about 15259 MB of "
        + "memory as float64"), e);
    assertTrue(e.contains("raise the limit with OPTLAB_HEAP"), e);
    assertTrue(!e.contains("\tat "), e);
  }

  @Test
  void truncatedHeaderAndMissingFileAreErrors() {
    DataError e = assertThrows(DataError.class, () -> idx("no_such.idx", 0));
    assertEquals("cannot read \"no_such.idx\": no such file", e.getMessage());
  }
}

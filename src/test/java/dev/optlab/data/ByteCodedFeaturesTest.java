package dev.optlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 8-bit images held as bytes ({@link Dataset.Codes}) read as the very doubles a double array of
 * the same data set holds: Fashion-MNIST's first 3,000 training and 500 test images, raw and
 * standardised, with held-out files and with a seeded split, compared bit for bit through every
 * way the training loop reads them (a row, a chunk of rows, all, float32).
 */
class ByteCodedFeaturesTest {
  private static final String DIR = "/usr/share/datasets/fashion-mnist/";

  private static NumericArray read(String file, long rows, boolean bytes) {
    return IdxReader.read(Path.of(DIR + file), file, rows, false, bytes);
  }

  private static Dataset load(boolean bytes, boolean heldOutFiles, Preparation.Scale scale) {
    NumericArray x = read("train-images-idx3-ubyte.gz", 3000, bytes);
    NumericArray y = read("train-labels-idx1-ubyte.gz", 3000, false);
    NumericArray tx = heldOutFiles ? read("t10k-images-idx3-ubyte.gz", 500, bytes) : null;
    NumericArray ty = heldOutFiles ? read("t10k-labels-idx1-ubyte.gz", 500, false) : null;
    return ArrayData.make("f", x, y, tx, ty, List.of("x", "y", "tx", "ty"),
        heldOutFiles ? 0 : 0.2, 5, scale, "idx");
  }

  @Test
  void anUnsignedByteFileIsHeldAsItsBytes() {
    NumericArray coded = read("train-images-idx3-ubyte.gz", 10, true);
    NumericArray doubles = read("train-images-idx3-ubyte.gz", 10, false);
    assertNull(coded.values());
    assertEquals(7840, coded.bytes().length);
    for (int i = 0; i < 7840; i++) {
      assertEquals(doubles.values()[i], coded.bytes()[i] & 0xff, "value " + i);
    }
    // labels are targets, always numbers
    assertNotNull(read("train-labels-idx1-ubyte.gz", 10, false).values());
  }

  @Test
  void codedFeaturesReadAsTheDoublesOfADoubleArray() {
    for (boolean files : new boolean[] {true, false}) {
      for (Preparation.Scale scale : Preparation.Scale.values()) {
        Dataset d = load(false, files, scale);
        Dataset c = load(true, files, scale);
        String what = (files ? "held-out files" : "a split") + ", " + scale;
        assertNull(c.train().x(), what);
        assertNotNull(c.train().codes(), what);
        for (int part = 0; part < 2; part++) {
          Dataset.Part dp = part == 0 ? d.train() : d.test();
          Dataset.Part cp = part == 0 ? c.train() : c.test();
          assertArrayEquals(dp.y(), cp.y(), what);
          assertBits(dp.x(), cp.xAsDoubles(), what + ", all rows");
          int cols = dp.cols();
          double[] row = new double[cols + 3];
          cp.copyRow(7, row, 3);
          for (int j = 0; j < cols; j++) {
            assertEquals(Double.doubleToRawLongBits(dp.x()[7 * cols + j]),
                Double.doubleToRawLongBits(row[3 + j]), what + ", row 7, feature " + j);
            assertEquals(Double.doubleToRawLongBits(dp.at(7, j)),
                Double.doubleToRawLongBits(cp.at(7, j)), what + ", at");
          }
          double[] chunk = new double[5 * cols];
          cp.copyRows(100, 5, chunk, 0);
          assertBits(java.util.Arrays.copyOfRange(dp.x(), 100 * cols, 105 * cols), chunk,
              what + ", a chunk");
          assertArrayEquals(dp.toFloat32().x32(), cp.toFloat32().x32(), what + ", float32");
        }
      }
    }
  }

  private static void assertBits(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
        assertEquals(expected[i], actual[i], what + " [" + i + "]");
        assertEquals(Double.doubleToRawLongBits(expected[i]),
            Double.doubleToRawLongBits(actual[i]), what + " [" + i + "]");
      }
    }
  }
}

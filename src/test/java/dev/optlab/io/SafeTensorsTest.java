package dev.optlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The safetensors reader and writer: exact round trips, and every lie refused with a reason. */
class SafeTensorsTest {
  private static byte[] write(Map<String, String> meta, Map<String, SafeTensors.Tensor> t)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SafeTensors.write(out, meta, t);
    return out.toByteArray();
  }

  /** A file of the given header text and {@code data} bytes of zeros. */
  private static byte[] file(String header, int data) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h);
    return b.array();
  }

  private static String invalid(byte[] bytes) {
    return assertThrows(SafeTensors.Invalid.class, () -> SafeTensors.parse(bytes)).getMessage();
  }

  @Test
  void roundTripsEveryBitAndAlignsTheData() throws Exception {
    Map<String, SafeTensors.Tensor> t = new LinkedHashMap<>();
    double[] odd = {-0.0, Double.NaN, Double.MIN_VALUE, 1e308, Math.PI, -1};
    t.put("param/W", new SafeTensors.Tensor(new long[] {2, 3}, odd));
    t.put("param/x", new SafeTensors.Tensor(new long[0], new double[] {0.1}));
    t.put("state/é/ \"q\"", new SafeTensors.Tensor(new long[] {0}, new double[0]));
    byte[] bytes = write(Map.of("step", "3", "text", "a\"b\\c\n"), t);
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, (8 + n) % 8, "the data starts 8-byte aligned");
    SafeTensors.Contents c = SafeTensors.parse(bytes);
    assertEquals(Map.of("step", "3", "text", "a\"b\\c\n"), c.metadata());
    assertEquals(t.keySet(), c.tensors().keySet());
    double[] back = c.tensors().get("param/W").data();
    for (int i = 0; i < odd.length; i++) {
      assertEquals(Double.doubleToRawLongBits(odd[i]), Double.doubleToRawLongBits(back[i]));
    }
    assertArrayEquals(new long[] {2, 3}, c.tensors().get("param/W").shape());
    assertArrayEquals(new long[0], c.tensors().get("param/x").shape());
  }

  @Test
  void roundTripsFloat32TensorsInFourBytesEach() throws Exception {
    float[] odd = {-0.0f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE, (float) Math.PI, 0.1f};
    Map<String, SafeTensors.Tensor> t = new LinkedHashMap<>();
    t.put("param/W", SafeTensors.Tensor.of(new long[] {3, 2}, odd));
    t.put("param/d", new SafeTensors.Tensor(new long[] {1}, new double[] {0.1}));
    t.put("state/W/mu", SafeTensors.Tensor.of(new long[0], new float[] {0.5f}));
    byte[] bytes = write(Map.of(), t);
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(8 + n + 6 * 4 + 8 + 4, bytes.length, "floats take four bytes");
    String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
    assertTrue(header.contains("\"param/W\":{\"dtype\":\"F32\",\"shape\":[3,2],"
        + "\"data_offsets\":[0,24]}"), header);
    SafeTensors.Contents c = SafeTensors.parse(bytes);
    double[] back = c.tensors().get("param/W").data();
    assertTrue(c.tensors().get("param/W").float32());
    for (int i = 0; i < odd.length; i++) {
      assertEquals(Float.floatToRawIntBits(odd[i]), Float.floatToRawIntBits((float) back[i]));
    }
    assertEquals(0.1, c.tensors().get("param/d").data()[0]);
    assertTrue(!c.tensors().get("param/d").float32());
    assertEquals(0.5, c.tensors().get("state/W/mu").data()[0]);
  }

  @Test
  void refusesHeadersThatLieOrAreNotSafetensors() {
    String e = "{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":";
    assertTrue(invalid(file("{\"a\":" + e + "[8,16]}}", 16)).contains("starts at byte 8"));
    assertTrue(invalid(file("{\"a\":" + e + "[0,8]}}", 16)).contains("the tensors end at byte 8"));
    assertTrue(invalid(file("{\"a\":" + e + "[0,8]}}", 4)).contains("cut short"));
    assertTrue(invalid(file("{\"a\":" + e + "[0,16]}}", 16)).contains("shape [1] of F64 needs 8"));
    assertTrue(invalid(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}",
        8)).contains("shape [3] of F32 needs 12"));
    assertTrue(invalid(file("{\"a\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}",
        2)).contains("BF16; optlab checkpoints hold float64 (F64) or float32 (F32)"));
    assertTrue(invalid(file("{\"a\":" + e + "[0,8]},\"a\":" + e + "[0,8]}}", 8))
        .contains("appears twice"));
    assertTrue(invalid(file("{\"a\":" + e + "[0,8.0]}}", 8)).contains("whole"));
    assertTrue(invalid(file("{\"__metadata__\":{\"k\":1}}", 0)).contains("not a string"));
    assertTrue(invalid(file("[1]", 0)).contains("not a JSON object"));
    assertTrue(invalid(file("{\"a\":[[[[1]]]]}", 0)).contains("nests deeper"));
    assertTrue(invalid(file("{\"a\":" + e + "[0,8]}", 8)).contains("ends where '}'"));
    assertTrue(invalid(new byte[] {1, 2, 3}).contains("fewer than the 8"));
    byte[] huge = file("{}", 0);
    ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 5L << 30);
    assertTrue(invalid(huge).contains("5368709120 bytes, more than the 16 MB"));
    byte[] shape = file("{\"a\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296],"
        + "\"data_offsets\":[0,8]}}", 8);
    assertTrue(invalid(shape).contains("more than 2 GB"), "no overflow in the shape's product");
  }
}

package org.jetbridge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
  record WorkingPoint(String name, double efficiency, long jets, boolean passed) {}

  @Test
  void writesInInsertionOrderWithFixedLayout() {
    Map<String, Object> m = Json.object("z", 1, "a", List.of(1.5, "x", true), "m", Json.object(),
        "nested", List.of(Json.object("k", null)), "wp", new WorkingPoint("tight", 0.7, 1234567890123L, false),
        "arr", new double[] {0.25, -0.0}, "empty", new int[0]);
    assertEquals("""
        {
          "z": 1,
          "a": [1.5, "x", true],
          "m": {},
          "nested": [
            {
              "k": null
            }
          ],
          "wp": {
            "name": "tight",
            "efficiency": 0.7,
            "jets": 1234567890123,
            "passed": false
          },
          "arr": [0.25, -0.0],
          "empty": []
        }
        """, Json.write(m));
  }

  @Test
  void roundTripKeepsStructureEscapesAndEveryDoubleBitForBit() {
    Random rng = new Random(9);
    double[] xs = new double[2000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = switch (i % 4) {
        case 0 -> rng.nextGaussian();
        case 1 -> Double.longBitsToDouble(rng.nextLong() & 0x7fefffffffffffffL); // any finite double
        case 2 -> rng.nextDouble() * 1e-300;
        default -> Math.scalb(rng.nextDouble(), rng.nextInt(200) - 100);
      };
    }
    xs[0] = Double.MIN_VALUE;
    xs[1] = Double.MAX_VALUE;
    xs[2] = -0.0;
    String tricky = "quote\" back\\slash / tab\t nl\n cr\r bs\b ff\f nul\u0000 del\u007f é ∞ 🎉 lone\ud800 end";
    Map<String, Object> m = Json.object("xs", xs, "s", tricky, "key \"with\" quotes", "v", "big", Long.MIN_VALUE,
        "f", 0.1f, "flag", Boolean.TRUE);
    String text = Json.write(m);
    Object back = Json.parse(text);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) Json.at(back, "xs");
    for (int i = 0; i < xs.length; i++) {
      assertEquals(Double.doubleToLongBits(xs[i]), Double.doubleToLongBits((Double) list.get(i)), "xs[" + i + "] = " + xs[i]);
    }
    assertEquals(tricky, Json.at(back, "s"));
    assertEquals("v", Json.at(back, "key \"with\" quotes"));
    assertEquals(Long.MIN_VALUE, Json.at(back, "big"));
    assertEquals(0.1f, ((Double) Json.at(back, "f")).floatValue());
    assertEquals(Boolean.TRUE, Json.at(back, "flag"));
    assertEquals(List.of("xs", "s", "key \"with\" quotes", "big", "f", "flag"), List.copyOf(((Map<?, ?>) back).keySet()));
    assertEquals(text, Json.write(back), "write ∘ parse ∘ write is stable");
    assertTrue(text.contains("\\u0000") && text.contains("\\ud800") && text.contains("🎉"), text);
  }

  @Test
  void nonFiniteNumbersAreWrittenAsNullAndReadBackAsNaN() {
    String text = Json.write(Json.object("nan", Double.NaN, "inf", Double.POSITIVE_INFINITY,
        "list", new double[] {1, Double.NEGATIVE_INFINITY}, "fnan", Float.NaN));
    assertEquals("{\n  \"nan\": null,\n  \"inf\": null,\n  \"list\": [1.0, null],\n  \"fnan\": null\n}\n", text);
    Object back = Json.parse(text);
    assertNull(Json.at(back, "nan"));
    assertTrue(Double.isNaN(Json.number(Json.at(back, "inf"))));
    assertEquals(1.0, Json.number(Json.at(back, "list", 0)));
    assertTrue(Double.isNaN(Json.number(Json.at(back, "list", 1))));
  }

  @Test
  void readerAcceptsStandardJsonAndNamesErrorPositions() {
    Object v = Json.parse(" {\"a\" : [ 1 , -2.5e3 , 0, true, false, null, \"\\u00e9\\/\\ud83c\\udf89\" ], \"b\":{} } ");
    assertEquals(List.of(1L, -2500.0, 0L, true, false, "é/🎉"), ((List<?>) Json.at(v, "a")).subList(0, 7).stream()
        .filter(o -> o != null).toList());
    assertEquals(Map.of(), Json.at(v, "b"));
    String[] bad = {"{\"a\":1,}", "[1 2]", "{\"a\" 1}", "01", "1.", "-", "\"abc", "tru", "{\"a\":1,\"a\":2}", "[1]x", "\"\t\""};
    for (String b : bad) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(b), b);
      assertTrue(e.getMessage().startsWith("JSON line 1, column "), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\n  \"a\": [1,\n  ]\n}"));
    assertEquals("JSON line 3, column 3: expected a value, got ']'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Json.at(Json.parse("{\"a\":{}}"), "a", "b"));
    assertTrue(e.getMessage().contains("$.a: no key \"b\""), e.getMessage());
  }

  @Test
  void writerRejectsWhatJsonCannotHold() {
    assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, 2)));
    assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    assertThrows(IllegalArgumentException.class, () -> Json.object("a", 1, "a", 2));
  }

  @Test
  void fileWriteIsAtomicAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("sub/metrics.json");
    Json.writeFile(f, Json.object("auc", 0.91));
    Json.writeFile(f, Json.object("auc", 0.92));
    assertEquals(0.92, Json.at(Json.read(f), "auc"));
    try (var files = Files.list(f.getParent())) {
      assertEquals(List.of("metrics.json"), files.map(p -> p.getFileName().toString()).toList());
    }
  }
}

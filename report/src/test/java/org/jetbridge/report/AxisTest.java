package org.jetbridge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {

  private static List<String> majorLabels(Axis a, int target) {
    return a.ticks(target).stream().filter(Axis.Tick::major).map(Axis.Tick::label).toList();
  }

  @Test
  void linearTicksAreNiceAndExactlyLabelled() {
    assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), majorLabels(Axis.linear(0, 1, ""), 6));
    assertEquals(List.of("0", "50", "100", "150", "200"), majorLabels(Axis.linear(-3, 210, ""), 5));
    assertEquals(List.of("−0.3", "−0.2", "−0.1", "0", "0.1"), majorLabels(Axis.linear(-0.31, 0.12, ""), 5));
    assertEquals(List.of("0.5", "1", "1.5"), majorLabels(Axis.linear(0.5, 1.5, ""), 2));
    assertEquals(List.of("2×10^{−7}", "4×10^{−7}"), majorLabels(Axis.linear(1e-7, 5e-7, ""), 2));
    // minor ticks subdivide the major step into 5 (steps 1, 5) or 4 (step 2)
    long minors = Axis.linear(0, 1, "").ticks(6).stream().filter(t -> !t.major()).count();
    assertEquals(15, minors); // step 0.2 split in 4: 21 ticks over [0, 1], 6 of them major
  }

  @Test
  void logTicksSitAtDecades() {
    Axis a = Axis.log(1e-3, 10, "");
    List<Axis.Tick> majors = a.ticks().stream().filter(Axis.Tick::major).toList();
    assertEquals(List.of("10^{−3}", "10^{−2}", "10^{−1}", "1", "10"), majors.stream().map(Axis.Tick::label).toList());
    for (int i = 0; i < majors.size(); i++) {
      assertEquals(Math.pow(10, i - 3), majors.get(i).value(), 1e-15 * Math.pow(10, i - 3));
      assertEquals(i / 4.0, a.fraction(majors.get(i).value()), 1e-12, "decades are equally spaced");
    }
    assertEquals(8 * 4, a.ticks().size() - majors.size(), "2..9 × 10^k minors in four decades");
    // less than two decades inside: 2× and 5× are labelled too
    assertEquals(List.of("2", "5", "10", "20", "50"), majorLabels(Axis.log(1.5, 60, ""), 6));
  }

  @Test
  void fractionMapsLinearlyOrInLog() {
    assertEquals(0.25, Axis.linear(-1, 3, "").fraction(0), 1e-15);
    assertEquals(0.5, Axis.log(1, 100, "").fraction(10), 1e-15);
    assertEquals(Double.NEGATIVE_INFINITY, Axis.log(1, 100, "").fraction(0));
  }

  @Test
  void invalidRangesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Axis.linear(1, 1, "x"));
    assertThrows(IllegalArgumentException.class, () -> Axis.log(0, 1, "x"));
    assertThrows(IllegalArgumentException.class, () -> Axis.linear(0, Double.NaN, "x"));
  }

  @Test
  void numberFormattingIsFixedAndLocaleFree() {
    assertEquals("12.35", Fmt.px(12.345000001));
    assertEquals("-3", Fmt.px(-3.0001));
    assertEquals("0", Fmt.px(-0.001));
    assertEquals("100000", Fmt.px(Double.POSITIVE_INFINITY));
    assertEquals("0.1235", Fmt.sig(0.123456, 4));
    assertEquals("1234", Fmt.sig(1234.5, 4)); // half-even on the exact binary value 1234.5
    assertEquals("1235", Fmt.sig(1234.51, 4));
    assertEquals("1.5e-07", Fmt.sig(1.5e-7, 3));
    assertEquals("2.5e+06", Fmt.sig(2.5e6, 4));
    assertEquals("−∞", Fmt.sig(Double.NEGATIVE_INFINITY, 4));
  }
}

package org.jetbridge.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Deterministic, locale-independent number formatting for plots, tables and labels. */
public final class Fmt {
  /** Pixel coordinates beyond this magnitude are clamped so that infinities never reach the SVG. */
  static final double MAX_PIXEL = 1.0e5;

  private Fmt() {}

  /**
   * A pixel coordinate rounded to 0.01 px, without trailing zeros ("12.5", "-3", "0"). Non-finite or huge values
   * are clamped to ±{@value #MAX_PIXEL} (NaN to 0) so the output is always a valid SVG number.
   */
  public static String px(double v) {
    if (Double.isNaN(v)) {
      v = 0;
    }
    v = Math.max(-MAX_PIXEL, Math.min(MAX_PIXEL, v));
    long hundredths = Math.round(v * 100.0);
    if (hundredths == 0) {
      return "0";
    }
    StringBuilder sb = new StringBuilder(12);
    if (hundredths < 0) {
      sb.append('-');
      hundredths = -hundredths;
    }
    sb.append(hundredths / 100);
    long frac = hundredths % 100;
    if (frac != 0) {
      sb.append('.').append(frac / 10);
      if (frac % 10 != 0) {
        sb.append(frac % 10);
      }
    }
    return sb.toString();
  }

  /**
   * {@code v} rounded half-even to {@code digits} significant digits: plain notation for 1e-4 ≤ |v| < 1e6,
   * otherwise scientific with an "e" exponent ("1.23e-07"); "NaN", "∞" and "−∞" for non-finite values.
   */
  public static String sig(double v, int digits) {
    if (digits < 1 || digits > 17) {
      throw new IllegalArgumentException("significant digits: expected 1..17, got " + digits);
    }
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    double a = Math.abs(b.doubleValue());
    if (a >= 1e-4 && a < 1e6) {
      String s = b.toPlainString();
      return s.indexOf('.') >= 0 ? stripZeros(s) : s;
    }
    int exp = b.precision() - b.scale() - 1;
    BigDecimal mantissa = b.movePointLeft(exp);
    String m = mantissa.toPlainString();
    if (m.indexOf('.') >= 0) {
      m = stripZeros(m);
    }
    String e = Integer.toString(Math.abs(exp));
    return m + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
  }

  private static String stripZeros(String s) {
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }
}

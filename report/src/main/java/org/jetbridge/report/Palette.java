package org.jetbridge.report;

/**
 * Colour-blind friendly series colours (Okabe–Ito, extended with three Tol "muted" colours), as "#rrggbb".
 * Series beyond {@link #SIZE} cycle; plots also vary marker shape and dash pattern so that colour is never the
 * only cue.
 */
public final class Palette {
  private static final String[] COLOURS = {
    "#0072B2", // blue
    "#D55E00", // vermillion
    "#009E73", // bluish green
    "#CC79A7", // reddish purple
    "#E69F00", // orange
    "#56B4E9", // sky blue
    "#000000", // black
    "#882255", // wine (Tol)
    "#999933", // olive (Tol)
    "#332288", // indigo (Tol)
  };

  /** Number of distinct colours before the palette cycles. */
  public static final int SIZE = COLOURS.length;

  private Palette() {}

  /** Colour of series {@code index} (≥ 0). */
  public static String colour(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("series index: expected >= 0, got " + index);
    }
    return COLOURS[index % SIZE];
  }

  /** SVG stroke-dasharray of series {@code index}: solid for the first palette cycle, then dashed variants. */
  static String dash(int index) {
    return switch ((index / SIZE) % 3) {
      case 0 -> null;
      case 1 -> "6 3";
      default -> "2 2";
    };
  }
}

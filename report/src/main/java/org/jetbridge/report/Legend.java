package org.jetbridge.report;

import java.util.ArrayList;
import java.util.List;

/** A plot legend: one row per series (line sample, band swatch and/or marker, then the label). */
final class Legend {
  /** One legend row: label markup, colour, optional dash pattern, and which samples (line, band, marker) to draw. */
  record Entry(String label, String colour, String dash, boolean line, boolean band, Marker marker) {}

  private static final double FONT = 13;
  private static final double ROW = 19;
  private static final double SAMPLE = 26;
  private final List<Entry> entries = new ArrayList<>();

  void add(Entry e) {
    if (e.label() != null && !e.label().isEmpty()) {
      entries.add(e);
    }
  }

  void draw(Svg s, Panel p, LegendPosition pos) {
    if (entries.isEmpty() || pos == LegendPosition.NONE) {
      return;
    }
    double textW = 0;
    for (Entry e : entries) {
      textW = Math.max(textW, Text.width(e.label(), FONT));
    }
    double w = 8 + SAMPLE + 6 + textW + 8;
    double h = 6 + ROW * entries.size() + 2;
    double inset = 10;
    boolean right = pos == LegendPosition.TOP_RIGHT || pos == LegendPosition.BOTTOM_RIGHT;
    boolean top = pos == LegendPosition.TOP_RIGHT || pos == LegendPosition.TOP_LEFT;
    double x0 = right ? p.left + p.width - inset - w : p.left + inset;
    double y0 = top ? p.top + inset : p.top + p.height - inset - h;
    s.empty("rect", "x", Fmt.px(x0), "y", Fmt.px(y0), "width", Fmt.px(w), "height", Fmt.px(h),
        "fill", "#ffffff", "fill-opacity", "0.85", "stroke", "#bbbbbb", "stroke-width", "0.8");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      double cy = y0 + 6 + ROW * i + ROW / 2 - 1;
      double sx = x0 + 8;
      if (e.band()) {
        s.empty("rect", "x", Fmt.px(sx), "y", Fmt.px(cy - 6), "width", Fmt.px(SAMPLE), "height", "12",
            "fill", e.colour(), "fill-opacity", "0.25");
      }
      if (e.line()) {
        s.empty("line", "x1", Fmt.px(sx), "y1", Fmt.px(cy), "x2", Fmt.px(sx + SAMPLE), "y2", Fmt.px(cy),
            "stroke", e.colour(), "stroke-width", "2", "stroke-dasharray", e.dash());
      }
      if (e.marker() != Marker.NONE) {
        e.marker().draw(s, sx + SAMPLE / 2, cy, 3.5, e.colour());
      }
      s.text(e.label(), FONT, "x", Fmt.px(sx + SAMPLE + 6), "y", Fmt.px(cy + 4.5));
    }
  }
}

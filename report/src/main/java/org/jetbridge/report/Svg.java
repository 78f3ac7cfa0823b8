package org.jetbridge.report;

/** Minimal SVG/XML text builder: elements are appended in call order, attributes in the order given. */
final class Svg {
  static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
  private final StringBuilder sb = new StringBuilder(16384);

  /** Opens the root element of a {@code width × height} px drawing with a white background. */
  static Svg document(int width, int height) {
    Svg s = new Svg();
    s.sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" font-family=\"").append(FONT).append("\" font-size=\"13\">\n");
    s.empty("rect", "x", "0", "y", "0", "width", Integer.toString(width), "height", Integer.toString(height),
        "fill", "#ffffff");
    return s;
  }

  Svg open(String tag, String... attrs) {
    sb.append('<').append(tag);
    attrs(attrs);
    sb.append(">\n");
    return this;
  }

  Svg close(String tag) {
    sb.append("</").append(tag).append(">\n");
    return this;
  }

  Svg empty(String tag, String... attrs) {
    sb.append('<').append(tag);
    attrs(attrs);
    sb.append("/>\n");
    return this;
  }

  /** A text element whose content is label markup (see {@link Text}); attributes given as name/value pairs. */
  Svg text(String markup, double fontPx, String... attrs) {
    sb.append("<text");
    attrs(attrs);
    sb.append('>');
    Text.appendSvg(sb, markup, fontPx);
    sb.append("</text>\n");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
    return empty("line", "x1", Fmt.px(x1), "y1", Fmt.px(y1), "x2", Fmt.px(x2), "y2", Fmt.px(y2),
        "stroke", stroke, "stroke-width", Fmt.px(width));
  }

  private void attrs(String[] attrs) {
    if (attrs.length % 2 != 0) {
      throw new IllegalArgumentException("attributes: expected name/value pairs, got " + attrs.length + " strings");
    }
    for (int i = 0; i < attrs.length; i += 2) {
      if (attrs[i + 1] == null) {
        continue; // optional attribute not set
      }
      sb.append(' ').append(attrs[i]).append("=\"");
      escape(sb, attrs[i + 1]);
      sb.append('"');
    }
  }

  /** Appends {@code s} with the five XML special characters escaped. */
  static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            out.append(' '); // XML 1.0 forbids other control characters
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    escape(b, s);
    return b.toString();
  }

  String finish() {
    sb.append("</svg>\n");
    return sb.toString();
  }
}

package org.jetbridge.report;

/**
 * Label markup: plain Unicode text in which {@code _{...}} is a subscript and {@code ^{...}} a superscript
 * (e.g. {@code "p_{T} [GeV]"}, {@code "10^{-3}"}, {@code "1/ε_{b}"}). Braces are not nested; a lone '_' or '^'
 * not followed by '{' is literal.
 */
final class Text {
  private static final double SCRIPT_SCALE = 0.7;

  private Text() {}

  static void appendSvg(StringBuilder out, String markup, double fontPx) {
    double shift = 0; // current baseline offset in px (positive = down, SVG convention)
    int i = 0;
    int n = markup.length();
    StringBuilder plain = new StringBuilder();
    while (i < n) {
      char c = markup.charAt(i);
      int close = (c == '_' || c == '^') && i + 1 < n && markup.charAt(i + 1) == '{' ? markup.indexOf('}', i + 2) : -1;
      if (close < 0) {
        plain.append(c);
        i++;
        continue;
      }
      if (plain.length() > 0) {
        flush(out, plain, -shift);
        shift = 0;
      }
      double target = c == '_' ? 0.25 * fontPx : -0.4 * fontPx;
      out.append("<tspan dy=\"").append(Fmt.px(target - shift)).append("\" font-size=\"")
          .append(Fmt.px(SCRIPT_SCALE * fontPx)).append("\">");
      Svg.escape(out, markup.substring(i + 2, close));
      out.append("</tspan>");
      shift = target;
      i = close + 1;
    }
    flush(out, plain, -shift);
  }

  private static void flush(StringBuilder out, StringBuilder plain, double dy) {
    if (plain.length() == 0) {
      return;
    }
    if (dy != 0) {
      out.append("<tspan dy=\"").append(Fmt.px(dy)).append("\">");
      Svg.escape(out, plain.toString());
      out.append("</tspan>");
    } else {
      Svg.escape(out, plain.toString());
    }
    plain.setLength(0);
  }

  /** Appends the markup as escaped HTML with {@code <sub>}/{@code <sup>} elements. */
  static void appendHtml(StringBuilder out, String markup) {
    int i = 0;
    int n = markup.length();
    int plainStart = 0;
    while (i < n) {
      char c = markup.charAt(i);
      int close = (c == '_' || c == '^') && i + 1 < n && markup.charAt(i + 1) == '{' ? markup.indexOf('}', i + 2) : -1;
      if (close < 0) {
        i++;
        continue;
      }
      Svg.escape(out, markup.substring(plainStart, i));
      String tag = c == '_' ? "sub" : "sup";
      out.append('<').append(tag).append('>');
      Svg.escape(out, markup.substring(i + 2, close));
      out.append("</").append(tag).append('>');
      i = close + 1;
      plainStart = i;
    }
    Svg.escape(out, markup.substring(plainStart));
  }

  /** Estimated rendered width in px (average glyph ≈ 0.6 em), used only to size legend boxes. */
  static double width(String markup, double fontPx) {
    double w = 0;
    int i = 0;
    while (i < markup.length()) {
      char c = markup.charAt(i);
      int close = (c == '_' || c == '^') && i + 1 < markup.length() && markup.charAt(i + 1) == '{'
          ? markup.indexOf('}', i + 2) : -1;
      if (close < 0) {
        w += 0.6 * fontPx;
        i++;
      } else {
        w += 0.6 * SCRIPT_SCALE * fontPx * (close - i - 2);
        i = close + 1;
      }
    }
    return w;
  }

  /** The markup as plain text (scripts inlined), for HTML alt text and tests. */
  static String plain(String markup) {
    return markup.replaceAll("[_^]\\{([^}]*)}", "$1");
  }
}

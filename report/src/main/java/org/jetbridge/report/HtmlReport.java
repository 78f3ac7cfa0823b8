package org.jetbridge.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One self-contained HTML report: inline CSS and inline SVG figures, no JavaScript and no external resource, and
 * XHTML-compatible (it parses as XML). Headings, paragraphs, table cells and captions accept the label markup
 * {@code _{sub}} / {@code ^{sup}} of the plots (rendered as HTML sub/superscripts); preformatted text is verbatim. Content is appended in order: sections with paragraphs, tables and
 * figures; a table of contents links the sections. The same content always gives the same bytes.
 */
public final class HtmlReport {
  private static final String CSS = """
      body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:24px auto;max-width:1340px;color:#111;\
      background:#fff;line-height:1.45}
      h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;border-bottom:1px solid #ccc;padding-bottom:3px;margin-top:32px}
      h3{font-size:16px;margin-top:20px}p.subtitle{color:#555;margin:0 0 16px}
      nav ol{columns:2;font-size:14px}
      table{border-collapse:collapse;margin:10px 0 16px;font-size:14px}
      caption{caption-side:top;text-align:left;font-weight:bold;padding-bottom:4px}
      th,td{border:1px solid #bbb;padding:3px 9px;text-align:right}th{background:#eee}
      td:first-child,th:first-child{text-align:left}
      td.pass{background:#d9f2d9;color:#0a5a0a}td.fail{background:#f9d6d5;color:#8b0000;font-weight:bold}
      td.warn{background:#fff0c2;color:#6b5200}
      figure{display:inline-block;vertical-align:top;margin:6px 10px 14px 0;max-width:100%}
      figure svg{max-width:100%;height:auto;border:1px solid #e3e3e3}
      figcaption{font-size:13px;color:#333;max-width:640px}
      pre{background:#f6f6f6;padding:8px;overflow-x:auto;font-size:13px}
      """;

  private final String title;
  private String subtitle = "";
  private final List<String> sectionTitles = new ArrayList<>();
  private final StringBuilder body = new StringBuilder(1 << 16);
  private int figures;
  private boolean sectionOpen;

  public HtmlReport(String title) {
    this.title = title;
  }

  /** A line under the title (e.g. run configuration, seed, version). */
  public HtmlReport subtitle(String text) {
    this.subtitle = text;
    return this;
  }

  /** Starts a new section (h2) listed in the table of contents. */
  public HtmlReport section(String heading) {
    closeSection();
    sectionTitles.add(heading);
    body.append("<section id=\"s").append(sectionTitles.size()).append("\">\n<h2>");
    Svg.escape(body, heading);
    body.append("</h2>\n");
    sectionOpen = true;
    return this;
  }

  /** A sub-heading (h3) inside the current section. */
  public HtmlReport subsection(String heading) {
    return element("h3", heading, true);
  }

  /** A paragraph of plain text (escaped). */
  public HtmlReport paragraph(String text) {
    return element("p", text, true);
  }

  /** Preformatted text, e.g. the command line that produced the report. */
  public HtmlReport preformatted(String text) {
    return element("pre", text, false);
  }

  /** Appends {@code <tag>text</tag>}, the text as {@link Text#appendHtml} markup or, if not markup, escaped. */
  private HtmlReport element(String tag, String text, boolean markup) {
    body.append('<').append(tag).append('>');
    if (markup) {
      Text.appendHtml(body, text);
    } else {
      Svg.escape(body, text);
    }
    body.append("</").append(tag).append(">\n");
    return this;
  }

  public HtmlReport table(Table table) {
    table.appendHtml(body);
    return this;
  }

  /** A figure with a numbered caption; consecutive figures flow side by side when the window is wide enough. */
  public HtmlReport figure(Plot plot, String caption) {
    return figureSvg(plot.toSvg(), caption);
  }

  /** A figure from an SVG document string (must be a single {@code <svg>} element without XML declaration). */
  public HtmlReport figureSvg(String svg, String caption) {
    if (!svg.startsWith("<svg")) {
      throw new IllegalArgumentException("figure '" + caption + "': expected an <svg> element without XML declaration");
    }
    figures++;
    body.append("<figure>\n").append(svg).append("<figcaption><b>Figure ").append(figures).append(".</b> ");
    Text.appendHtml(body, caption);
    body.append("</figcaption>\n</figure>\n");
    return this;
  }

  /**
   * A section of a report written by this class, read back by {@link #sections}: its heading (plain text) and its
   * content blocks ({@code <p>}, {@code <h3>}, {@code <pre>}, {@code <table>} and {@code <figure>} elements) as
   * XHTML fragments, in order.
   */
  public record Section(String heading, List<String> blocks) {
    /** The blocks that are figures. */
    public List<String> figures() {
      return blocks.stream().filter(b -> b.startsWith("<figure>")).toList();
    }
  }

  private static final List<String> BLOCK_TAGS = List.of("figure", "table", "p", "h3", "pre");

  /**
   * The sections of a document that {@link #render()} produced (e.g. a sub-command's report), so that a combined
   * report can {@link #include} its figures and tables instead of recomputing them. Content before the first
   * section is returned as a section with an empty heading.
   *
   * @throws IllegalArgumentException if the text is not a report of this class (the position is named)
   */
  public static List<Section> sections(String html) {
    int start = html.indexOf("<body>\n");
    int end = html.lastIndexOf("</body>");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("not a jetbridge HTML report: no <body>");
    }
    int pos = html.indexOf("</h1>\n", start);
    pos = pos < 0 ? start + "<body>\n".length() : pos + "</h1>\n".length();
    if (html.startsWith("<p class=\"subtitle\">", pos)) {
      pos = html.indexOf("</p>\n", pos) + "</p>\n".length();
    }
    if (html.startsWith("<nav>", pos)) {
      pos = html.indexOf("</nav>\n", pos) + "</nav>\n".length();
    }
    List<Section> out = new ArrayList<>();
    String heading = null;
    List<String> blocks = new ArrayList<>();
    while (pos < end) {
      if (html.startsWith("<section", pos)) {
        if (heading != null || !blocks.isEmpty()) {
          out.add(new Section(heading == null ? "" : heading, List.copyOf(blocks)));
        }
        blocks.clear();
        int h2 = html.indexOf("<h2>", pos);
        int h2end = html.indexOf("</h2>\n", pos);
        if (h2 < 0 || h2end < h2) {
          throw new IllegalArgumentException("not a jetbridge HTML report: section without heading at offset " + pos);
        }
        heading = unescape(html.substring(h2 + 4, h2end));
        pos = h2end + "</h2>\n".length();
        continue;
      }
      if (html.startsWith("</section>\n", pos)) {
        pos += "</section>\n".length();
        continue;
      }
      String tag = null;
      for (String t : BLOCK_TAGS) {
        if (html.startsWith("<" + t + ">", pos)) {
          tag = t;
        }
      }
      if (tag == null) {
        throw new IllegalArgumentException("not a jetbridge HTML report: unexpected content at offset " + pos + ": "
            + html.substring(pos, Math.min(end, pos + 40)));
      }
      String close = "</" + tag + ">\n";
      int e = html.indexOf(close, pos);
      if (e < 0 || e > end) {
        throw new IllegalArgumentException("not a jetbridge HTML report: unclosed <" + tag + "> at offset " + pos);
      }
      blocks.add(html.substring(pos, e + close.length()));
      pos = e + close.length();
    }
    if (heading != null || !blocks.isEmpty()) {
      out.add(new Section(heading == null ? "" : heading, List.copyOf(blocks)));
    }
    return out;
  }

  /** Inverse of {@link Svg#escape} for the five entities it writes. */
  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /**
   * Appends a block read by {@link #sections} verbatim; a figure is renumbered in this report's sequence.
   *
   * @throws IllegalArgumentException if the block is not one of the element kinds {@link #sections} returns
   */
  public HtmlReport include(String block) {
    if (block.startsWith("<figure>")) {
      int b = block.indexOf("<figcaption><b>Figure ");
      int e = b < 0 ? -1 : block.indexOf(".</b> ", b);
      if (e < 0) {
        throw new IllegalArgumentException("included figure has no numbered caption");
      }
      figures++;
      body.append(block, 0, b).append("<figcaption><b>Figure ").append(figures).append(block.substring(e));
      return this;
    }
    for (String t : BLOCK_TAGS) {
      if (block.startsWith("<" + t + ">") && block.endsWith("</" + t + ">\n")) {
        body.append(block);
        return this;
      }
    }
    throw new IllegalArgumentException("cannot include '" + block.substring(0, Math.min(40, block.length()))
        + "': expected a block from HtmlReport.sections");
  }

  private void closeSection() {
    if (sectionOpen) {
      body.append("</section>\n");
      sectionOpen = false;
    }
  }

  /** The complete document. */
  public String render() {
    StringBuilder out = new StringBuilder(body.length() + 4096);
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>");
    Svg.escape(out, title);
    out.append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<h1>");
    Svg.escape(out, title);
    out.append("</h1>\n");
    if (!subtitle.isEmpty()) {
      out.append("<p class=\"subtitle\">");
      Svg.escape(out, subtitle);
      out.append("</p>\n");
    }
    if (sectionTitles.size() > 1) {
      out.append("<nav><ol>\n");
      for (int i = 0; i < sectionTitles.size(); i++) {
        out.append("<li><a href=\"#s").append(i + 1).append("\">");
        Svg.escape(out, sectionTitles.get(i));
        out.append("</a></li>\n");
      }
      out.append("</ol></nav>\n");
    }
    out.append(body);
    if (sectionOpen) {
      out.append("</section>\n");
    }
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  /** Writes {@link #render()} to {@code file} atomically (temporary file + rename), UTF-8. */
  public void write(Path file) throws IOException {
    AtomicWrite.writeString(file, render());
  }
}

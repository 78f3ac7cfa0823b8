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

package org.jetbridge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class HtmlReportTest {
  static final String XHTML = "http://www.w3.org/1999/xhtml";

  @Test
  void reportIsWellFormedXhtmlWithFiguresTablesAndSections() throws Exception {
    String html = SampleReport.build().render();
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html xmlns=\"" + XHTML + "\""));
    Document d = PlotSvgTest.parse(html);
    assertEquals(9, d.getElementsByTagNameNS(PlotSvgTest.SVG_NS, "svg").getLength()
        - nestedSvgCount(d), "nine top-level figures");
    assertEquals(9, d.getElementsByTagNameNS(XHTML, "figure").getLength());
    assertEquals(4, d.getElementsByTagNameNS(XHTML, "section").getLength());
    NodeList tds = d.getElementsByTagNameNS(XHTML, "td");
    List<String> passFail = new ArrayList<>();
    for (int i = 0; i < tds.getLength(); i++) {
      Element td = (Element) tds.item(i);
      if (!td.getAttribute("class").isEmpty()) {
        passFail.add(td.getAttribute("class") + ":" + td.getTextContent());
      }
    }
    assertEquals(List.of("pass:pass", "fail:fail", "warn:marginal"), passFail);
    assertTrue(html.contains("<td>⟨N<sub>ch</sub>⟩ in light jets</td>"), "table markup rendered as <sub>");
    assertTrue(html.contains("targets &amp; tolerances &lt;ok&gt;"), "paragraph text is escaped");
  }

  private static int nestedSvgCount(Document d) {
    NodeList all = d.getElementsByTagNameNS(PlotSvgTest.SVG_NS, "svg");
    int nested = 0;
    for (int i = 0; i < all.getLength(); i++) {
      if ("svg".equals(all.item(i).getParentNode().getLocalName())) {
        nested++;
      }
    }
    return nested;
  }

  @Test
  void reportReferencesNothingOutsideItself() throws Exception {
    String html = SampleReport.build().render();
    Document d = PlotSvgTest.parse(html);
    List<String> problems = new ArrayList<>();
    visit(d.getDocumentElement(), problems);
    assertEquals(List.of(), problems);
    assertFalse(html.contains("url("), "no CSS url() references");
    assertFalse(html.contains("@import"));
  }

  private static void visit(Node n, List<String> problems) {
    if (n instanceof Element e) {
      String name = e.getLocalName();
      if (List.of("script", "link", "img", "iframe", "object", "embed", "image", "use").contains(name)) {
        problems.add("element <" + name + ">");
      }
      NamedNodeMap attrs = e.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        Node a = attrs.item(i);
        String an = a.getNodeName();
        String v = a.getNodeValue();
        if (an.equals("xmlns") || an.startsWith("xmlns:")) {
          continue; // namespace names are identifiers, never fetched
        }
        if ((an.endsWith("href") || an.equals("src")) && !v.startsWith("#")) {
          problems.add("<" + name + " " + an + "=\"" + v + "\">");
        }
        if (v.contains("://") || an.startsWith("on")) {
          problems.add("<" + name + " " + an + "=\"" + v + "\">");
        }
      }
      for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
        visit(c, problems);
      }
    }
  }

  @Test
  void writtenAtomicallyWithNormalPermissions(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("out/index.html");
    HtmlReport r = new HtmlReport("t").section("s").paragraph("p");
    r.write(f);
    assertEquals(r.render(), Files.readString(f));
    try (var files = Files.list(f.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
    assertTrue(Files.isReadable(f));
  }

  @Test
  void tableRowsMustMatchTheHeader() {
    Table t = new Table("a", "b");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.row(1));
    assertTrue(e.getMessage().contains("expected 2 cells"), e.getMessage());
    t.row(0.123456, 7L);
    assertEquals("0.1235", t.cell(0, 0).text());
    assertEquals("7", t.cell(0, 1).text());
  }
}

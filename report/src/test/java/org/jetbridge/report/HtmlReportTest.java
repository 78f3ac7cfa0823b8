package org.jetbridge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jetbridge.report.testing.ReportChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
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
    assertEquals(List.of(), ReportChecks.externalReferences(SampleReport.build().render()));
    // and the check sees what it must refuse
    String bad = new HtmlReport("t").section("s").figureSvg("<svg xmlns=\"http://www.w3.org/2000/svg\">"
        + "<image href=\"http://example.org/x.png\"/></svg>", "c").render();
    assertEquals(3, ReportChecks.externalReferences(bad).size(), ReportChecks.externalReferences(bad).toString());
  }

  @Test
  void sectionsReadBackAndIncludeIntoAnotherReportWithFiguresRenumbered() throws Exception {
    String sub = SampleReport.build().render();
    List<HtmlReport.Section> sections = HtmlReport.sections(sub);
    assertEquals(4, sections.size());
    assertEquals(9, sections.stream().mapToInt(s -> s.figures().size()).sum());
    HtmlReport combined = new HtmlReport("combined").section("first").paragraph("own text");
    combined.figureSvg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"></svg>", "own figure");
    for (HtmlReport.Section s : sections) {
      combined.section("sub: " + s.heading());
      s.blocks().forEach(combined::include);
    }
    String html = combined.render();
    Document d = PlotSvgTest.parse(html);
    assertEquals(10, d.getElementsByTagNameNS(XHTML, "figure").getLength());
    for (int k = 1; k <= 10; k++) {
      assertTrue(html.contains("<b>Figure " + k + ".</b>"), "figure " + k + " numbered");
    }
    assertFalse(html.contains("<b>Figure 11.</b>"));
    assertEquals(sections.get(0).heading(), HtmlReport.sections(html).get(1).heading().substring(5));
    // reading the combined report back gives the included blocks again, numbering aside
    List<HtmlReport.Section> again = HtmlReport.sections(html);
    assertEquals(sections.get(1).blocks().stream().filter(b -> !b.startsWith("<figure>")).toList(),
        again.get(2).blocks().stream().filter(b -> !b.startsWith("<figure>")).toList());
    assertThrows(IllegalArgumentException.class, () -> HtmlReport.sections("<html>no body</html>"));
    assertThrows(IllegalArgumentException.class, () -> combined.include("<script>x</script>\n"));
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

package org.jetbridge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PlotSvgTest {
  static final String SVG_NS = "http://www.w3.org/2000/svg";

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document d) {
    NodeList nl = d.getElementsByTagNameNS(SVG_NS, "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nl.getLength(); i++) {
      out.add(nl.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void sameNumbersGiveIdenticalBytes() {
    // two independent constructions from the same seeds
    assertEquals(SampleReport.massPlot().toSvg(), SampleReport.massPlot().toSvg());
    assertEquals(SampleReport.rocPlot().toSvg(), SampleReport.rocPlot().toSvg());
    assertEquals(SampleReport.biasPlot().toSvg(), SampleReport.biasPlot().toSvg());
    assertEquals(SampleReport.build().render(), SampleReport.build().render());
    // and a different number changes them
    Histogram a = Histogram.uniform(3, 0, 3).fill(1);
    Histogram b = Histogram.uniform(3, 0, 3).fill(1).fill(1);
    assertFalse(new HistogramPlot().add(a, "a").toSvg().equals(new HistogramPlot().add(b, "a").toSvg()));
  }

  @Test
  void everyPlotIsWellFormedSvgWithAxesAndLegend() throws Exception {
    for (Plot p : List.of(SampleReport.massPlot(), SampleReport.logPlot(), SampleReport.rocPlot(),
        SampleReport.c2stPlot(), SampleReport.biasPlot(), SampleReport.coveragePlot(), SampleReport.lossPlot(), SampleReport.cornerPlot(),
        SampleReport.responsePlot())) {
      String svg = p.toSvg();
      Document d = parse(svg);
      Element root = d.getDocumentElement();
      assertEquals("svg", root.getLocalName());
      assertEquals(SVG_NS, root.getNamespaceURI());
      assertTrue(d.getElementsByTagNameNS(SVG_NS, "path").getLength() >= 1, "frame ticks");
      assertTrue(d.getElementsByTagNameNS(SVG_NS, "path").getLength() + d.getElementsByTagNameNS(SVG_NS, "rect").getLength() >= 4,
          "data drawn as paths or rectangles");
      assertTrue(texts(d).size() >= 8, "tick labels, axis labels, legend");
      assertFalse(svg.contains("NaN") || svg.contains("Infinity"), "no non-numbers in coordinates");
      assertFalse(svg.contains(" id="), "no ids: many plots share one HTML page");
    }
    List<String> t = texts(parse(SampleReport.rocPlot().toSvg()));
    assertTrue(t.contains("random"), t.toString());
    assertTrue(t.contains("1/εlight"), t.toString()); // "1/ε_{light}" with the subscript in a tspan
    assertTrue(t.stream().anyMatch(s -> s.startsWith("d = 2, AUC = 0.92")), t.toString());
  }

  @Test
  void binHeightLandsAtTheExpectedPixel() throws Exception {
    Histogram h = Histogram.uniform(4, 0, 4);
    h.fill(0.5, 2).fill(1.5, 5).fill(2.5, 7.5).fill(3.5, 0);
    HistogramPlot p = new HistogramPlot().add(h, "h", HistogramPlot.Style.STEP).yRange(0, 10);
    Panel main = p.mainPanel();
    // panel: left 78, width 640-78-22 = 540, top 36, height 380; y = top + height·(1 − h/10)
    assertEquals(78, main.left);
    assertEquals(540, main.width);
    assertEquals(36 + 380 * (1 - 0.5), main.py(5), 1e-12);
    String d = null;
    NodeList paths = parse(p.toSvg()).getElementsByTagNameNS(SVG_NS, "path");
    for (int i = 0; i < paths.getLength(); i++) {
      Element e = (Element) paths.item(i);
      if (SampleColours.FIRST.equals(e.getAttribute("stroke"))) {
        d = e.getAttribute("d");
      }
    }
    // step outline: floor at x=78, bins at heights 2, 5, 7.5, 0 → y = 340, 226, 131, 416; x edges every 135 px
    assertEquals("M78,416V340H213V226H348V131H483V416H618V416", d);
  }

  @Test
  void logAxisTicksSitAtDecadePixels() throws Exception {
    CurvePlot c = new CurvePlot().logY(true).yRange(1, 1000).xRange(0, 1)
        .add("c", new double[] {0, 1}, new double[] {1, 1000});
    Panel p = c.panel();
    double h = p.height;
    for (int k = 0; k <= 3; k++) {
      assertEquals(p.top + h * (1 - k / 3.0), p.py(Math.pow(10, k)), 1e-9);
    }
    String svg = c.toSvg();
    // the left-side major tick of decade 10 starts at the frame and points inwards by 8 px
    assertTrue(svg.contains("M78," + Fmt.px(p.py(10)) + "h8"), svg);
    List<String> t = texts(parse(svg));
    assertTrue(t.containsAll(List.of("1", "10", "102", "103")), t.toString());
    // the curve goes from (0, 1) to (1, 1000): bottom-left to top-right corner of the panel
    assertTrue(svg.contains("d=\"M78," + Fmt.px(p.top + h) + "L618," + Fmt.px(p.top) + "\""), svg);
  }

  @Test
  void ratioPanelSharesTheXAxisAndShowsTheRatio() throws Exception {
    double[] edges = {0, 1, 2};
    Histogram ref = Histogram.ofContents(edges, new double[] {4, 8}, new double[] {2, 2});
    Histogram num = Histogram.ofContents(edges, new double[] {5, 8}, new double[] {1, 2});
    HistogramPlot p = new HistogramPlot().add(ref, "ref", HistogramPlot.Style.STEP)
        .add(num, "num", HistogramPlot.Style.POINTS).ratioTo(0, "num / ref").ratioRange(0.5, 1.5);
    String svg = p.toSvg();
    Document d = parse(svg);
    assertEquals("600", d.getDocumentElement().getAttribute("height"));
    // main panel 36..406, ratio panel 416..546; ratio of bin 0 = 1.25 ± 1.25·√((1/5)²+(2/4)²)
    double r = 1.25;
    double err = r * Math.sqrt(0.04 + 0.25);
    double yPx = 416 + 130 * (1 - (r - 0.5));
    double errTop = 416 + 130 * (1 - (r + err - 0.5));
    double errBot = 416 + 130 * (1 - (r - err - 0.5));
    String centre0 = Fmt.px(78 + 540 * 0.25);
    // series 1 is drawn with squares (half-size 3.5 px → 6.3 px side) centred on the ratio value
    assertTrue(svg.contains("<rect x=\"" + Fmt.px(78 + 540 * 0.25 - 3.15) + "\" y=\"" + Fmt.px(yPx - 3.15) + "\""), svg);
    assertTrue(svg.contains("M" + centre0 + "," + Fmt.px(errBot) + "V" + Fmt.px(errTop)), svg);
    // the ratio panel's frame spans the same x pixels as the main one
    NodeList rects = d.getElementsByTagNameNS(SVG_NS, "rect");
    int frames = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      Element e = (Element) rects.item(i);
      if (e.getAttribute("x").equals("78") && e.getAttribute("width").equals("540")) {
        frames++;
      }
    }
    assertEquals(2, frames, "main and ratio frames aligned at x = 78, width 540");
  }

  @Test
  void dodgeShiftsSeriesSymmetricallyWithoutChangingData() {
    double[] x = {0, 10};
    CurvePlot c = new CurvePlot().xRange(-5, 15).yRange(0, 4).dodge(1)
        .add(new CurvePlot.Series("a", x, new double[] {1, 1}, null, null, CurvePlot.Draw.LINE, CurvePlot.Errors.BAND))
        .add(new CurvePlot.Series("b", x, new double[] {3, 3}, null, null, CurvePlot.Draw.LINE, CurvePlot.Errors.BAND));
    String svg = c.toSvg();
    Panel p = c.panel();
    // series a at x − 0.5, series b at x + 0.5
    assertTrue(svg.contains("d=\"M" + Fmt.px(p.px(-0.5)) + "," + Fmt.px(p.py(1)) + "L" + Fmt.px(p.px(9.5)) + ","), svg);
    assertTrue(svg.contains("d=\"M" + Fmt.px(p.px(0.5)) + "," + Fmt.px(p.py(3)) + "L" + Fmt.px(p.px(10.5)) + ","), svg);
    assertEquals(0, x[0]);
    assertEquals(svg, c.toSvg(), "drawing twice does not shift twice");
  }

  @Test
  void labelMarkupBecomesScriptTspans() {
    StringBuilder sb = new StringBuilder();
    Text.appendSvg(sb, "p_{T} & m^{2}", 10);
    assertEquals("p<tspan dy=\"2.5\" font-size=\"7\">T</tspan><tspan dy=\"-2.5\"> &amp; m</tspan>"
        + "<tspan dy=\"-4\" font-size=\"7\">2</tspan>", sb.toString());
    StringBuilder html = new StringBuilder();
    Text.appendHtml(html, "x_{1} < y^{a}_b");
    assertEquals("x<sub>1</sub> &lt; y<sup>a</sup>_b", html.toString());
  }

  /** The palette's first colour, used to find series 0 in the SVG. */
  static final class SampleColours {
    static final String FIRST = Palette.colour(0);
  }
}

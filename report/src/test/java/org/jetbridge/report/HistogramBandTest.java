package org.jetbridge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HistogramBandTest {

    private static List<Element> bandRects(String svg) throws Exception {
        NodeList groups = PlotSvgTest.parse(svg).getElementsByTagNameNS(PlotSvgTest.SVG_NS, "g");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("0.25".equals(g.getAttribute("fill-opacity"))) {
                NodeList rs = g.getElementsByTagNameNS(PlotSvgTest.SVG_NS, "rect");
                for (int k = 0; k < rs.getLength(); k++) {
                    out.add((Element) rs.item(k));
                }
            }
        }
        return out;
    }

    @Test
    void bandRectanglesSpanLowToHighInEachBinAndDivideByTheReferenceInTheRatioPanel() throws Exception {
        double[] edges = {0, 1, 2, 4};
        Histogram ref = Histogram.ofContents(edges, new double[] {4, 8, 2}, null);
        Histogram cal = Histogram.ofContents(edges, new double[] {5, 8, 2}, null);
        // bin 2 has an empty band (lo = hi): nothing drawn there
        HistogramPlot p = new HistogramPlot().yRange(0, 10).add(ref, "ref", HistogramPlot.Style.POINTS)
                .add(cal, "cal", HistogramPlot.Style.STEP).band(new double[] {3, 6, 2}, new double[] {6, 9, 2})
                .ratioTo(0, "cal / ref").ratioRange(0.5, 1.5);
        String svg = p.toSvg();
        List<Element> rects = bandRects(svg);
        assertEquals(4, rects.size(), "two bins in the main panel, two in the ratio panel");
        // main panel: top 36, height 370, y range [0, 10]; bin 0 (x 78 .. 213) spans contents 3 .. 6
        Element r0 = rects.get(0);
        assertEquals(Fmt.px(78), r0.getAttribute("x"));
        assertEquals(Fmt.px(135), r0.getAttribute("width"));
        assertEquals(Fmt.px(36 + 370 * (1 - 0.6)), r0.getAttribute("y"));
        assertEquals(Fmt.px(370 * 0.3), r0.getAttribute("height"));
        // ratio panel: top 416, height 130, range [0.5, 1.5]; bin 1 spans 6/8 .. 9/8
        Element r1 = rects.get(3);
        assertEquals(Fmt.px(78 + 135), r1.getAttribute("x"));
        assertEquals(Fmt.px(416 + 130 * (1 - (9.0 / 8 - 0.5))), r1.getAttribute("y"));
        assertEquals(Fmt.px(130 * (3.0 / 8)), r1.getAttribute("height"));
        // deterministic bytes
        HistogramPlot again = new HistogramPlot().yRange(0, 10).add(ref, "ref", HistogramPlot.Style.POINTS)
                .add(cal, "cal", HistogramPlot.Style.STEP).band(new double[] {3, 6, 2}, new double[] {6, 9, 2})
                .ratioTo(0, "cal / ref").ratioRange(0.5, 1.5);
        assertEquals(svg, again.toSvg());
    }

    @Test
    void automaticYRangeMakesRoomForTheBand() {
        double[] edges = {0, 1};
        Histogram h = Histogram.ofContents(edges, new double[] {1}, null);
        HistogramPlot p = new HistogramPlot().add(h, "h", HistogramPlot.Style.STEP).band(new double[] {0.5},
                new double[] {4});
        assertTrue(p.mainPanel().y.max() >= 4, "y max " + p.mainPanel().y.max());
    }

    @Test
    void badBandsAreRefusedByName() {
        Histogram h = Histogram.uniform(3, 0, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HistogramPlot().band(new double[3], new double[3]));
        assertTrue(e.getMessage().contains("first"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HistogramPlot().add(h, "cal").band(new double[2], new double[3]));
        assertTrue(e.getMessage().contains("'cal'") && e.getMessage().contains("expected 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HistogramPlot().add(h, "cal").band(new double[] {0, 2, 0}, new double[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("bin 1"), e.getMessage());
    }
}

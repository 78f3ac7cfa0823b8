package org.jetbridge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jetbridge.report.testing.ReportChecks;
import org.junit.jupiter.api.Test;

/**
 * Renders the sample report in headless Chromium (Debian package {@code chromium}), screenshots it and fails on
 * any console message (see {@link ReportChecks#render}). Skipped when Chromium is absent; fails instead under
 * CI=true, where .ci/run installs it.
 */
class BrowserRenderTest {
  static final int HEIGHT = 5200;

  @Test
  void sampleReportRendersWithoutConsoleErrors() throws Exception {
    Path chromium = ReportChecks.chromium();
    Path work = Files.createDirectories(Path.of("target", "browser-render").toAbsolutePath());
    // negative control: the detector must see the errors Chromium reports for broken SVG
    Path bad = work.resolve("broken.html");
    Files.writeString(bad, "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"50\" height=\"50\"><path d=\"M0,0LNaN,5\"/>"
        + "<rect x=\"0\" y=\"0\" width=\"-5\" height=\"3\"/></svg></body></html>");
    ReportChecks.Rendered broken = ReportChecks.render(chromium, bad, work.resolve("broken.png"), work, HEIGHT);
    assertEquals(2, broken.console().size(), "the console detector must catch invalid SVG: " + broken.console());

    Path html = work.resolve("sample.html");
    SampleReport.build().write(html);
    ReportChecks.Rendered ok = ReportChecks.render(chromium, html, work.resolve("sample.png"), work, HEIGHT);
    assertEquals(List.of(), ok.console(), "console messages while rendering " + html);
    BufferedImage img = ok.image();
    assertEquals(ReportChecks.WIDTH, img.getWidth());
    // the plots were painted: palette blue and vermillion pixels exist, and a good share of the page is not white
    int blue = ReportChecks.pixelsNear(img, 0x0072B2);
    int vermillion = ReportChecks.pixelsNear(img, 0xD55E00);
    assertTrue(blue > 500 && vermillion > 500, "series colours painted: blue " + blue + ", vermillion " + vermillion);
    int ink = ReportChecks.inkPixels(img);
    assertTrue(ink > img.getWidth() * img.getHeight() / 4 / 50, "non-white pixels: " + ink);
  }
}

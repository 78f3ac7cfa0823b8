package org.jetbridge.report.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Test helpers for HTML reports, shared by the report tests and the demo's (cli) through report's test jar: XHTML
 * parsing, the self-containedness check (nothing fetched from outside the file, no scripts) and headless Chromium
 * rendering (Debian package {@code chromium}) with console-error capture.
 */
public final class ReportChecks {
  public static final int WIDTH = 1360;

  /** A screenshot and the console lines Chromium logged while rendering. */
  public record Rendered(BufferedImage image, List<String> console) {}

  private ReportChecks() {}

  /** Parses a report (namespace-aware XML: our reports are XHTML). */
  public static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Everything in a report that would load something from outside the file or run code: script, link, img, iframe,
   * object, embed, SVG image/use elements, href/src not pointing inside the document, any attribute value with a
   * URL scheme, event-handler attributes, CSS url() and @import. Empty for a self-contained report.
   */
  public static List<String> externalReferences(String html) throws Exception {
    List<String> problems = new ArrayList<>();
    visit(parse(html).getDocumentElement(), problems);
    if (html.contains("url(")) {
      problems.add("CSS url()");
    }
    if (html.contains("@import")) {
      problems.add("CSS @import");
    }
    return problems;
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

  /** Chromium on PATH; skips the calling test when absent, and fails it instead under CI=true. */
  public static Path chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      for (String name : new String[] {"chromium", "chromium-browser"}) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("chromium not found on PATH but CI=true: .ci/run must install the Debian package 'chromium'");
    }
    Assumptions.abort("chromium not installed: skipping the headless-browser rendering test (apt-get install chromium)");
    return null;
  }

  /**
   * Renders {@code html} headless in a {@link #WIDTH} × {@code height} window, writes the screenshot to {@code png}
   * and returns it with the console lines (our pages have no JavaScript, so every console line is an error:
   * Chromium reports invalid SVG attributes there).
   */
  public static Rendered render(Path chromium, Path html, Path png, Path work, int height)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "profile");
    Path log = work.resolve(png.getFileName() + ".log");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
        "--window-size=" + WIDTH + "," + height, "--screenshot=" + png, html.toUri().toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("chromium did not finish within 120 s rendering " + html);
      }
    } finally {
      deleteTree(profile);
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "chromium exit code; output:\n" + String.join("\n", lines));
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(img != null, "chromium wrote no readable PNG; output:\n" + String.join("\n", lines));
    return new Rendered(img, lines.stream().filter(l -> l.contains(":CONSOLE")).toList());
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path q : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    } catch (java.io.UncheckedIOException e) {
      // chromium may still be removing its own files; a stale profile under target/ is harmless
    }
  }

  /** Pixels (every second row and column) within 12 levels per channel of {@code rgb}. */
  public static int pixelsNear(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        n += near(img.getRGB(x, y) & 0xffffff, rgb) ? 1 : 0;
      }
    }
    return n;
  }

  /** Pixels (every second row and column) that are not white. */
  public static int inkPixels(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        n += (img.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
      }
    }
    return n;
  }

  private static boolean near(int rgb, int target) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff)) > 12) {
        return false;
      }
    }
    return true;
  }
}

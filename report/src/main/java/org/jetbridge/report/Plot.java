package org.jetbridge.report;

import java.io.IOException;
import java.nio.file.Path;

/** Anything that renders to a standalone SVG document; the same inputs always give the same bytes. */
public interface Plot {
  /** The complete SVG document (root element with the SVG namespace, no XML declaration). */
  String toSvg();

  /** Writes {@link #toSvg()} to {@code file} atomically (UTF-8). */
  default void writeSvg(Path file) throws IOException {
    AtomicWrite.writeString(file, toSvg());
  }
}

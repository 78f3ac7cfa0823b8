/**
 * Reports for jetbridge: numbers in, deterministic SVG / HTML / JSON out (JDK only).
 *
 * <p>Plot primitives: {@link org.jetbridge.report.Histogram} with {@link org.jetbridge.report.HistogramPlot}
 * (step lines, error bars or bands, unit-area normalisation, ratio panel), {@link org.jetbridge.report.Roc} with
 * {@link org.jetbridge.report.RocPlot} (background rejection on a log axis), {@link org.jetbridge.report.CurvePlot}
 * (curves with uncertainty bands, linear or log axes) and {@link org.jetbridge.report.Hist2DPlot}. Every plot
 * writes the same bytes for the same numbers: coordinates are rounded to 0.01 px with {@code Locale.ROOT}-free
 * integer arithmetic, elements are written in call order, and no ids, timestamps or random numbers are emitted.
 *
 * <p>{@link org.jetbridge.report.HtmlReport} assembles plots and tables into one self-contained XHTML-compatible
 * file; {@link org.jetbridge.report.Json} writes and reads {@code metrics.json}; {@link org.jetbridge.report.AtomicWrite}
 * writes every output through a temporary file and a rename.
 */
package org.jetbridge.report;

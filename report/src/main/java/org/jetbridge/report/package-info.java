/**
 * Reports for jetbridge: numbers in, deterministic SVG / HTML / JSON out (JDK only).
 *
 * <p>Plot primitives: {@link org.jetbridge.report.Histogram} with {@link org.jetbridge.report.HistogramPlot}
 * (step lines, error bars or bands, unit-area normalisation, ratio panel), {@link org.jetbridge.report.Roc} with
 * {@link org.jetbridge.report.RocPlot} (background rejection on a log axis), {@link org.jetbridge.report.CurvePlot}
 * (curves with uncertainty bands, linear or log axes), {@link org.jetbridge.report.CornerPlot} (diagonal
 * marginals and pairwise contours of several samples) and {@link org.jetbridge.report.Hist2DPlot} (a
 * {@link org.jetbridge.report.Histogram2D} as a colour map). Every plot writes the same bytes for the same numbers:
 * coordinates are rounded to 0.01 px by locale-free integer arithmetic, labels use {@link org.jetbridge.report.Fmt},
 * elements are written in call order, and no ids, timestamps or random numbers are emitted. Labels accept a
 * small markup: {@code _{sub}} and {@code ^{sup}} (e.g. {@code "p_{T} [GeV]"}), plus any Unicode.
 *
 * <p>{@link org.jetbridge.report.HtmlReport} assembles plots and tables into one self-contained XHTML-compatible
 * file; {@link org.jetbridge.report.Json} writes and reads {@code metrics.json}; {@link org.jetbridge.report.AtomicWrite}
 * writes every output through a temporary file and a rename.
 */
package org.jetbridge.report;

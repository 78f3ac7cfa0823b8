/**
 * Evaluation of pile-up methods across μ: the rule-based baselines as
 * {@link org.jetbridge.pileup.PileupRemover}s ({@link org.jetbridge.pileup.eval.Baselines}, thin adapters around
 * core's SoftDrop, area-median subtraction, SoftKiller and PUPPI, with the event-level pile-up measured on a
 * {@link org.jetbridge.pileup.eval.DetectorEvent}), the observables of every estimate
 * ({@link org.jetbridge.pileup.eval.JetObservables}), bias and resolution ({@link org.jetbridge.pileup.eval.Stats}),
 * posterior calibration ({@link org.jetbridge.pileup.eval.Calibration}), the per-μ
 * {@link org.jetbridge.pileup.eval.Evaluation}, and {@code metrics.json} plus the HTML/SVG report
 * ({@link org.jetbridge.pileup.eval.Metrics}, {@link org.jetbridge.pileup.eval.EvaluationReport}).
 */
package org.jetbridge.pileup.eval;

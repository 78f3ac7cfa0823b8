/**
 * Optimal-transport calibration of latent spaces (spec: calibration.md): move simulated latent vectors onto the
 * data distribution with the Brenier map T = ∇ₓg of an input-convex potential.
 *
 * <p>Engine: {@link org.jetbridge.calib.ConvexPotential} (ICNN / PICNN with conditions, explicit input gradient as
 * forward operations), {@link org.jetbridge.calib.OtTrainer} (Makkuva minimax, joint gradient-reversal or alternating
 * updates, target standardisation, AdamW + cosine, clipping, divergence guard, resume), configured by
 * {@link org.jetbridge.calib.OtConfig}; the result is a {@link org.jetbridge.calib.TransportMap} (saved as an nn
 * model directory, applied in bounded memory). Files: {@link org.jetbridge.calib.LatentFiles}. Evaluation:
 * {@link org.jetbridge.calib.GaussianClosure} (closed form {@link org.jetbridge.calib.GaussianMap}),
 * {@link org.jetbridge.calib.QuantileMap}, {@link org.jetbridge.calib.TwoSampleTest} (C2ST),
 * {@link org.jetbridge.calib.Wasserstein}, {@link org.jetbridge.calib.Pca} and the report
 * {@link org.jetbridge.calib.CalibrationReport}.
 *
 * <p>Note on coordinates: both sides are standardised with the target's per-dimension mean and standard deviation
 * (as in the reference training), so the fitted map is optimal for the quadratic cost in those coordinates, not in
 * the raw ones; closure tests compare with the closed form in the same coordinates.
 */
package org.jetbridge.calib;

/**
 * The jet-flavour tagger (b / c / light) whose 128-dimensional latent the calibration transports.
 *
 * <p>Inputs: {@link org.jetbridge.tagger.TaggingFile} opens a tagging dataset (HDF5, schema of
 * {@link org.jetbridge.io.hdf5.TaggingDataset}) and checks that every needed constituent feature is there;
 * {@link org.jetbridge.tagger.ConstituentFeatures} turns each constituent into 16 inputs (log pT, Δη, Δφ, d0, σ(d0),
 * dz, σ(dz), charge, IP significances, log pT/pT_jet, particle-class one-hot; impact parameters 0 for neutrals),
 * normalised by a {@link org.jetbridge.tagger.Normalisation} (median / IQR fitted on the training set, saved with
 * the model).
 *
 * <p>Model: {@link org.jetbridge.tagger.TaggerModel} — linear embedding, one class token, pre-LN transformer encoder
 * with padding mask (permutation invariant), GELU head d → 256 → 128 (latent) → 64 → 32 → 16 (penultimate) → 3,
 * sized by {@link org.jetbridge.tagger.TaggerConfig} presets ({@code default}, {@code large}, {@code small},
 * {@code paper}). {@link org.jetbridge.tagger.FrozenHead} recomputes penultimate layer and probabilities from
 * (calibrated) latents with the model's own weights.
 *
 * <p>Workflows: {@link org.jetbridge.tagger.TrainingRun} (streamed, length-bucketed, exactly resumable batches from
 * {@link org.jetbridge.tagger.TaggingBatchSource}; validation by {@link org.jetbridge.tagger.TaggerValidation};
 * the nn module's {@link org.jetbridge.nn.train.Trainer}), {@link org.jetbridge.tagger.LatentFile} (per-jet
 * latents, penultimate layer and probabilities in HDF5) and {@link org.jetbridge.tagger.Evaluation} (ROC curves,
 * AUCs, rejections, score shifts between two samples; plots, HTML and {@code metrics.json} through the report
 * module). Discriminants: {@link org.jetbridge.tagger.Discriminant}.
 */
package org.jetbridge.tagger;

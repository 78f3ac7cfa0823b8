/**
 * The training loop shared by every model: {@link org.jetbridge.nn.train.Trainer} with
 * {@link org.jetbridge.nn.train.AdamW}, {@link org.jetbridge.nn.train.LearningRateSchedule},
 * {@link org.jetbridge.nn.train.GradientClipping} and {@link org.jetbridge.nn.train.Ema}; models implement
 * {@link org.jetbridge.nn.train.TrainableModel}, data come from a position-addressed
 * {@link org.jetbridge.nn.train.BatchSource}, validation from a {@link org.jetbridge.nn.train.ValidationHook}.
 *
 * <p>A run directory holds {@code last.ckpt}, {@code best.ckpt} (NPZ with parameters, AdamW moments, EMA and a
 * {@code state.json} entry with step, best metric and curves) and {@code training-log.json}. Calling
 * {@code fit} again on the same directory resumes, bit-identically to an uninterrupted run at equal thread count.
 */
package org.jetbridge.nn.train;

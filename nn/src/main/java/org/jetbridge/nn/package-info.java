/**
 * Neural-network runtime on DJL + libtorch (the only module that touches DJL).
 *
 * <p>{@link org.jetbridge.nn.NnRuntime#start(org.jetbridge.nn.NnSettings)} loads libtorch once per JVM, offline, with tuned glibc
 * malloc and a pinned thread count. Models are plain classes that create their parameters in a
 * {@link org.jetbridge.nn.ParameterStore} through the blocks ({@link org.jetbridge.nn.Linear},
 * {@link org.jetbridge.nn.LayerNorm}, {@link org.jetbridge.nn.MultiHeadAttention},
 * {@link org.jetbridge.nn.TransformerBlock}, {@link org.jetbridge.nn.TransformerEncoder},
 * {@link org.jetbridge.nn.Tokens}, {@link org.jetbridge.nn.MlpHead}); parameters are referenced by the blocks,
 * so loading weights means overwriting them in place.
 *
 * <p>Ownership rule: a DJL result belongs to the manager of its first operand. Every block writes
 * {@code x.op(W)}, so if the inputs live on a per-step sub-manager, so does every intermediate, and closing the
 * step frees them; never start an expression from a parameter. Sequence inputs are [batch, length, width] with a
 * float mask [batch, length] (1 real, 0 padding).
 *
 * <p>Files: {@link org.jetbridge.nn.Npz} (NumPy-compatible archives), {@link org.jetbridge.nn.ModelArchive}
 * (model directories with configuration, normalisation arrays and versions). Training:
 * {@link org.jetbridge.nn.train.Trainer}.
 */
package org.jetbridge.nn;

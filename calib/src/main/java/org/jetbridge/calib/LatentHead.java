package org.jetbridge.calib;

import java.util.List;

/**
 * The frozen rest of a network after its latent layer (for a tagger: penultimate pre-activations and class
 * probabilities), so that evaluation and {@code apply} can recompute downstream quantities from calibrated latents.
 * calib does not depend on any particular model; the command line adapts the tagger's frozen head to this.
 */
public interface LatentHead {

    /** Width of the latents the head accepts. */
    int latentWidth();

    /** Width of the penultimate layer. */
    int penultimateWidth();

    /** Names of the class scores in output order (e.g. light, c, b); label k of a flavour dataset is class k. */
    List<String> classNames();

    /**
     * Runs {@code rows} latents (row-major) through the head.
     *
     * @param penultimate receives rows × {@link #penultimateWidth()} values
     * @param scores receives rows × {@code classNames().size()} class scores
     */
    void apply(float[] latents, int rows, float[] penultimate, float[] scores);

    /** Penultimate layer and class scores of {@code latents}. */
    default Outputs apply(Rows latents) {
        if (latents.cols() != latentWidth()) {
            throw new IllegalArgumentException("head: takes latents of width " + latentWidth() + ", got "
                    + latents.cols());
        }
        int n = latents.rows();
        float[] p = new float[n * penultimateWidth()];
        float[] s = new float[n * classNames().size()];
        apply(latents.values(), n, p, s);
        return new Outputs(new Rows(p, n, penultimateWidth()), new Rows(s, n, classNames().size()));
    }

    /**
     * Downstream quantities of a set of latents.
     *
     * @param penultimate penultimate-layer rows
     * @param scores class-score rows
     */
    record Outputs(Rows penultimate, Rows scores) {}
}

package org.jetbridge.tagger;

import java.util.List;
import org.jetbridge.nn.FeedForward;
import org.jetbridge.nn.TransformerEncoder;

/**
 * Shape of the flavour tagger: token width, encoder depth, heads, MLP hidden width, how many leading constituents
 * (by pT) a jet contributes, and the MLP head widths after the class token (d → 256 → 128 → 64 → 32 → 16 → 3 by
 * default; {@link #latentLayer} names the 128-wide pre-activation that is the latent). Written into every saved
 * model, so a model directory rebuilds exactly.
 *
 * @param format tagger model format, {@link #FORMAT}; other values are refused on load
 * @param dim token width d
 * @param layers transformer blocks
 * @param heads attention heads (divide dim)
 * @param hidden hidden width of each block's GELU MLP
 * @param maxConstituents leading constituents kept per jet (≥ 1)
 * @param headWidths widths after the encoder, ending in 3 classes
 * @param latentLayer index into headWidths of the latent (its pre-activation)
 * @param penultimateLayer index into headWidths of the penultimate representation (its pre-activation)
 */
public record TaggerConfig(int format, int dim, int layers, int heads, int hidden, int maxConstituents,
        int[] headWidths, int latentLayer, int penultimateLayer) {

    /** Bumped whenever the meaning of the inputs or the layout of the network changes. */
    public static final int FORMAT = 1;
    /** Preset names accepted by {@link #preset(String)}. */
    public static final List<String> PRESETS = List.of("default", "large", "small", "paper");

    public TaggerConfig {
        if (format != FORMAT) {
            throw new IllegalArgumentException("tagger model format " + format + ", this jetbridge reads format "
                    + FORMAT);
        }
        new TransformerEncoder.Config(dim, layers, heads, hidden, FeedForward.Kind.GELU); // validates
        if (maxConstituents < 1) {
            throw new IllegalArgumentException("maxConstituents: expected >= 1, got " + maxConstituents);
        }
        if (headWidths == null || headWidths.length < 2 || headWidths[headWidths.length - 1] != 3) {
            throw new IllegalArgumentException("headWidths: expected at least two widths ending in 3 classes, got "
                    + java.util.Arrays.toString(headWidths));
        }
        if (latentLayer < 0 || penultimateLayer <= latentLayer || penultimateLayer >= headWidths.length - 1) {
            throw new IllegalArgumentException("latentLayer/penultimateLayer: expected 0 <= latent < penultimate < "
                    + (headWidths.length - 1) + ", got " + latentLayer + ", " + penultimateLayer);
        }
        headWidths = headWidths.clone();
    }

    @Override
    public int[] headWidths() {
        return headWidths.clone();
    }

    /** The head of the calibration paper: 256 → 128 (latent) → 64 → 32 → 16 (penultimate) → 3. */
    static final int[] PAPER_HEAD = {256, 128, 64, 32, 16, 3};

    /**
     * Named sizes: {@code default} (width 64, 3 blocks, 4 heads, MLP 128: 1.5 epochs of 200k jets in a few minutes
     * on 2 free cores, well under 30 min on 2 shared ones), {@code large} (width 128, 4 blocks, 8 heads, MLP 256:
     * about 5× the cost), {@code small} (width 32, 1 block, 2 heads: tests and quick looks) and {@code paper}
     * (width 512, 4 blocks, 8 heads, MLP 1024, as in arXiv:2507.08867). All share the paper's head and 64
     * constituents.
     */
    public static TaggerConfig preset(String name) {
        return switch (name) {
            case "default" -> new TaggerConfig(FORMAT, 64, 3, 4, 128, 64, PAPER_HEAD, 1, 4);
            case "large" -> new TaggerConfig(FORMAT, 128, 4, 8, 256, 64, PAPER_HEAD, 1, 4);
            case "small" -> new TaggerConfig(FORMAT, 32, 1, 2, 64, 64, PAPER_HEAD, 1, 4);
            case "paper" -> new TaggerConfig(FORMAT, 512, 4, 8, 1024, 64, PAPER_HEAD, 1, 4);
            default -> throw new IllegalArgumentException("unknown tagger preset '" + name + "', expected one of "
                    + PRESETS);
        };
    }

    /** Width of the latent layer (128 for every preset). */
    public int latentWidth() {
        return headWidths[latentLayer];
    }

    /** Width of the penultimate layer (16 for every preset). */
    public int penultimateWidth() {
        return headWidths[penultimateLayer];
    }

    public TaggerConfig withMaxConstituents(int n) {
        return new TaggerConfig(format, dim, layers, heads, hidden, n, headWidths, latentLayer, penultimateLayer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaggerConfig c && c.format == format && c.dim == dim && c.layers == layers
                && c.heads == heads && c.hidden == hidden && c.maxConstituents == maxConstituents
                && java.util.Arrays.equals(c.headWidths, headWidths) && c.latentLayer == latentLayer
                && c.penultimateLayer == penultimateLayer;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(format, dim, layers, heads, hidden, maxConstituents,
                java.util.Arrays.hashCode(headWidths), latentLayer, penultimateLayer);
    }

    @Override
    public String toString() {
        return "TaggerConfig[d=" + dim + ", layers=" + layers + ", heads=" + heads + ", hidden=" + hidden
                + ", maxConstituents=" + maxConstituents + ", head=" + java.util.Arrays.toString(headWidths)
                + ", latent=" + latentLayer + ", penultimate=" + penultimateLayer + "]";
    }
}

package org.jetbridge.pileup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.pileup.JetEstimate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Symmetries of the networks with random (non-zero) weights: equivariance over hard-scatter slots, invariance
 * over the order of the observed cloud, padding that changes nothing, and cached-context sampling equal to
 * re-encoding at every step.
 */
class NetworkPropertiesTest {
    static final int B = 3, NO = 7, NH = 5;
    static NnRuntime rt;
    static PileupNetworks nets;

    @BeforeAll
    static void build() {
        rt = Fixtures.runtime();
        nets = new PileupNetworks(rt, Fixtures.tiny(), 9);
        Fixtures.randomise(nets.parameters(), 10);
    }

    @AfterAll
    static void close() {
        nets.close();
    }

    private static float[] random(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return v;
    }

    /** Rows of a [B, N, F] array reordered within each jet: out[b, i] = in[b, perm[i]]. */
    private static float[] permute(float[] x, int n, int f, int[] perm) {
        float[] out = new float[x.length];
        for (int b = 0; b < x.length / (n * f); b++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, (b * n + perm[i]) * f, out, (b * n + i) * f, f);
            }
        }
        return out;
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }

    private static float[][] outputs(float[] obs, float[] obsMask, int no, float[] hs, float[] hsMask, int nh) {
        try (NDManager m = rt.newManager()) {
            NDArray o = m.create(obs, new Shape(B, no, 3));
            NDArray om = m.create(obsMask, new Shape(B, no));
            NDArray ctx = m.create(random(B * 6, 77), new Shape(B, 6));
            Denoiser.Encoding e = nets.denoiser().encode(o, om, ctx);
            NDArray f = nets.denoiser().denoise(e, m.create(hs, new Shape(B, nh, 3)), m.create(hsMask, new Shape(B, nh)),
                    m.create(new float[] {-1f, 0.2f, 0.9f}));
            NDArray cls = nets.classifier().logits(o, om, ctx);
            return new float[][] {f.toFloatArray(), e.multiplicityLogits().toFloatArray(), cls.toFloatArray()};
        }
    }

    private static void close(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + " at " + i);
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        assertTrue(scale > 1e-3, what + ": outputs are all ~0, the test would prove nothing");
    }

    @Test
    void equivariantOverHardScatterSlotsAndInvariantOverObservedOrder() {
        float[] obs = random(B * NO * 3, 1);
        float[] hs = random(B * NH * 3, 2);
        float[][] ref = outputs(obs, ones(B * NO), NO, hs, ones(B * NH), NH);
        int[] ph = {3, 0, 4, 1, 2};
        float[][] h = outputs(obs, ones(B * NO), NO, permute(hs, NH, 3, ph), ones(B * NH), NH);
        close(permute(ref[0], NH, 3, ph), h[0], 1e-5, "denoiser output under HS permutation");
        int[] po = {6, 2, 0, 5, 1, 4, 3};
        float[][] o = outputs(permute(obs, NO, 3, po), ones(B * NO), NO, hs, ones(B * NH), NH);
        close(ref[0], o[0], 1e-5, "denoiser output under observed permutation");
        close(ref[1], o[1], 1e-5, "multiplicity logits under observed permutation");
        close(permute(ref[2], NO, 1, po), o[2], 1e-5, "classifier logits follow the observed permutation");
    }

    @Test
    void paddedSlotsDoNotChangeRealOutputs() {
        float[] obs = random(B * NO * 3, 3);
        float[] hs = random(B * NH * 3, 4);
        float[][] ref = outputs(obs, ones(B * NO), NO, hs, ones(B * NH), NH);
        int no = NO + 4;
        int nh = NH + 3;
        float[] obsP = random(B * no * 3, 5);
        float[] obsMask = new float[B * no];
        float[] hsP = random(B * nh * 3, 6);
        float[] hsMask = new float[B * nh];
        for (int b = 0; b < B; b++) {
            System.arraycopy(obs, b * NO * 3, obsP, b * no * 3, NO * 3);
            java.util.Arrays.fill(obsMask, b * no, b * no + NO, 1f);
            System.arraycopy(hs, b * NH * 3, hsP, b * nh * 3, NH * 3);
            java.util.Arrays.fill(hsMask, b * nh, b * nh + NH, 1f);
        }
        float[][] p = outputs(obsP, obsMask, no, hsP, hsMask, nh);
        float[] real = new float[B * NH * 3];
        float[] cls = new float[B * NO];
        for (int b = 0; b < B; b++) {
            System.arraycopy(p[0], b * nh * 3, real, b * NH * 3, NH * 3);
            System.arraycopy(p[2], b * no, cls, b * NO, NO);
        }
        close(ref[0], real, 1e-5, "denoiser output of real slots with padding");
        close(ref[1], p[1], 1e-5, "multiplicity logits with padding");
        close(ref[2], cls, 1e-5, "classifier logits of real slots with padding");
    }

    @Test
    void cachedContextSamplingEqualsReencodingAndDoesNotDependOnGrouping() {
        PileupConfig c = Fixtures.tiny();
        PileupModel model = new PileupModel(rt, nets, Fixtures.normalisers(c));
        var jets = Fixtures.contaminated(3, 20, 8);
        List<List<JetEstimate>> cached = model.posterior(4, 3, true).estimate(jets, 21);
        List<List<JetEstimate>> plain = model.posterior(4, 3, false).estimate(jets, 21);
        double scale = 0;
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 4; k++) {
                var a = cached.get(j).get(k).constituents();
                var b = plain.get(j).get(k).constituents();
                assertEquals(a.size(), b.size(), "multiplicity of jet " + j + " sample " + k);
                for (int i = 0; i < a.size(); i++) {
                    // ln pT agrees to ~1e-4 (float32 rounding of batches of other shapes, at the randomised
                    // weights' pT of ~10³ GeV); a mix-up of jets or samples changes pT by factors
                    assertEquals(a.get(i).pt(), b.get(i).pt(), 3e-4 * a.get(i).pt(), "pt");
                    assertEquals(a.get(i).eta(), b.get(i).eta(), 1e-5, "eta");
                    assertEquals(a.get(i).phi(), b.get(i).phi(), 1e-5, "phi");
                    scale = Math.max(scale, a.get(i).pt());
                }
            }
        }
        assertTrue(scale > 0, "no constituents sampled");
        // jet 2 sampled alone, with its index in the batch numbering (same random streams), gives the same draws:
        // catches any mix-up of jets and samples when the encoding is repeated K times
        List<EncodedJet> enc = new java.util.ArrayList<>();
        for (int j = 0; j < 3; j++) {
            enc.add(TrainingExamples.observed(jets.get(j), c, new org.jetbridge.sim.RandomStream(j)));
        }
        var all = model.posterior(4, 3, true).sampleEncoded(enc, 0, 5);
        var alone = model.posterior(4, 3, true).sampleEncoded(enc.subList(2, 3), 2, 5);
        for (int k = 0; k < 4; k++) {
            var a = all.get(2).get(k).constituents();
            var b = alone.get(0).get(k).constituents();
            assertEquals(a.size(), b.size(), "multiplicity of jet 2 sample " + k + " alone vs in a batch");
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).pt(), b.get(i).pt(), 1e-4 * a.get(i).pt(), "jet 2 alone vs batched");
            }
        }
    }

    /**
     * The multiplicity temperature: near T = 0 every sample of a jet gets the mode of p(N | jet) (computed here from
     * the multiplicity logits), while at T = 1 the near-flat head of the untrained network gives different N across
     * the samples of a jet.
     */
    @Test
    void multiplicityTemperatureSharpensTheCountTowardsItsMode() {
        PileupConfig c = Fixtures.tiny();
        PileupModel model = new PileupModel(rt, nets, Fixtures.normalisers(c));
        var jets = Fixtures.contaminated(3, 20, 8);
        List<EncodedJet> enc = new java.util.ArrayList<>();
        for (int j = 0; j < 3; j++) {
            enc.add(TrainingExamples.observed(jets.get(j), c, new org.jetbridge.sim.RandomStream(j)));
        }
        float[] logits;
        int nMax = c.maxHardScatter();
        try (ai.djl.ndarray.NDManager m = rt.newManager()) {
            ai.djl.ndarray.NDList in = Batch.observed(enc, model.normalisers(), m);
            logits = nets.denoiser().encode(in.get(0), in.get(1), in.get(2)).multiplicityLogits().toFloatArray();
        }
        var cold = model.posterior(16, 2, true, 1e-4).sampleEncoded(enc, 0, 5);
        var warm = model.posterior(16, 2, true, 1).sampleEncoded(enc, 0, 5);
        boolean warmVaries = false;
        for (int j = 0; j < 3; j++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < nMax; i++) {
                max = Math.max(max, logits[j * nMax + i]);
            }
            int n = cold.get(j).get(0).constituents().size();
            // the mode, up to near-ties of the untrained head within float rounding of another batch shape
            assertEquals(max, logits[j * nMax + n - 1], 1e-4, "jet " + j + ": N = " + n + " is not the mode");
            for (int k = 0; k < 16; k++) {
                assertEquals(n, cold.get(j).get(k).constituents().size(), "jet " + j + " sample " + k);
                warmVaries |= warm.get(j).get(k).constituents().size() != warm.get(j).get(0).constituents().size();
            }
        }
        assertTrue(warmVaries, "at T = 1 the samples of a jet draw different N");
        assertThrows(IllegalArgumentException.class, () -> model.posterior(4, 2, true, 0));
    }

    /**
     * k noise draws per jet on one encoding give exactly the loss of the batch with every jet repeated k times
     * (one draw each, same random stream): the k-draw rows line up with their own jet's observed cloud, mask and
     * target. A mix-up of jets and draws (e.g. tiling instead of interleaving) changes the denoising loss.
     */
    @Test
    void noiseDrawsEqualRepeatedJets() {
        PileupConfig c = Fixtures.tiny();
        Normalisers norm = Fixtures.normalisers(c);
        List<EncodedJet> jets = new java.util.ArrayList<>();
        List<EncodedJet> repeated = new java.util.ArrayList<>();
        int k = 3;
        for (int j = 0; j < 4; j++) {
            EncodedJet e = TrainingExamples.make(Fixtures.jets().get(j), Fixtures.pool(), c,
                    new org.jetbridge.sim.RandomStream(40 + j));
            jets.add(e);
            for (int r = 0; r < k; r++) {
                repeated.add(e);
            }
        }
        try (PileupNetworks drawn = new PileupNetworks(rt, c, 9, k); NDManager m = rt.newManager()) {
            drawn.parameters().load(nets.parameters().snapshot(), "the test networks");
            rt.seed(123);
            float multi = drawn.loss(Batch.training(jets, norm, m)).getFloat();
            float[] multiParts = drawn.lastParts();
            rt.seed(123);
            float single = nets.loss(Batch.training(repeated, norm, m)).getFloat();
            float[] singleParts = nets.lastParts();
            for (int i = 0; i < 3; i++) {
                assertEquals(singleParts[i], multiParts[i], 1e-5 * Math.abs(singleParts[i]), "loss part " + i);
            }
            assertEquals(single, multi, 1e-5 * Math.abs(single), "total loss");
            // and the draws differ from one another: the same jets with one draw give another denoising loss
            rt.seed(123);
            nets.loss(Batch.training(jets, norm, m));
            assertTrue(Math.abs(nets.lastParts()[0] - multiParts[0]) > 1e-4 * multiParts[0],
                    "k draws should not reduce to one draw");
        }
    }

    /**
     * The classifier feature: the denoiser reads the classifier (its output moves when only the classifier's weights
     * change), but no gradient of the denoiser reaches the classifier's parameters (they learn from their own loss
     * alone), while the feature's embedding does get one.
     */
    @Test
    void denoiserReadsTheClassifierWithoutTrainingIt() {
        assertTrue(Fixtures.tiny().classifierFeature(), "the tiny preset should exercise the classifier feature");
        float[] obs = random(B * NO * 3, 11);
        float[] hs = random(B * NH * 3, 12);
        float[] before = outputs(obs, ones(B * NO), NO, hs, ones(B * NH), NH)[0];
        var saved = nets.parameters().snapshot();
        try {
            NDArray w = nets.parameters().get("classifier.out.weight");
            w.set(w.mul(-3).toFloatArray());
            float[] after = outputs(obs, ones(B * NO), NO, hs, ones(B * NH), NH)[0];
            double diff = 0;
            for (int i = 0; i < before.length; i++) {
                diff = Math.max(diff, Math.abs(before[i] - after[i]));
            }
            assertTrue(diff > 1e-4, "denoiser output should depend on the classifier, max change " + diff);
            // the count feature: with the per-token embedding of P switched off, the multiplicity head still reads
            // the classifier (through ln(1 + Σ P))
            NDArray emb = nets.parameters().get("denoiser.embed_probability.weight");
            emb.set(new float[(int) emb.size()]);
            float[] countBefore = outputs(obs, ones(B * NO), NO, hs, ones(B * NH), NH)[1];
            w.set(w.mul(-3).toFloatArray());
            float[] countAfter = outputs(obs, ones(B * NO), NO, hs, ones(B * NH), NH)[1];
            double moved = 0;
            for (int i = 0; i < countBefore.length; i++) {
                moved = Math.max(moved, Math.abs(countBefore[i] - countAfter[i]));
            }
            assertTrue(Fixtures.tiny().countFeature() && moved > 1e-5, "multiplicity logits should read the "
                    + "classifier's expected count, max change " + moved);
        } finally {
            nets.parameters().load(saved, "the saved test weights");
        }
        try (NDManager m = rt.newManager();
                ai.djl.training.GradientCollector gc = rt.engine().newGradientCollector()) {
            NDArray o = m.create(obs, new Shape(B, NO, 3));
            NDArray om = m.create(ones(B * NO), new Shape(B, NO));
            NDArray ctx = m.create(random(B * 6, 77), new Shape(B, 6));
            Denoiser.Encoding e = nets.denoiser().encode(o, om, ctx);
            NDArray f = nets.denoiser().denoise(e, m.create(hs, new Shape(B, NH, 3)), m.create(ones(B * NH),
                    new Shape(B, NH)), m.create(new float[] {-1f, 0.2f, 0.9f}));
            gc.backward(f.square().sum().add(e.multiplicityLogits().square().sum()));
            double cls = 0;
            double emb = 0;
            for (var p : nets.parameters().parameters()) {
                NDArray g = p.array().getGradient();
                double a = g.abs().max().getFloat();
                g.close();
                if (p.name().startsWith("classifier.")) {
                    cls = Math.max(cls, a);
                } else if (p.name().startsWith("denoiser.embed_probability")) {
                    emb = Math.max(emb, a);
                }
            }
            assertEquals(0, cls, 0, "denoiser and multiplicity gradients must not reach the classifier");
            assertTrue(emb > 0, "the feature embedding should get a gradient");
        }
    }
}

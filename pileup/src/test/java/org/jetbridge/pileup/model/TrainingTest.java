package org.jetbridge.pileup.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jetbridge.nn.HostArray;
import org.jetbridge.nn.ModelArchive;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.JetEstimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny seeded training whose losses drop, and the saved model round trip. */
class TrainingTest {

    /**
     * The denoiser's gradients reach every layer and reduce its loss: on one fixed batch with fixed noise (the
     * noise generator is re-seeded after each batch is built), a memorisation task, the loss must fall well below
     * its start; a broken gradient path leaves it at the zero-output value.
     */
    @Test
    void denoisingLossFallsOnAFixedBatchWithFixedNoise(@TempDir Path out) throws Exception {
        NnRuntime rt = Fixtures.runtime();
        PileupConfig c = Fixtures.tiny().withSlots(2, 48);
        Normalisers norm = Fixtures.normalisers(c);
        List<EncodedJet> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(TrainingExamples.make(Fixtures.jets().get(i), Fixtures.pool(), c,
                    org.jetbridge.sim.RandomStream.forEvent(1, i)));
        }
        org.jetbridge.nn.train.BatchSource fixed = new org.jetbridge.nn.train.BatchSource() {
            @Override
            public long batchesPerEpoch() {
                return 1;
            }

            @Override
            public ai.djl.ndarray.NDList batch(long epoch, long index, ai.djl.ndarray.NDManager m) {
                ai.djl.ndarray.NDList b = Batch.training(batch, norm, m);
                rt.seed(5);
                return b;
            }
        };
        try (PileupNetworks nets = new PileupNetworks(rt, c, 2)) {
            float[] first = new float[1];
            float[] last = new float[1];
            var tc = PileupTraining.trainerConfig(TrainOptions.defaults(60).withLearningRate(1e-2).withEmaDecay0());
            new org.jetbridge.nn.train.Trainer(rt, tc).progress(new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), false).afterStep(s -> {
                        float d = nets.lastParts()[0];
                        if (s <= 10) {
                            first[0] += d / 10;
                        } else if (s > 50) {
                            last[0] += d / 10;
                        }
                    }).fit(nets, fixed, null, out);
            assertTrue(last[0] < 0.85 * first[0], "denoising loss " + first[0] + " -> " + last[0]);
        }
    }

    @Test
    void tinyTrainingLowersEveryLossAndTheSavedModelRoundTripsBitExactly(@TempDir Path out) throws Exception {
        NnRuntime rt = Fixtures.runtime();
        PileupConfig c = Fixtures.tiny();
        TrainOptions o = TrainOptions.defaults(24).withBatchSize(12).withLearningRate(3e-3).withValidation(1, 2)
                .withWarmupJets(200).withSeed(3);
        var all = Fixtures.jets();
        PileupTraining.Inputs in = new PileupTraining.Inputs(all.subList(0, 200), all.subList(200, 260),
                Fixtures.pool());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PileupTraining.Result r = PileupTraining.train(rt, c, o.withEmaDecay0(), in, out,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        String text = log.toString(StandardCharsets.UTF_8);
        System.err.print(text);
        // validation lines: "step S validation: denoise D multiplicity M classifier C"; before training the zero
        // output layer makes the denoising loss ≈ 1 (σ_data = 1), the multiplicity loss ≈ ln 48, the classifier ≈ ln 2
        List<double[]> v = text.lines().filter(l -> l.contains("validation: denoise")).map(l -> {
            String[] w = l.split(" ");
            return new double[] {Double.parseDouble(w[4]), Double.parseDouble(w[6]), Double.parseDouble(w[8])};
        }).toList();
        assertEquals(2, v.size());
        double[] end = v.get(1);
        assertTrue(end[0] < 1.1, "denoising loss after training: " + end[0]);
        assertTrue(end[1] < Math.log(48) - 0.3, "multiplicity loss after training: " + end[1]);
        assertTrue(end[2] < Math.log(2) - 0.1, "classifier loss after training: " + end[2]);
        assertTrue(Files.isRegularFile(r.modelDir().resolve(ModelArchive.WEIGHTS)));

        // load → save → load: identical arrays, identical samples
        List<ContaminatedJet> jets = Fixtures.contaminated(2, 20, 4);
        try (PileupModel a = PileupModel.load(rt, out)) {
            Path again = out.resolve("again");
            a.save(again);
            try (PileupModel b = PileupModel.load(rt, again)) {
                Map<String, HostArray> wa = a.networks().parameters().snapshot();
                Map<String, HostArray> wb = b.networks().parameters().snapshot();
                assertEquals(wa.keySet(), wb.keySet());
                for (String k : wa.keySet()) {
                    assertArrayEquals(wa.get(k).data(), wb.get(k).data(), k);
                }
                assertEquals(a.normalisers().toArrays(), b.normalisers().toArrays());
                assertEquals(c, b.config());
                List<List<JetEstimate>> sa = a.posterior(3, 2).estimate(jets, 7);
                List<List<JetEstimate>> sb = b.posterior(3, 2).estimate(jets, 7);
                assertEquals(sa, sb);
                assertEquals(a.classifier(0.3).estimate(jets, 1), b.classifier(0.3).estimate(jets, 1));
            }
        }
        Files.delete(out.resolve("model").resolve(ModelArchive.WEIGHTS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PileupModel.load(rt,
                out.resolve("model")));
        assertTrue(e.getMessage().contains("weights.npz"), e.getMessage());
    }
}

package org.jetbridge.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jetbridge.io.InputException;
import org.jetbridge.io.hdf5.Hdf5Reader;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interrupted training resumes to the same bits; the saved model embeds files consistently. */
class EmbedAndResumeTest {

    private static final TrainingOptions OPTIONS = TrainingOptions.defaults().withSteps(12).withBatchSize(64)
            .withValidation(300, 2).withNormalisationJets(600).withEmaDecay(0.9);

    @Test
    void interruptedTrainingResumesBitIdenticallyAndTheModelEmbedsConsistently(@TempDir Path tmp) throws Exception {
        NnRuntime rt = TestData.runtime();
        TaggerConfig config = TaggerConfig.preset("small");
        Path straight = tmp.resolve("straight");
        Path resumed = tmp.resolve("resumed");
        TrainingRun.Result a = TrainingRun.train(rt, config, OPTIONS, TestData.tiny(), TestData.tiny(), straight,
                System.err);
        // killed right after the checkpoint at step 6 (validations = 2 -> checkpoints every 6 steps)
        TrainingRun.Result cut = TrainingRun.train(rt, config, OPTIONS, TestData.tiny(), TestData.tiny(), resumed,
                System.err, s -> s == 6);
        assertTrue(cut.training().interrupted());
        assertEquals(6, Trainer.checkpointStep(resumed.resolve(TrainingRun.RUN).resolve(Trainer.LAST)));
        assertTrue(!Files.exists(resumed.resolve(TrainingRun.MODEL)), "no model from an interrupted run");
        TrainingRun.Result b = TrainingRun.train(rt, config, OPTIONS, TestData.tiny(), TestData.tiny(), resumed,
                System.err);
        assertEquals(12, b.training().steps());
        try (TaggerModel ma = TaggerModel.load(rt, straight); TaggerModel mb = TaggerModel.load(rt, resumed)) {
            ParameterStore pa = ma.parameters();
            for (String name : pa.names()) {
                assertArrayEquals(pa.snapshot().get(name).toFloats(), mb.parameters().snapshot().get(name).toFloats(),
                        name);
            }
            assertEquals(ma.normalisation(), mb.normalisation());

            Path latents = tmp.resolve("latents.h5");
            long n = LatentFile.embed(rt, ma, straight, TestData.tiny(), latents);
            try (Hdf5Reader r = LatentFile.open(latents, 128); TaggingFile in = TaggingFile.open(TestData.tiny())) {
                assertEquals(in.jets(), n);
                assertEquals(n, r.dataset(LatentFile.LATENT).rows());
                assertArrayEquals(new int[] {16}, r.dataset(LatentFile.PENULTIMATE).rowShape());
                int rows = (int) n;
                float[] latent = new float[rows * 128];
                float[] pen = new float[rows * 16];
                float[] p = new float[rows * 3];
                int[] flavour = new int[rows];
                float[] pt = new float[rows];
                r.read(LatentFile.LATENT, 0, rows, latent, 0);
                r.read(LatentFile.PENULTIMATE, 0, rows, pen, 0);
                r.read(LatentFile.PROBABILITIES, 0, rows, p, 0);
                r.read(LatentFile.FLAVOUR, 0, rows, flavour, 0);
                r.read(LatentFile.JET_PT, 0, rows, pt, 0);
                TaggingFile.Rows raw = in.read(0, rows);
                for (int i = 0; i < rows; i++) {
                    assertEquals(raw.flavour()[i], flavour[i]);
                    assertEquals(raw.jets()[i * raw.jetWidth() + in.jetPtColumn()], pt[i]);
                    assertEquals(1, p[3 * i] + p[3 * i + 1] + p[3 * i + 2], 1e-5);
                }
                // the frozen head on the stored latents gives the stored penultimate layer and probabilities
                float[] pen2 = new float[rows * 16];
                float[] p2 = new float[rows * 3];
                ma.frozenHead().apply(latent, rows, pen2, p2);
                assertArrayEquals(pen, pen2, 1e-5f);
                assertArrayEquals(p, p2, 1e-6f);
                // and the evaluation scores the same probabilities
                Evaluation.Result ev = Evaluation.score(rt, ma, TestData.tiny());
                assertArrayEquals(p, ev.probabilities(), 1e-6f);
            }
            InputException e = assertThrows(InputException.class, () -> LatentFile.open(latents, 64));
            assertTrue(e.getMessage().contains("dataset 'latent' has shape [" + n + ", 128], expected [*, 64]"),
                    e.getMessage());
        }
    }
}

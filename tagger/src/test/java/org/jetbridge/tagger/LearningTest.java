package org.jetbridge.tagger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real learning check: a short training on generated jets separates b from light on held-out jets. */
class LearningTest {

    @Test
    void shortTrainingBeatsChanceClearlyOnHeldOutJets(@TempDir Path out) throws Exception {
        TaggerConfig config = TaggerConfig.preset("small");
        TrainingOptions options = TrainingOptions.defaults().withSteps(150).withBatchSize(128).withLearningRate(2e-3)
                .withEmaDecay(0.98).withValidation(2000, 1).withNormalisationJets(10_000);
        TrainingRun.Result r = TrainingRun.train(TestData.runtime(), config, options, TestData.train(),
                TestData.validation(), out, System.err);
        System.err.println(r.validation().summary());
        assertTrue(r.validation().auc().get(Discriminant.B_VS_LIGHT) > 0.8, r.validation().summary());
        assertTrue(r.validation().auc().get(Discriminant.C_VS_LIGHT) > 0.6, r.validation().summary());
    }
}
